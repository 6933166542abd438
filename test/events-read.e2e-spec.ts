import { randomUUID } from 'node:crypto';
import { ApiHarness } from './support/api-harness';

/**
 * Reading events through the HTTP API (docs/events.md, "Reading events"): the calendar with
 * its filters, periods, order and pages; one event with its people and its history; an
 * institution's events; a network's participation totals; the series; the iCalendar feed,
 * parsed back. Each with its refusals: bad filters field by field, unknown ids 404.
 *
 * The events are Murygino's of 2020/2021 (seed: ru-murygino-2020-2021) with some of other
 * precisions, recorded through the write endpoints.
 */
describe('events: reading through the HTTP API', () => {
  let api: ApiHarness;
  const ids: Record<string, string> = {};
  let last = 0;

  const post = async (url: string, body: object, expected = 200, headers: Record<string, string> = {}) => {
    const res = await api.as().post(url).set(headers).send(body);
    if (res.status !== expected) throw new Error(`${url} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const get = (url: string) => api.as().get(`${url}${url.includes('?') ? '&' : '?'}consistentWith=${last}`);
  const fieldsOf = (res: { status: number; body: { errors?: Array<{ field: string }> } }) => ({ status: res.status, fields: (res.body.errors ?? []).map((e) => e.field) });

  const plan = async (key: string, over: Record<string, unknown>) => {
    ids[key] = (
      await post('/events', {
        kind: 'seminar',
        topic: `Семинар ${key}`,
        networkIds: [ids.district],
        hostIds: [ids.murygino],
        when: { precision: 'not-known' },
        format: { mode: 'in-person' },
        level: 'network',
        audience: ['teachers'],
        ...over,
      }, 201)
    ).body.id;
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    const institution = async (key: string, shortName: string) => {
      ids[key] = (await post('/institutions', { fullName: `${shortName} Починковского района`, shortName, kind: 'general-school', settlement: 'Мурыгино' }, 201)).body.id;
    };
    await institution('murygino', 'МБОУ Мурыгинская СШ');
    await institution('ryabtsevo', 'МБОУ Рябцевская ОШ');
    await institution('partner', 'МБДОУ детский сад № 21');
    ids.district = (await post('/networks', { name: 'Образовательный округ № 3', kind: 'educational-district' }, 201)).body.id;
    ids.district1 = (await post('/networks', { name: 'Образовательный округ № 1', kind: 'educational-district' }, 201)).body.id;
    await post(`/networks/${ids.district}/members`, { institutionId: ids.murygino, role: 'member', from: '2019-09-01' });
    await post(`/networks/${ids.district}/members`, { institutionId: ids.ryabtsevo, role: 'member', from: '2019-09-01' });

    // In date order of 2020/2021: 15 March 10:00, the range of 30 March–2 April (by its first
    // day), March (month only: after the dated days of its month), the academic year only;
    // 2021 (year only) is not in the academic year; and one not dated yet.
    await plan('heads', {
      topic: 'Организация индивидуальной проектной деятельности обучающихся',
      when: { precision: 'date', from: '2021-03-15', startTime: '10:00', endTime: '12:00' },
      format: { mode: 'online', platform: 'ZOOM', link: 'https://zoom.us/j/123' },
      audience: ['heads'],
      people: [{ fullName: 'Петрова Анна Сергеевна', role: 'speaker' }],
    });
    await plan('march', { kind: 'master-class', when: { precision: 'month', month: '2021-03' } });
    await plan('course', { kind: 'course', when: { precision: 'date', from: '2021-03-30', to: '2021-04-02' }, hostIds: [ids.ryabtsevo] });
    await plan('year', { when: { precision: 'year', year: 2021 } });
    await plan('patriotic', {
      topic: 'Гражданско-патриотическое воспитание на основе краеведческого материала',
      when: { precision: 'academic-year', academicYear: '2020/2021' },
      audienceNetworkIds: [ids.district1],
      hostIds: [ids.ryabtsevo, ids.partner],
    });
    await plan('later', { when: { precision: 'not-known' } });
    await post(`/events/${ids.heads}/holding`, {
      when: { precision: 'date', from: '2021-03-15', startTime: '10:00', endTime: '12:00' },
      participation: { counts: { heads: 12, teachers: 30 }, institutionIds: [ids.murygino, ids.ryabtsevo, ids.partner] },
      outcome: 'Обобщён опыт школ округа',
      publications: [{ url: 'https://murygino.example.org/news/1', title: 'Размещено на сайте базовой школы' }],
    }, 200, { 'If-Match': '"0"' });
    await post(`/events/${ids.patriotic}/holding`, {
      when: { precision: 'academic-year', academicYear: '2020/2021' },
      participation: { counts: { teachers: 14 }, institutionIds: [ids.ryabtsevo] },
    }, 200, { 'If-Match': '"0"' });
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('the calendar', () => {
    it('lists an academic year’s events in date order: dated by day, a month after its days, an academic-year-only event after its year; a year-only one is not said to be in it', async () => {
      const res = await get(`/events?network=${ids.district}&academicYear=2020/2021`);
      expect(res.status).toBe(200);
      expect(res.body.period).toEqual({ label: '2020/2021', from: '2020-09-01', to: '2021-08-31' });
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([ids.heads, ids.course, ids.march, ids.patriotic]);
      expect(res.body).toMatchObject({ total: 4, totalExact: true, offset: 0, limit: 50 });
      expect(res.body.items[2]).toMatchObject({ whenText: { uk: 'у березні 2021 р.', ru: 'в марте 2021 г.', en: 'in March 2021' }, status: 'planned', kind: 'master-class' });
      expect(res.body.items[0]).toMatchObject({
        status: 'held',
        format: { mode: 'online', platform: 'ZOOM', link: 'https://zoom.us/j/123' },
        held: { participantTotal: 42, participation: { counts: { heads: 12, teachers: 30 } }, outcome: 'Обобщён опыт школ округа', outsideInstitutionIds: [ids.partner] },
      });
      expect(res.body.items[0]).not.toHaveProperty('refs');
    });

    it('without a period, lists every event, the undated last', async () => {
      const res = await get('/events');
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([ids.heads, ids.course, ids.march, ids.patriotic, ids.year, ids.later]);
      expect(res.body.period).toBeNull();
    });

    it('filters by calendar year, month, range, kind, host, status, format, and the network an event is held for', async () => {
      const idsOf = async (query: string) => (await get(`/events?${query}`)).body.items.map((e: { id: string }) => e.id);
      expect(await idsOf('year=2021')).toEqual([ids.heads, ids.course, ids.march, ids.year]);
      expect(await idsOf('month=2021-04')).toEqual([ids.course]);
      expect(await idsOf('month=2021-03')).toEqual([ids.heads, ids.course, ids.march]);
      expect(await idsOf('from=2021-03-10&to=2021-03-20')).toEqual([ids.heads]);
      expect(await idsOf('kind=course')).toEqual([ids.course]);
      expect(await idsOf(`host=${ids.ryabtsevo}`)).toEqual([ids.course, ids.patriotic]);
      expect(await idsOf('status=held')).toEqual([ids.heads, ids.patriotic]);
      expect(await idsOf('format=online')).toEqual([ids.heads]);
      expect(await idsOf(`network=${ids.district1}`)).toEqual([ids.patriotic]);
      expect(await idsOf(`series=${randomUUID()}`)).toEqual([]);
    });

    it('pages like the institutions list', async () => {
      const res = await get('/events?offset=1&limit=2');
      expect(res.body).toMatchObject({ total: 6, offset: 1, limit: 2 });
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([ids.course, ids.march]);
    });

    it('answers bad filters field by field', async () => {
      expect(fieldsOf(await get('/events?academicYear=2020-2021&month=2021-13&kind=party&status=done&format=zoom&network=x&host=y&limit=0'))).toEqual({
        status: 400,
        fields: expect.arrayContaining(['academicYear', 'month', 'kind', 'status', 'format', 'network', 'host', 'limit']),
      });
      expect(fieldsOf(await get('/events?academicYear=2020/2021&month=2021-03'))).toEqual({ status: 400, fields: ['academicYear', 'month'] });
      expect(fieldsOf(await get('/events?academicYear=2020/2022'))).toEqual({ status: 400, fields: ['academicYear'] });
      expect(fieldsOf(await get('/events?from=2021-03-01'))).toEqual({ status: 400, fields: ['to'] });
      expect(fieldsOf(await get('/events?from=2021-03-02&to=2021-03-01'))).toEqual({ status: 400, fields: ['to'] });
      expect(fieldsOf(await get('/events?year=21'))).toEqual({ status: 400, fields: ['year'] });
      expect((await get('/events?consistentWith=x')).status).toBe(400);
    });
  });

  describe('one event', () => {
    it('has every detail, its people’s names from the vault, its revision as ETag; an erased name reads as erased', async () => {
      const res = await get(`/events/${ids.heads}`);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ id: ids.heads, networkIds: [ids.district], hostIds: [ids.murygino], outsideHostIds: [], audience: ['heads'], level: 'network', planItemIds: [] });
      expect(res.body.people).toEqual([{ personId: expect.any(String), role: 'speaker', fullName: 'Петрова Анна Сергеевна', erased: false }]);
      const patriotic = await get(`/events/${ids.patriotic}`);
      expect(patriotic.body).toMatchObject({ outsideHostIds: [ids.partner], audienceNetworkIds: [ids.district1], whenText: { ru: 'в течение 2020/2021 учебного года' } });

      const personId = res.body.people[0].personId;
      await post(`/people/${personId}/erasure`, { reason: 'Заявление об удалении персональных данных' });
      const after = await get(`/events/${ids.heads}`);
      expect(after.body.people).toEqual([{ personId, role: 'speaker', fullName: null, erased: true, erasedAt: expect.any(String) }]);
      expect(after.text).not.toContain('Петрова');
    });

    it('has its history: who, when, why, in words, from what to what', async () => {
      const res = await get(`/events/${ids.heads}/history`);
      expect(res.status).toBe(200);
      expect(res.body.eventId).toBe(ids.heads);
      const [planned, held] = res.body.entries;
      expect(planned).toMatchObject({ type: 'EventPlanned', revision: 0, actor: { role: 'admin' }, source: 'api', description: { uk: expect.stringContaining('Заплановано семінар') } });
      expect(planned.changes).toContainEqual({ field: 'topic', from: null, to: 'Организация индивидуальной проектной деятельности обучающихся' });
      expect(held).toMatchObject({ type: 'EventHeld', effectiveAt: '2021-03-15', description: { en: 'Event held 15 March 2021, 10:00–12:00 (42 participants)' } });
      expect(held.changes).toContainEqual({ field: 'status', from: 'planned', to: 'held' });
      expect(JSON.stringify(res.body)).not.toContain('Петрова');
    });

    it('is 404 for an id nobody has, 400 for one that is no id', async () => {
      for (const path of ['', '/history']) {
        const unknown = await get(`/events/${randomUUID()}${path}`);
        expect({ status: unknown.status, type: unknown.body.type }).toEqual({ status: 404, type: expect.stringContaining('not-found') });
        expect(fieldsOf(await get(`/events/nope${path}`))).toEqual({ status: 400, fields: ['id'] });
      }
    });
  });

  describe('an institution’s events', () => {
    it('lists what it hosted and what it took part in, saying how', async () => {
      const res = await get(`/institutions/${ids.partner}/events`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { id: string; involvement: object }) => [e.id, e.involvement])).toEqual([
        [ids.heads, { hosted: false, outsideHost: false, tookPart: true, outsideParticipant: true }],
        [ids.patriotic, { hosted: true, outsideHost: true, tookPart: false, outsideParticipant: false }],
      ]);
      const hosted = await get(`/institutions/${ids.ryabtsevo}/events?involvement=hosted&academicYear=2020/2021`);
      expect(hosted.body.items.map((e: { id: string }) => e.id)).toEqual([ids.course, ids.patriotic]);
      const tookPart = await get(`/institutions/${ids.ryabtsevo}/events?involvement=took-part`);
      expect(tookPart.body.items.map((e: { id: string }) => e.id)).toEqual([ids.heads, ids.patriotic]);
    });

    it('is 404 for an unknown institution, 400 for a bad filter', async () => {
      expect((await get(`/institutions/${randomUUID()}/events`)).status).toBe(404);
      expect(fieldsOf(await get(`/institutions/${ids.partner}/events?involvement=spoke&month=2021`))).toEqual({ status: 400, fields: expect.arrayContaining(['month', 'involvement']) });
    });
  });

  describe('participation totals', () => {
    it('adds up the held events a network holds in a period, by category and by kind', async () => {
      const res = await get(`/networks/${ids.district}/participation?academicYear=2020/2021`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        network: { id: ids.district, name: 'Образовательный округ № 3' },
        period: { label: '2020/2021', from: '2020-09-01', to: '2021-08-31' },
        events: 2,
        eventsWithoutCounts: 0,
        counts: { heads: 12, teachers: 44 },
        participants: 56,
        institutions: 3,
        outsideInstitutions: 1,
        byCategory: [
          { category: 'teachers', count: 44 },
          { category: 'heads', count: 12 },
        ],
      });
      expect(res.body.byKind).toEqual([{ kind: 'seminar', label: { uk: 'семінар', ru: 'семинар', en: 'seminar' }, events: 2, eventsWithoutCounts: 0, counts: { teachers: 44, heads: 12 }, participants: 56, institutions: 3, outsideInstitutions: 1 }]);
      // A month holds the dated seminar only; the audience network holds none of them.
      expect((await get(`/networks/${ids.district}/participation?month=2021-03`)).body).toMatchObject({ events: 1, participants: 42 });
      expect((await get(`/networks/${ids.district1}/participation?academicYear=2020/2021`)).body).toMatchObject({ events: 0, participants: 0, counts: {}, byKind: [] });
    });

    it('is 404 for an unknown network, 400 for a bad period', async () => {
      expect((await get(`/networks/${randomUUID()}/participation`)).status).toBe(404);
      expect(fieldsOf(await get(`/networks/${ids.district}/participation?year=2021&month=2021-03`))).toEqual({ status: 400, fields: ['year', 'month'] });
    });
  });

  describe('series', () => {
    it('lists the department’s series (none yet), and answers an unknown one 404 and a bad filter 400', async () => {
      expect((await get('/event-series')).body).toMatchObject({ items: [], total: 0 });
      expect((await get(`/event-series/${randomUUID()}`)).status).toBe(404);
      expect(fieldsOf(await get('/event-series?kind=party&network=x'))).toEqual({ status: 400, fields: expect.arrayContaining(['kind', 'network']) });
    });
  });

  describe('the iCalendar feed', () => {
    /** A small reader of RFC 5545: unfolds the lines, splits name, parameters and value, groups the components. */
    const parse = (text: string) => {
      const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
      expect(lines.pop()).toBe('');
      const unescape = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([\\;,])/g, '$1');
      const root: { props: Array<{ name: string; params: Record<string, string>; value: string }>; children: Array<{ props: Array<{ name: string; params: Record<string, string>; value: string }> }> } = { props: [], children: [] };
      let current: { props: Array<{ name: string; params: Record<string, string>; value: string }> } | null = null;
      for (const line of lines) {
        const colon = line.indexOf(':');
        const [name, ...params] = line.slice(0, colon).split(';');
        const value = line.slice(colon + 1);
        if (name === 'BEGIN' && value === 'VEVENT') current = { props: [] };
        else if (name === 'END' && value === 'VEVENT') {
          root.children.push(current!);
          current = null;
        } else if (name !== 'BEGIN' && name !== 'END') {
          (current ?? root).props.push({ name, params: Object.fromEntries(params.map((p) => p.split('='))), value: unescape(value) });
        }
      }
      return root;
    };
    const prop = (c: { props: Array<{ name: string; value: string; params: Record<string, string> }> }, name: string) => c.props.find((p) => p.name === name);

    it('is text/calendar with CRLF lines of at most 75 octets, VERSION and PRODID, one VEVENT per event known to the day, stable UIDs', async () => {
      const res = await get(`/networks/${ids.district}/events.ics?lang=ru`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const text = res.text;
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const calendar = parse(text);
      expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
      expect(prop(calendar, 'PRODID')?.value).toBeTruthy();
      expect(prop(calendar, 'X-WR-CALNAME')?.value).toBe('Мероприятия: Образовательный округ № 3');
      expect(prop(calendar, 'DESCRIPTION')?.value).toContain('не внесены: 4');
      expect(calendar.children.map((e) => prop(e, 'UID')?.value)).toEqual([`${ids.heads}@okrug`, `${ids.course}@okrug`]);
      const [heads, course] = calendar.children;
      expect(prop(heads, 'DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20210315T100000' });
      expect(prop(heads, 'DTEND')?.value).toBe('20210315T120000');
      expect(prop(heads, 'SUMMARY')?.value).toBe('Семинар: Организация индивидуальной проектной деятельности обучающихся');
      expect(prop(heads, 'LOCATION')?.value).toBe('ZOOM');
      expect(prop(heads, 'URL')?.value).toBe('https://zoom.us/j/123');
      expect(prop(heads, 'DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
      expect(prop(course, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20210330' });
      expect(prop(course, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20210403' });
      expect(prop(course, 'LOCATION')?.value).toBe('МБОУ Рябцевская ОШ');
      // The same feed on the next request: a subscribed application sees no change.
      expect((await get(`/networks/${ids.district}/events.ics?lang=ru`)).text).toBe(text);
    });

    it('is 404 for an unknown network, 400 for an unknown language, 401 without a key', async () => {
      expect((await get(`/networks/${randomUUID()}/events.ics`)).status).toBe(404);
      expect(fieldsOf(await get(`/networks/${ids.district}/events.ics?lang=de`))).toEqual({ status: 400, fields: ['lang'] });
      expect((await api.http.get(`/networks/${ids.district}/events.ics`)).status).toBe(401);
    });
  });
});
