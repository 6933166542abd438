import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { eventSeriesStream, eventStream } from '@app/events';
import { FixedClock } from '@app/kernel';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';
import { ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';

/**
 * Recording events through the HTTP API (docs/events.md, "Recording events"): every write with
 * its success and its refusals, field by field for malformed input, and each refusal recording
 * nothing (the log's head does not move).
 *
 * After the Murygino analysis of 2020/2021 (seed: ru-murygino-2020-2021): seminars of the
 * district on Zoom hosted by МБОУ Мурыгинская СШ (a member), one at МБОУ Рябцевская ОШ, which is
 * not a member of the district (an outside host). "Today" is 20 April 2021.
 */
describe('events: recording through the HTTP API', () => {
  const clock = new FixedClock(new Date('2021-04-20T08:00:00Z'));
  let api: ApiHarness;
  let store: EventStore;
  let vault: PersonalDataVault;
  const ids: Record<string, string> = {};
  const keys: Record<string, string> = {};

  const send = async (url: string, body: object, expected: number, headers: Record<string, string> = {}, key?: string) => {
    const res = await api.as(key).post(url).set(headers).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    return res;
  };
  const post = (url: string, body: object, headers: Record<string, string> = {}, key?: string) => send(url, body, 200, headers, key);
  const head = async (): Promise<number> => (await api.http.get('/health')).body.eventStore.head;
  const streamOf = async (eventId: string) => store.readStream(eventStream(eventId));
  const lastOf = async (eventId: string) => (await streamOf(eventId)).at(-1)!;

  /** The request is refused with this status and problem type, and nothing is recorded. */
  const refused = async (url: string, body: object, status: number, type: string, headers: Record<string, string> = {}, key?: string) => {
    const before = await head();
    const res = await api.as(key).post(url).set(headers).send(body);
    expect({ url, status: res.status, type: res.body.type }).toEqual({ url, status, type: `urn:okrug:problem:${type}` });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await head()).toBe(before);
    return res;
  };
  /** A 400 naming exactly these fields, nothing recorded. */
  const invalid = async (url: string, body: object, fields: string[], headers: Record<string, string> = {}) => {
    const res = await refused(url, body, 400, 'invalid-input', headers);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    return res;
  };

  const seminar = (over: Record<string, unknown> = {}) => ({
    kind: 'seminar',
    topic: 'Гражданско-патриотическое воспитание на основе краеведческого материала',
    networkIds: [ids.district],
    hostIds: [ids.murygino],
    when: { precision: 'date', from: '2021-03-15', startTime: '10:00', endTime: '12:00' },
    format: { mode: 'online', platform: 'ZOOM', link: 'https://zoom.us/j/123' },
    level: 'network',
    audience: ['heads', 'teachers'],
    ...over,
  });
  const plan = async (over: Record<string, unknown> = {}, key?: string) => (await send('/events', seminar(over), 201, {}, key)).body.id as string;
  const holding = (over: Record<string, unknown> = {}) => ({
    when: { precision: 'date', from: '2021-03-15' },
    participation: { counts: { heads: 12, teachers: 30 }, institutionIds: [ids.murygino] },
    outcome: 'Обобщён опыт работы школ округа',
    publications: [{ url: 'https://murygino.example.org/news/1', title: 'Размещено на сайте базовой школы' }],
    ...over,
  });

  beforeAll(async () => {
    api = await ApiHarness.start({}, undefined, clock);
    store = api.app.get(EVENT_STORE);
    vault = api.app.get(PERSONAL_DATA_VAULT);
    const institution = async (key: string, shortName: string) => {
      ids[key] = (await send('/institutions', { fullName: `${shortName} Юрьянского района`, shortName, kind: 'general-school', settlement: 'Мурыгино' }, 201)).body.id;
    };
    await institution('murygino', 'МБОУ Мурыгинская СШ');
    await institution('ryabtsevo', 'МБОУ Рябцевская ОШ');
    await institution('elsewhere', 'МБОУ Подгорненская СШ');
    const network = async (key: string, name: string, kind = 'educational-district') => {
      ids[key] = (await send('/networks', { name, kind }, 201)).body.id;
    };
    await network('district', 'Мурыгинский образовательный округ');
    await network('other', 'Подгорненский образовательный округ');
    await network('old', 'Гостовский образовательный округ');
    await network('council', 'Совет руководителей', 'council-of-heads');
    await post(`/networks/${ids.district}/members`, { institutionId: ids.murygino, role: 'member', from: '2019-09-01' });
    await post(`/networks/${ids.other}/members`, { institutionId: ids.elsewhere, role: 'member', from: '2019-09-01' });
    await post(`/networks/${ids.old}/dissolve`, { on: '2021-01-01', reason: 'Объединение округов' });
    ids.councilSeries = (await send('/event-series', { name: 'Совет руководителей', kind: 'council-meeting', networkIds: [ids.district] }, 201)).body.id;
    ids.otherSeries = (await send('/event-series', { name: 'Семинары Подгорненского округа', kind: 'seminar', networkIds: [ids.other] }, 201)).body.id;
    Object.assign(keys, await api.issueKeys({
      head: { actorId: 'head.murygino', role: 'network-head', label: 'Руководитель Мурыгинского округа', networkIds: [ids.district] },
      operator: { actorId: 'operator', role: 'operator', label: 'Методист' },
    }));
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('POST /events: planning', () => {
    it('plans an event (201, Location) with its people in the vault, never in the log, and an outside host marked', async () => {
      const res = await send('/events', seminar({ hostIds: [ids.murygino, ids.ryabtsevo], people: [{ fullName: 'Петрова Анна Сергеевна', role: 'speaker' }] }), 201);
      expect(res.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
      expect(res.headers.location).toBe(`/events/${res.body.id}`);
      const [planned] = await streamOf(res.body.id);
      expect(planned).toMatchObject({
        type: 'EventPlanned',
        data: {
          eventId: res.body.id,
          department: 'bakhmut',
          networkIds: [ids.district],
          hostIds: [ids.murygino, ids.ryabtsevo],
          outsideHostIds: [ids.ryabtsevo],
          when: { precision: 'date', from: '2021-03-15', to: null, startTime: '10:00', endTime: '12:00' },
          format: { mode: 'online', platform: 'ZOOM', link: 'https://zoom.us/j/123' },
          people: [{ personId: expect.any(String), role: 'speaker' }],
          seriesId: null,
          planItemIds: [],
        },
        metadata: { actor: { id: 'admin', role: 'admin' }, recordedAt: '2021-04-20T08:00:00.000Z' },
      });
      expect(JSON.stringify(planned)).not.toContain('Петрова');
      const personId = (planned.data as { people: { personId: string }[] }).people[0].personId;
      expect((await vault.lookup('bakhmut', [personId])).get(personId)).toEqual({ personId, status: 'present', fullName: 'Петрова Анна Сергеевна' });
    });

    it('plans with the optional fields left out, and a month, a year, an academic year or no date', async () => {
      for (const when of [{ precision: 'month', month: '2021-05' }, { precision: 'year', year: 2021 }, { precision: 'academic-year', academicYear: '2020/2021' }, { precision: 'not-known' }]) {
        const id = await plan({ when, hostIds: undefined, audience: undefined, format: { mode: 'in-person' } });
        expect((await lastOf(id)).data).toMatchObject({ when, hostIds: [], audience: [], audienceNetworkIds: [], format: { mode: 'in-person', platform: null, link: null } });
      }
    });

    it('answers malformed input field by field (400) and records nothing', async () => {
      await invalid(
        '/events',
        {
          kind: 'lecture',
          topic: '   ',
          networkIds: ['not-an-id'],
          when: { precision: 'date', from: '2021-02-30', startTime: '25:00' },
          format: { mode: 'by-post' },
          level: 'galactic',
          audience: ['aliens'],
          people: [{ fullName: '', role: 'speaker' }, { fullName: 'Іваненко', role: 'singer' }],
          colour: 'red',
        },
        ['kind', 'topic', 'networkIds', 'when.from', 'when.startTime', 'format.mode', 'level', 'audience', 'people.0.fullName', 'people.1.role', 'colour'],
      );
      await invalid('/events', {}, ['kind', 'topic', 'networkIds', 'when', 'format', 'level']);
      await invalid('/events', seminar({ networkIds: [] }), ['networkIds']);
      await invalid('/events', seminar({ when: { precision: 'sometime' } }), ['when.precision']);
    });

    it('refuses what the fields say together (400: a range ending before it begins, a field of another precision, a link of an in-person event) before a name reaches the vault', async () => {
      const people = [{ fullName: 'Не записанная Особа', role: 'speaker' }];
      await invalid('/events', seminar({ people, when: { precision: 'date', from: '2021-03-15', to: '2021-03-14' } }), ['when.to']);
      await invalid('/events', seminar({ people, when: { precision: 'month', month: '2021-03', from: '2021-03-01' } }), ['when.from']);
      await invalid('/events', seminar({ format: { mode: 'in-person', link: 'https://zoom.us/j/1' } }), ['format.mode']);
    });

    it('refuses each rule (422) and records nothing', async () => {
      await refused('/events', seminar({ networkIds: [randomUUID()] }), 422, 'network-not-registered');
      await refused('/events', seminar({ audienceNetworkIds: [randomUUID()] }), 422, 'network-not-registered');
      // Dissolved on 2021-01-01: nothing on or after that day, a month-only date included.
      await refused('/events', seminar({ networkIds: [ids.old], hostIds: [] }), 422, 'network-dissolved');
      await refused('/events', seminar({ networkIds: [ids.old], hostIds: [], when: { precision: 'month', month: '2021-01' } }), 422, 'network-dissolved');
      await refused('/events', seminar({ hostIds: [randomUUID()] }), 422, 'institution-not-registered');
      await refused('/events', seminar({ seriesId: randomUUID() }), 422, 'series-not-established');
      await refused('/events', seminar({ seriesId: ids.councilSeries }), 422, 'series-kind-mismatch');
      await refused('/events', seminar({ seriesId: ids.otherSeries }), 422, 'series-network-mismatch');
      // Before its dissolution the old network held events.
      await plan({ networkIds: [ids.old], hostIds: [], when: { precision: 'date', from: '2020-12-20' } });
    });

    it('plans an event of a series of its network and kind', async () => {
      const id = await plan({ kind: 'council-meeting', seriesId: ids.councilSeries, hostIds: [] });
      expect((await lastOf(id)).data).toMatchObject({ seriesId: ids.councilSeries });
    });

    it('answers a repeated Idempotency-Key with the first answer and records once, whatever the body', async () => {
      const before = await head();
      const key = { 'Idempotency-Key': 'plan-seminar-once' };
      const first = await send('/events', seminar({ people: [{ fullName: 'Сидоров Пётр', role: 'responsible' }] }), 201, key);
      const again = await send('/events', seminar({ people: [{ fullName: 'Сидоров Пётр', role: 'responsible' }] }), 201, key);
      const other = await send('/events', seminar({ topic: 'Совсем другое' }), 201, key);
      expect(again.body).toEqual(first.body);
      expect(other.body).toEqual(first.body);
      expect(await head()).toBe(before + 1);
    });
  });

  describe('POST /events/{id}/holding', () => {
    it('records an event held, with participation, outcome, links and the participants that were not members', async () => {
      const id = await plan();
      const res = await post(`/events/${id}/holding`, holding({ participation: { counts: { teachers: 30, heads: 12 }, institutionIds: [ids.murygino, ids.ryabtsevo] } }), { 'If-Match': '"0"' });
      expect(res.body).toEqual({ id, revision: 1, position: expect.any(Number) });
      expect(await lastOf(id)).toMatchObject({
        type: 'EventHeld',
        data: {
          when: { precision: 'date', from: '2021-03-15', to: null },
          participation: { counts: { teachers: 30, heads: 12 }, institutionIds: [ids.murygino, ids.ryabtsevo] },
          outsideInstitutionIds: [ids.ryabtsevo],
          outcome: 'Обобщён опыт работы школ округа',
          materials: [],
          publications: [{ url: 'https://murygino.example.org/news/1', title: 'Размещено на сайте базовой школы' }],
        },
        metadata: { effectiveAt: '2021-03-15' },
      });
    });

    it('answers malformed input field by field (400) and records nothing', async () => {
      const id = await plan();
      await invalid(`/events/${id}/holding`, holding({ participation: { counts: { pupils: -1, teachers: 1.5, martians: 3 }, institutionIds: ['x'] } }), [
        'participation.counts.pupils',
        'participation.counts.teachers',
        'participation.counts.martians',
        'participation.institutionIds',
      ]);
      await invalid(`/events/${id}/holding`, holding({ materials: [{ url: 'ftp://x' }], outcome: 5 }), ['materials.0.url', 'outcome']);
      await invalid(`/events/${id}/holding`, {}, ['when', 'participation']);
      await invalid(`/events/${id}/holding`, holding({ when: { precision: 'date', from: '2021-03-15', endTime: '09:00', startTime: '10:00' } }), ['when.endTime']);
      await invalid(`/events/not-a-uuid/holding`, holding(), ['id']);
    });

    it('refuses each rule (422) and records nothing', async () => {
      const id = await plan();
      await refused(`/events/${id}/holding`, holding({ when: { precision: 'date', from: '2021-04-20', to: '2021-04-22' } }), 422, 'event-held-in-future');
      await refused(`/events/${id}/holding`, holding({ when: { precision: 'month', month: '2021-05' } }), 422, 'event-held-in-future');
      await refused(`/events/${id}/holding`, holding({ when: { precision: 'not-known' } }), 422, 'held-date-required');
      await refused(`/events/${id}/holding`, holding({ participation: { counts: {}, institutionIds: [randomUUID()] } }), 422, 'institution-not-registered');
      // Held on a less precise date that has begun: this month.
      await post(`/events/${id}/holding`, holding({ when: { precision: 'month', month: '2021-04' } }));
      await refused(`/events/${id}/holding`, holding(), 422, 'event-already-held');
      const cancelled = await plan();
      await post(`/events/${cancelled}/cancel`, { reason: 'Карантин' });
      await refused(`/events/${cancelled}/holding`, holding(), 422, 'event-cancelled');
    });

    it('answers an unknown event, and another department’s, as not found (404), before If-Match', async () => {
      await refused(`/events/${randomUUID()}/holding`, holding(), 404, 'not-found');
      const id = await plan();
      const theirs = await secondDepartmentAdmin(api, 'kramatorsk');
      await refused(`/events/${id}/holding`, holding(), 404, 'not-found', {}, theirs);
      await refused(`/events/${id}/holding`, holding(), 404, 'not-found', { 'If-Match': '"7"' }, theirs);
    });

    it('refuses a stale If-Match (412) with the current revision, and records nothing', async () => {
      const id = await plan();
      await post(`/events/${id}/corrections`, { topic: 'Уточнённая тема' });
      const res = await refused(`/events/${id}/holding`, holding(), 412, 'stale-revision', { 'If-Match': '"0"' });
      expect(res.body.currentRevision).toBe(1);
      await post(`/events/${id}/holding`, holding(), { 'If-Match': '"1"' });
    });

    it('answers a repeated Idempotency-Key with the first answer', async () => {
      const id = await plan();
      const key = { 'Idempotency-Key': `hold-${id}` };
      const first = await post(`/events/${id}/holding`, holding(), key);
      const before = await head();
      expect((await post(`/events/${id}/holding`, holding({ outcome: 'иначе' }), key)).body).toEqual(first.body);
      expect(await head()).toBe(before);
    });
  });

  describe('POST /events/{id}/corrections: before holding', () => {
    it('corrects the details and the date, keeping the earlier values, and marks a new outside host', async () => {
      const id = await plan({ people: [{ fullName: 'Петрова Анна', role: 'speaker' }] });
      const [planned] = await streamOf(id);
      const speaker = (planned.data as { people: { personId: string }[] }).people[0].personId;
      const res = await post(`/events/${id}/corrections`, {
        topic: 'Краеведение в патриотическом воспитании',
        hostIds: [ids.ryabtsevo],
        when: { precision: 'date', from: '2021-03-16' },
        people: [{ personId: speaker, role: 'moderator' }, { fullName: 'Кузнецова Ирина', role: 'speaker' }],
        description: null,
      }, { 'If-Match': '"0"' });
      expect(res.body).toEqual({ id, revision: 1, position: expect.any(Number) });
      const corrected = await lastOf(id);
      expect(corrected).toMatchObject({
        type: 'EventDetailsCorrected',
        data: {
          corrections: { topic: 'Краеведение в патриотическом воспитании', hostIds: [ids.ryabtsevo], outsideHostIds: [ids.ryabtsevo], when: { from: '2021-03-16' } },
          previous: { topic: expect.stringContaining('Гражданско'), hostIds: [ids.murygino], outsideHostIds: [], when: { from: '2021-03-15' } },
          reason: null,
        },
      });
      const people = (corrected.data as { corrections: { people: { personId: string; role: string }[] } }).corrections.people;
      expect(people[0]).toEqual({ personId: speaker, role: 'moderator' });
      expect(JSON.stringify(corrected)).not.toContain('Кузнецова');
      expect((await vault.lookup('bakhmut', [people[1].personId])).get(people[1].personId)).toMatchObject({ fullName: 'Кузнецова Ирина' });
    });

    it('refuses malformed input (400), a person who is not the event’s, an unchanged value, a held event (422)', async () => {
      const id = await plan();
      await invalid(`/events/${id}/corrections`, { kind: null, topic: '', networkIds: [], format: { mode: 'x' }, people: [{ role: 'speaker' }] }, ['kind', 'topic', 'networkIds', 'format.mode', 'people.0.fullName']);
      await invalid(`/events/${id}/corrections`, { people: [{ fullName: 'Двое', personId: randomUUID(), role: 'speaker' }] }, ['people.0.fullName']);
      await refused(`/events/${id}/corrections`, { people: [{ personId: randomUUID(), role: 'speaker' }] }, 422, 'person-not-in-event');
      await refused(`/events/${id}/corrections`, { topic: seminar().topic }, 422, 'nothing-to-change');
      await refused(`/events/${id}/corrections`, {}, 422, 'nothing-to-change');
      await refused(`/events/${id}/corrections`, { networkIds: [ids.old] }, 422, 'network-dissolved');
      await refused(`/events/${id}/corrections`, { seriesId: ids.otherSeries }, 422, 'series-network-mismatch');
      await post(`/events/${id}/holding`, holding());
      await refused(`/events/${id}/corrections`, { topic: 'Другая' }, 422, 'event-already-held');
      await refused(`/events/${randomUUID()}/corrections`, { topic: 'Другая' }, 404, 'not-found');
    });
  });

  describe('POST /events/{id}/postpone and /cancel', () => {
    it('postpones with a reason, keeping the date it had; postpones again; then cancels', async () => {
      const id = await plan();
      await post(`/events/${id}/postpone`, { when: { precision: 'month', month: '2021-05' }, reason: 'Карантин в школах округа' }, { 'If-Match': '"0"' });
      expect(await lastOf(id)).toMatchObject({
        type: 'EventPostponed',
        data: { when: { precision: 'month', month: '2021-05' }, previousWhen: { precision: 'date', from: '2021-03-15' }, reason: 'Карантин в школах округа' },
        metadata: { reason: 'Карантин в школах округа' },
      });
      await post(`/events/${id}/postpone`, { when: { precision: 'not-known' }, reason: 'Дата будет определена' });
      await refused(`/events/${id}/postpone`, { when: { precision: 'not-known' }, reason: 'Снова' }, 422, 'nothing-to-change');
      const res = await post(`/events/${id}/cancel`, { reason: 'Отменён решением управления' }, { 'If-Match': '"2"' });
      expect(res.body.revision).toBe(3);
      expect(await lastOf(id)).toMatchObject({ type: 'EventCancelled', data: { reason: 'Отменён решением управления', networkIds: [ids.district] } });
      await refused(`/events/${id}/cancel`, { reason: 'Ещё раз' }, 422, 'event-already-cancelled');
      await refused(`/events/${id}/postpone`, { when: { precision: 'month', month: '2021-06' }, reason: 'x' }, 422, 'event-cancelled');
    });

    it('refuses malformed input (400), a held event (422), a stale If-Match (412), an unknown event (404)', async () => {
      const id = await plan();
      await invalid(`/events/${id}/postpone`, { when: { precision: 'month', month: '2021-13' } }, ['when.month', 'reason']);
      await invalid(`/events/${id}/cancel`, { reason: '  ' }, ['reason']);
      await refused(`/events/${id}/cancel`, { reason: 'x' }, 412, 'stale-revision', { 'If-Match': '"4"' });
      await post(`/events/${id}/holding`, holding());
      await refused(`/events/${id}/cancel`, { reason: 'x' }, 422, 'event-already-held');
      await refused(`/events/${id}/postpone`, { when: { precision: 'month', month: '2021-06' }, reason: 'x' }, 422, 'event-already-held');
      await refused(`/events/${randomUUID()}/cancel`, { reason: 'x' }, 404, 'not-found');
      await refused(`/events/${randomUUID()}/postpone`, { when: { precision: 'not-known' }, reason: 'x' }, 404, 'not-found');
    });

    it('refuses a postponement onto a day its network no longer exists', async () => {
      const id = await plan({ networkIds: [ids.old], hostIds: [], when: { precision: 'date', from: '2020-12-20' } });
      await refused(`/events/${id}/postpone`, { when: { precision: 'date', from: '2021-02-01' }, reason: 'Перенос' }, 422, 'network-dissolved');
    });
  });

  describe('POST /events/{id}/holding/corrections: after holding', () => {
    it('corrects what holding recorded with a reason, keeping the earlier values', async () => {
      const id = await plan();
      await post(`/events/${id}/holding`, holding());
      const res = await post(`/events/${id}/holding/corrections`, {
        participation: { counts: { heads: 14, teachers: 30 }, institutionIds: [ids.murygino, ids.ryabtsevo] },
        topic: 'Краеведение',
        reason: 'Уточнено по журналу регистрации',
      }, { 'If-Match': '"1"' });
      expect(res.body.revision).toBe(2);
      expect(await lastOf(id)).toMatchObject({
        type: 'HeldEventCorrected',
        data: {
          corrections: { participation: { counts: { heads: 14, teachers: 30 } }, topic: 'Краеведение', outsideInstitutionIds: [ids.ryabtsevo] },
          previous: { participation: { counts: { heads: 12, teachers: 30 }, institutionIds: [ids.murygino] }, topic: expect.stringContaining('Гражданско'), outsideInstitutionIds: [] },
          reason: 'Уточнено по журналу регистрации',
        },
        metadata: { reason: 'Уточнено по журналу регистрации' },
      });
    });

    it('refuses malformed input (400), no change, a future date, a planned event (422)', async () => {
      const id = await plan();
      await refused(`/events/${id}/holding/corrections`, { topic: 'x', reason: 'x' }, 422, 'event-not-held');
      await post(`/events/${id}/holding`, holding());
      await invalid(`/events/${id}/holding/corrections`, { topic: 'Краеведение' }, ['reason']);
      await invalid(`/events/${id}/holding/corrections`, { participation: { counts: { heads: -3 }, institutionIds: [] }, reason: 'x' }, ['participation.counts.heads']);
      await refused(`/events/${id}/holding/corrections`, { outcome: 'Обобщён опыт работы школ округа', reason: 'x' }, 422, 'nothing-to-change');
      await refused(`/events/${id}/holding/corrections`, { when: { precision: 'date', from: '2021-05-01' }, reason: 'x' }, 422, 'event-held-in-future');
      await refused(`/events/${id}/holding/corrections`, { hostIds: [randomUUID()], reason: 'x' }, 422, 'institution-not-registered');
      await refused(`/events/${id}/holding/corrections`, { reason: 'x' }, 412, 'stale-revision', { 'If-Match': '"0"' });
    });
  });

  describe('plan items: POST /events/{id}/plan-items and …/plan-items/{planItemId}/unlink', () => {
    it('links and unlinks (with a reason), refusing a second link, an unlink of what is not linked, malformed input', async () => {
      const item = randomUUID();
      const id = await plan({ planItemIds: [randomUUID()] });
      await post(`/events/${id}/plan-items`, { planItemId: item }, { 'If-Match': '"0"' });
      expect(await lastOf(id)).toMatchObject({ type: 'EventLinkedToPlanItem', data: { planItemId: item, reason: null } });
      await refused(`/events/${id}/plan-items`, { planItemId: item }, 422, 'nothing-to-change');
      await invalid(`/events/${id}/plan-items`, { planItemId: 'x' }, ['planItemId']);
      await invalid(`/events/${id}/plan-items/${item}/unlink`, {}, ['reason']);
      await refused(`/events/${id}/plan-items/${randomUUID()}/unlink`, { reason: 'x' }, 422, 'plan-item-not-linked');
      await post(`/events/${id}/plan-items/${item}/unlink`, { reason: 'Пункт плана перенесён' });
      expect(await lastOf(id)).toMatchObject({ type: 'EventUnlinkedFromPlanItem', data: { planItemId: item, reason: 'Пункт плана перенесён' } });
      await refused(`/events/${randomUUID()}/plan-items`, { planItemId: item }, 404, 'not-found');
    });
  });

  describe('series: POST /event-series and /event-series/{id}/rename', () => {
    it('establishes (201, Location) and renames a series', async () => {
      const res = await send('/event-series', { name: 'Единый день открытых дверей', kind: 'open-door-day', networkIds: [ids.district, ids.other] }, 201);
      expect(res.headers.location).toBe(`/event-series/${res.body.id}`);
      expect(res.body.revision).toBe(0);
      await post(`/event-series/${res.body.id}/rename`, { name: 'Единый день открытых дверей в школах' }, { 'If-Match': '"0"' });
      const stream = await store.readStream(eventSeriesStream(res.body.id));
      expect(stream.map((e) => e.type)).toEqual(['EventSeriesEstablished', 'EventSeriesRenamed']);
      expect(stream[0].data).toMatchObject({ kind: 'open-door-day', networkIds: [ids.district, ids.other] });
      // An event of either network may be one of it.
      await plan({ kind: 'open-door-day', seriesId: res.body.id, networkIds: [ids.other], hostIds: [ids.elsewhere] });
    });

    it('refuses malformed input (400), unknown or dissolved networks and an unchanged name (422), a stale If-Match (412), an unknown series (404)', async () => {
      await invalid('/event-series', { name: '', kind: 'party', networkIds: [] }, ['name', 'kind', 'networkIds']);
      await refused('/event-series', { name: 'x', kind: 'seminar', networkIds: [randomUUID()] }, 422, 'network-not-registered');
      await refused('/event-series', { name: 'x', kind: 'seminar', networkIds: [ids.old] }, 422, 'network-dissolved');
      await refused(`/event-series/${ids.councilSeries}/rename`, { name: 'Совет руководителей' }, 422, 'nothing-to-change');
      await refused(`/event-series/${ids.councilSeries}/rename`, { name: 'Совет' }, 412, 'stale-revision', { 'If-Match': '"3"' });
      await invalid(`/event-series/${ids.councilSeries}/rename`, { name: ' ' }, ['name']);
      await refused(`/event-series/${randomUUID()}/rename`, { name: 'x' }, 404, 'not-found');
    });

    it('answers a repeated Idempotency-Key with the first series', async () => {
      const key = { 'Idempotency-Key': 'series-once' };
      const first = await send('/event-series', { name: 'Олимпиада', kind: 'olympiad-stage', networkIds: [ids.district] }, 201, key);
      expect((await send('/event-series', { name: 'Олимпиада', kind: 'olympiad-stage', networkIds: [ids.district] }, 201, key)).body).toEqual(first.body);
    });
  });

  describe('network heads: the events of their own networks only', () => {
    it('lets a head plan, hold and change its network’s events, a joint one included', async () => {
      const id = await plan({}, keys.head);
      await post(`/events/${id}/holding`, holding(), {}, keys.head);
      await post(`/events/${id}/holding/corrections`, { outcome: 'Уточнено', reason: 'Уточнение' }, {}, keys.head);
      // Joint with another network: one of its networks is the head's.
      const joint = await plan({ networkIds: [ids.district, ids.other] }, keys.head);
      await post(`/events/${joint}/postpone`, { when: { precision: 'month', month: '2021-05' }, reason: 'Перенос' }, {}, keys.head);
      const series = (await send('/event-series', { name: 'Семинары округа', kind: 'seminar', networkIds: [ids.district] }, 201, {}, keys.head)).body.id;
      await post(`/event-series/${series}/rename`, { name: 'Семинары Мурыгинского округа' }, {}, keys.head);
    });

    it('refuses a head another network’s events (403), before anything is written', async () => {
      await refused('/events', seminar({ networkIds: [ids.other], hostIds: [], people: [{ fullName: 'Никто', role: 'speaker' }] }), 403, 'forbidden', {}, keys.head);
      // Audience networks do not make an event the head's.
      await refused('/events', seminar({ networkIds: [ids.other], audienceNetworkIds: [ids.district], hostIds: [] }), 403, 'forbidden', {}, keys.head);
      const theirs = await plan({ networkIds: [ids.other], hostIds: [] });
      await refused(`/events/${theirs}/holding`, holding({ participation: { counts: {}, institutionIds: [] } }), 403, 'forbidden', {}, keys.head);
      await refused(`/events/${theirs}/cancel`, { reason: 'x' }, 403, 'forbidden', {}, keys.head);
      await refused(`/events/${theirs}/corrections`, { networkIds: [ids.district] }, 403, 'forbidden', {}, keys.head);
      await refused(`/event-series/${ids.otherSeries}/rename`, { name: 'Чужая серия' }, 403, 'forbidden', {}, keys.head);
      await refused('/event-series', { name: 'Чужая', kind: 'seminar', networkIds: [ids.other] }, 403, 'forbidden', {}, keys.head);
      // Its own event may not be handed to another network entirely.
      const own = await plan({}, keys.head);
      await refused(`/events/${own}/corrections`, { networkIds: [ids.other] }, 403, 'forbidden', {}, keys.head);
      await post(`/events/${own}/corrections`, { networkIds: [ids.district, ids.other] }, {}, keys.head);
      // An operator records the whole department's.
      await post(`/events/${theirs}/cancel`, { reason: 'Отменён' }, {}, keys.operator);
    });
  });

  describe('people: names are personal data', () => {
    it('erases an event person’s name on request; the vault then reads them as erased, the event keeps the id', async () => {
      const id = await plan({ people: [{ fullName: 'Шевченко Тарас Григорович', role: 'open-lesson-teacher' }] });
      const personId = ((await lastOf(id)).data as { people: { personId: string }[] }).people[0].personId;
      const erased = await post(`/people/${personId}/erasure`, { reason: 'Запит особи про видалення даних' });
      expect(erased.body).toMatchObject({ personId, erasedBy: 'admin' });
      expect((await vault.lookup('bakhmut', [personId])).get(personId)).toEqual({ personId, status: 'erased', erasedAt: erased.body.erasedAt });
      expect((await lastOf(id)).data).toMatchObject({ people: [{ personId, role: 'open-lesson-teacher' }] });
      // An erased person can be kept by id in a correction; a new name is a new person.
      await post(`/events/${id}/corrections`, { people: [{ personId, role: 'speaker' }] });
    });
  });
});
