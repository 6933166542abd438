import { ApiHarness } from './support/api-harness';

/**
 * Recording events through the HTTP API (docs/events.md, "Recording events"): every write with
 * its success and its refusals, each refusal recording nothing.
 *
 * The Murygino seminars of 2020/2021 (seed: ru-murygino-2020-2021): a seminar of heads on Zoom
 * hosted by МБОУ Мурыгинская СШ, with the district's schools.
 */
describe('events: recording through the HTTP API', () => {
  let api: ApiHarness;
  const ids: Record<string, string> = {};
  let lastPosition = 0;

  const send = async (method: 'post' | 'put', url: string, body: object, expected = 200, headers: Record<string, string> = {}, key?: string) => {
    const res = await api.as(key)[method](url).set(headers).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    if (res.body.position) lastPosition = Math.max(lastPosition, res.body.position);
    return res;
  };
  const post = (url: string, body: object, expected = 200, headers: Record<string, string> = {}, key?: string) => send('post', url, body, expected, headers, key);
  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;

  const seminar = (over: Record<string, unknown> = {}) => ({
    kind: 'seminar',
    topic: 'Гражданско-патриотическое воспитание на основе краеведческого материала',
    networkIds: [ids.district],
    hostIds: [ids.murygino],
    when: { precision: 'date', from: '2021-03-15', startTime: '10:00', endTime: '12:00' },
    format: { mode: 'online', platform: 'ZOOM', link: 'https://zoom.us/j/123' },
    level: 'network',
    audience: ['heads', 'teachers'],
    people: [{ fullName: 'Петрова Анна Сергеевна', role: 'speaker' }],
    ...over,
  });

  beforeAll(async () => {
    api = await ApiHarness.start();
    const institution = async (key: string, shortName: string) => {
      ids[key] = (await post('/institutions', { fullName: `${shortName} Юрьянского района`, shortName, kind: 'general-school', settlement: 'Мурыгино' }, 201)).body.id;
    };
    await institution('murygino', 'МБОУ Мурыгинская СШ');
    await institution('ryabtsevo', 'МБОУ Рябцевская ОШ');
    ids.district = (await post('/networks', { name: 'Мурыгинский образовательный округ', kind: 'educational-district' }, 201)).body.id;
    await post(`/networks/${ids.district}/members`, { institutionId: ids.murygino, role: 'member', from: '2019-09-01' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('plans an event (201, Location) and records it held', async () => {
    const planned = await post('/events', seminar(), 201);
    expect(planned.body).toMatchObject({ revision: 0, position: expect.any(Number) });
    expect(planned.headers.location).toBe(`/events/${planned.body.id}`);
    const held = await post(`/events/${planned.body.id}/holding`, {
      when: { precision: 'date', from: '2021-03-15' },
      participation: { counts: { heads: 12, teachers: 30 }, institutionIds: [ids.murygino, ids.ryabtsevo] },
      outcome: 'Обобщён опыт школ округа',
      publications: [{ url: 'https://murygino.example.org/news/1', title: 'Размещено на сайте базовой школы' }],
    }, 200, { 'If-Match': '"0"' });
    expect(held.body).toMatchObject({ id: planned.body.id, revision: 1 });
  });
});
