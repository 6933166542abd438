import { EventEvent, evolveEvent, initialEventState } from '../event/event.decider';
import { EventSeriesEvent } from '../event/event-series.decider';
import { inAcademicYear, inMonth, inYear, onDay, onDays } from '../event/when';
import { EventRowInput, EventsImportInput } from './event-import-file';
import { EventsImportPlan, EventsImportWorld, importedEventId, importedSeriesId, eventIdsOf, planEventsImport, whenFromText } from './event-import-plan';

/*
 * Given what is recorded, when a file is planned, then each row's outcome and the events the
 * import would append. Bakhmut's district of НВК № 11 in 2019/2020: ЗОШ № 7 and НВК № 11 are
 * members, the kindergartens № 25 and 36 and ЗОШ № 1 are registered but not members.
 */

const BAKHMUT = 'bakhmut';
const DISTRICT = 'district-nvk-11';
const OLD_DISTRICT = 'previous-district';

const world = (overrides: Partial<EventsImportWorld> = {}): EventsImportWorld => ({
  department: BAKHMUT,
  today: '2020-06-30',
  yearStart: { month: 9, day: 1 },
  networks: [
    { id: DISTRICT, name: 'Освітній округ НВК № 11', number: null, dissolvedOn: null },
    { id: OLD_DISTRICT, name: 'Попередній освітній округ ЗОШ № 7', number: null, dissolvedOn: '2019-09-01' },
  ],
  institutions: [
    { id: 'school-7', shortName: 'ЗОШ № 7', externalCode: null },
    { id: 'nvk-11', shortName: 'НВК № 11', externalCode: '34000011' },
    { id: 'school-1', shortName: 'ЗОШ № 1', externalCode: null },
    { id: 'dnz-25', shortName: 'ДНЗ № 25', externalCode: null },
    { id: 'dnz-36', shortName: 'ДНЗ № 36', externalCode: null },
  ],
  memberships: [
    { networkId: DISTRICT, institutionId: 'nvk-11', from: '2017-09-01', to: null },
    { networkId: DISTRICT, institutionId: 'school-7', from: '2019-09-01', to: null },
  ],
  series: [],
  events: {},
  ...overrides,
});

const row = (fields: Partial<EventRowInput> = {}, at = 1): EventRowInput => ({
  row: at,
  kind: 'pedagogical-council',
  topic: 'Педконсиліум з адаптації першокласників',
  networks: ['Освітній округ НВК № 11'],
  audienceNetworks: [],
  hosts: [],
  when: '2019/2020',
  audience: [],
  counts: {},
  participants: ['ЗОШ № 7', 'ДНЗ № 25', 'ДНЗ № 36'],
  materials: [],
  publications: [],
  ...fields,
});

const csv = (...rows: EventRowInput[]): EventsImportInput => ({ format: 'csv', rows: rows.map((r, i) => ({ ...r, row: i + 1 })) });
const json = (...rows: EventRowInput[]): EventsImportInput => ({ format: 'json', rows: rows.map((r, i) => ({ ...r, row: `events[${i}]` })) });

const given = (recorded: EventsImportWorld = world()) => ({
  when: (file: EventsImportInput) => {
    const plan = planEventsImport(recorded, file);
    return { plan, then: (check: (plan: EventsImportPlan) => void) => check(plan) };
  },
});

const appended = (plan: EventsImportPlan) => plan.appends.flatMap((a) => a.events.map((e) => ({ stream: a.streamId, type: e.type })));
/** The world after the plan was appended: what a second import of the same file reads. */
const afterAppending = (recorded: EventsImportWorld, plan: EventsImportPlan): EventsImportWorld => {
  const events = { ...recorded.events };
  const series = [...recorded.series];
  for (const append of plan.appends) {
    const [category, ...rest] = append.streamId.split('-');
    const id = rest.join('-');
    if (category === 'EventSeries') {
      const e = append.events[0] as Extract<EventSeriesEvent, { type: 'EventSeriesEstablished' }>;
      series.push({ seriesId: e.data.seriesId, name: e.data.name, kind: e.data.kind, networkIds: e.data.networkIds });
    } else events[id] = { revision: append.events.length - 1, state: (append.events as EventEvent[]).reduce(evolveEvent, initialEventState()) };
  }
  return { ...recorded, events, series };
};

describe('planning an events import', () => {
  describe('a held event', () => {
    it('is planned and held in one decision: EventPlanned then EventHeld on its own stream, with the verdicts on the members', () => {
      given()
        .when(csv(row()))
        .then((plan) => {
          expect(plan.rows).toEqual([{ row: 1, entity: 'event', key: '«Педконсиліум з адаптації першокласників», 2019/2020', outcome: 'created', id: expect.any(String) }]);
          const id = plan.rows[0].id!;
          expect(appended(plan)).toEqual([
            { stream: `Event-${id}`, type: 'EventPlanned' },
            { stream: `Event-${id}`, type: 'EventHeld' },
          ]);
          const held = plan.appends[0].events[1] as Extract<EventEvent, { type: 'EventHeld' }>;
          expect(held.data).toMatchObject({
            when: inAcademicYear('2019/2020'),
            participation: { counts: {}, institutionIds: ['school-7', 'dnz-25', 'dnz-36'] },
            outsideInstitutionIds: ['dnz-25', 'dnz-36'],
          });
          expect(plan.appends[0].expectedRevision).toBe('no_stream');
          expect(plan.counts).toEqual({ created: { events: 1, series: 0 }, unchanged: { events: 0, series: 0 }, rejected: 0, rejectedByRule: {} });
        });
    });

    it('records its format, level, audience, counts, outcome and links as the row gives them, in person at the network level unless it says otherwise', () => {
      given()
        .when(
          json(
            row({ kind: 'seminar', topic: 'Семінар', hosts: ['34000011'], format: 'online', platform: 'ZOOM', level: 'municipal', audience: ['teachers'], counts: { teachers: 14, heads: 3 } }),
            row({ kind: 'excursion', topic: 'Екскурсії для батьків та дітей', outcome: 'Познайомились зі школою', publications: [{ url: 'https://school7.example/news', title: 'Сайт школи' }] }),
          ),
        )
        .then((plan) => {
          const planned = plan.appends.map((a) => a.events[0] as Extract<EventEvent, { type: 'EventPlanned' }>);
          expect(planned[0].data).toMatchObject({ hostIds: ['nvk-11'], format: { mode: 'online', platform: 'ZOOM', link: null }, level: 'municipal', audience: ['teachers'], outsideHostIds: [] });
          expect(planned[1].data).toMatchObject({ format: { mode: 'in-person', platform: null, link: null }, level: 'network' });
          const held = plan.appends.map((a) => a.events[1] as Extract<EventEvent, { type: 'EventHeld' }>);
          expect(held[0].data.participation.counts).toEqual({ teachers: 14, heads: 3 });
          expect(held[1].data).toMatchObject({ outcome: 'Познайомились зі школою', publications: [{ url: 'https://school7.example/news', title: 'Сайт школи' }] });
        });
    });

    it('marks a host that was a member of none of its networks on its date as an outside host', () => {
      given()
        .when(csv(row({ kind: 'joint-methodological-meeting', topic: 'Спільні засідання методичних об’єднань', hosts: ['ЗОШ № 7', 'ЗОШ № 1'], participants: [] })))
        .then((plan) => expect((plan.appends[0].events[0] as Extract<EventEvent, { type: 'EventPlanned' }>).data.outsideHostIds).toEqual(['school-1']));
    });
  });

  describe('a planned event', () => {
    it('is planned only, and may have no date yet', () => {
      given()
        .when(csv(row({ status: 'planned', participants: [], when: undefined, topic: 'Засідання ради округу' })))
        .then((plan) => {
          expect(appended(plan).map((e) => e.type)).toEqual(['EventPlanned']);
          expect((plan.appends[0].events[0] as Extract<EventEvent, { type: 'EventPlanned' }>).data.when).toEqual({ precision: 'not-known' });
        });
    });

    it('is rejected with what only holding records: counts, participants, outcome, links', () => {
      given()
        .when(csv(row({ status: 'planned', counts: { teachers: 3 }, outcome: 'Добре' })))
        .then((plan) => {
          expect(plan.rows[0]).toMatchObject({ outcome: 'rejected', rule: 'invalid-value' });
          expect(plan.rows[0].errors!.map((e) => e.field)).toEqual(['counts', 'participants', 'outcome']);
        });
    });
  });

  describe('dates', () => {
    it.each([
      ['2021-03-15', onDay('2021-03-15')],
      ['2021-03-15..2021-03-17', onDays('2021-03-15', '2021-03-17')],
      ['2021-03', inMonth('2021-03')],
      ['2021', inYear(2021)],
      ['2020/2021', inAcademicYear('2020/2021')],
      ['2020-2021', inAcademicYear('2020/2021')],
    ])('reads %s', (text, when) => expect(whenFromText(text)).toEqual(when));

    it('rejects a date written otherwise, or not in the calendar, and times without a day, field by field', () => {
      given()
        .when(csv(row({ when: '15.03.2021' }), row({ when: '2020-02-30' }), row({ when: '2020-02', startTime: '10:00' }), row({ when: '2020-02-12', startTime: '10:00', endTime: '09:00' })))
        .then((plan) => {
          expect(plan.rows.map((r) => [r.outcome, r.field])).toEqual([
            ['rejected', 'when'],
            ['rejected', 'when'],
            ['rejected', 'startTime'],
            ['rejected', 'endTime'],
          ]);
          expect(plan.rows[0].errors![0].messages[0]).toMatch(/YYYY-MM-DD/);
          expect(plan.appends).toEqual([]);
        });
    });
  });

  describe('names', () => {
    it('finds networks by name or id, institutions by id, externalCode or shortName', () => {
      given()
        .when(csv(row({ networks: [DISTRICT], hosts: ['nvk-11', '34000011', 'ЗОШ № 7'], participants: [] })))
        .then((plan) => expect((plan.appends[0].events[0] as Extract<EventEvent, { type: 'EventPlanned' }>).data).toMatchObject({ networkIds: [DISTRICT], hostIds: ['nvk-11', 'school-7'] }));
    });

    it('rejects a name that means nothing or several, saying which field and why', () => {
      const twins = world({ institutions: [...world().institutions, { id: 'school-7b', shortName: 'ЗОШ № 7', externalCode: null }] });
      given(twins)
        .when(csv(row({ hosts: ['ЗОШ № 99'] }), row({ participants: ['ЗОШ № 7'] }), row({ networks: ['Округ № 5'], participants: [] })))
        .then((plan) => {
          expect(plan.rows.map((r) => [r.rule, r.field])).toEqual([
            ['unresolved-reference', 'hosts'],
            ['ambiguous-reference', 'participants'],
            ['unresolved-reference', 'networks'],
          ]);
          expect(plan.rows[1].reason).toMatch(/2 institutions .* «ЗОШ № 7»; refer to one by its externalCode/);
        });
    });
  });

  describe('the rules of the deciders', () => {
    it('rejects an event held in the future, of a network dissolved on its date, and counts that are not whole numbers ≥ 0', () => {
      given()
        .when(
          csv(
            row({ when: '2020-09' }),
            row({ networks: ['Попередній освітній округ ЗОШ № 7'], participants: [], when: '2019-10-01' }),
            row({ counts: { teachers: -1, pupils: 'many', guests: 3 }, topic: 'Лічильники' }),
          ),
        )
        .then((plan) => {
          expect(plan.rows.map((r) => [r.rule, r.field])).toEqual([
            ['event-held-in-future', 'when'],
            ['network-dissolved', 'networks'],
            ['invalid-value', 'teachers'],
          ]);
          expect(plan.rows[2].errors!.map((e) => e.field)).toEqual(['teachers', 'pupils', 'guests']);
        });
    });

    it('names JSON counts as the file does', () => {
      given()
        .when(json(row({ counts: { teachers: 1.5 } })))
        .then((plan) => expect(plan.rows[0]).toMatchObject({ rule: 'invalid-value', field: 'counts.teachers' }));
    });

    it('lists every shape problem of a row at once, with the names that did not resolve', () => {
      given()
        .when(csv(row({ kind: 'party', topic: undefined, hosts: ['ЗОШ № 99'], level: 'galactic', format: 'in-person', link: 'https://zoom.example/x' })))
        .then((plan) => expect(plan.rows[0].errors!.map((e) => e.field).sort()).toEqual(['format', 'hosts', 'kind', 'level', 'topic']));
    });
  });

  describe('all rows or none', () => {
    it('appends nothing when one row is rejected, and still says what the others would be', () => {
      given()
        .when(csv(row(), row({ topic: 'Екскурсії', kind: 'excursion', when: '2030' })))
        .then((plan) => {
          expect(plan.rows.map((r) => r.outcome)).toEqual(['created', 'rejected']);
          expect(plan.appends).toEqual([]);
          expect(plan.counts).toMatchObject({ rejected: 1, rejectedByRule: { 'event-held-in-future': 1 } });
        });
    });

    it('rejects a row that is the same event as an earlier one: same key, or same kind, topic, networks and date', () => {
      given()
        .when(csv(row(), row({ hosts: ['ЗОШ № 7'] }), row({ key: 'A-1', topic: 'Перше' }), row({ key: 'A-1', topic: 'Друге' })))
        .then((plan) => expect(plan.rows.map((r) => r.rule ?? r.outcome)).toEqual(['created', 'duplicate-row', 'created', 'duplicate-row']));
    });
  });

  describe('the same file twice', () => {
    it('finds every event it recorded and changes nothing', () => {
      const file = csv(row(), row({ kind: 'excursion', topic: 'Екскурсії для батьків', series: 'Екскурсії для майбутніх першокласників' }));
      const first = planEventsImport(world(), file);
      expect(first.counts.created).toEqual({ events: 2, series: 1 });
      const again = planEventsImport(afterAppending(world(), first), file);
      expect(again.rows.map((r) => [r.entity, r.outcome])).toEqual([
        ['event', 'unchanged'],
        ['series', 'unchanged'],
        ['event', 'unchanged'],
      ]);
      expect(again.appends).toEqual([]);
      expect(eventIdsOf(world(), file)).toEqual(first.rows.filter((r) => r.entity === 'event').map((r) => r.id));
    });

    it('gives an event the same id in the same department only: from its key, or from what it is', () => {
      const identity = { kind: 'seminar', topic: 'Семінар', networkIds: ['b', 'a'], when: inMonth('2022-11') };
      expect(importedEventId('d', identity)).toBe(importedEventId('d', { ...identity, networkIds: ['a', 'b'] }));
      expect(importedEventId('d', identity)).not.toBe(importedEventId('e', identity));
      expect(importedEventId('d', { ...identity, key: 'K' })).toBe(importedEventId('d', { ...identity, topic: 'Другий', key: 'K' }));
    });

    it('rejects a row whose event is recorded with other details, and changes nothing', () => {
      const first = planEventsImport(world(), csv(row({ key: 'B-7' })));
      const changed = planEventsImport(afterAppending(world(), first), csv(row({ key: 'B-7', topic: 'Педконсиліум (виправлено)', counts: { teachers: 9 } })));
      expect(changed.rows[0]).toMatchObject({ outcome: 'rejected', rule: 'recorded-with-different-details' });
      expect(changed.rows[0].errors!.map((e) => e.field)).toEqual(['topic', 'counts']);
      expect(changed.appends).toEqual([]);
    });
  });

  describe('series', () => {
    it('establishes a series named for the first time, with the row’s kind and networks, before its events', () => {
      given()
        .when(csv(row({ kind: 'excursion', topic: 'Осінні екскурсії', participants: [], series: 'Екскурсії' }), row({ kind: 'excursion', topic: 'Весняні екскурсії', participants: [], series: 'Екскурсії' })))
        .then((plan) => {
          const seriesId = importedSeriesId(BAKHMUT, 'Екскурсії');
          expect(plan.rows.map((r) => [r.entity, r.outcome])).toEqual([
            ['series', 'created'],
            ['event', 'created'],
            ['event', 'created'],
          ]);
          expect(appended(plan).map((e) => e.type)).toEqual(['EventSeriesEstablished', 'EventPlanned', 'EventHeld', 'EventPlanned', 'EventHeld']);
          expect(plan.appends[0].events[0].data).toEqual({ seriesId, department: BAKHMUT, name: 'Екскурсії', kind: 'excursion', networkIds: [DISTRICT] });
          expect((plan.appends[1].events[0] as Extract<EventEvent, { type: 'EventPlanned' }>).data.seriesId).toBe(seriesId);
        });
    });

    it('takes an established series by its name, and holds its events to its kind', () => {
      given(world({ series: [{ seriesId: 'council', name: 'Рада округу', kind: 'council-meeting', networkIds: [DISTRICT] }] }))
        .when(csv(row({ kind: 'council-meeting', topic: 'Засідання ради', participants: [], series: 'Рада округу' }), row({ kind: 'seminar', topic: 'Семінар', participants: [], series: 'Рада округу' })))
        .then((plan) => {
          expect(plan.rows.map((r) => r.rule ?? `${r.entity} ${r.outcome}`)).toEqual(['series unchanged', 'event created', 'series-kind-mismatch']);
          expect(plan.rows[2].field).toBe('series');
        });
    });

    it('rejects a series whose network is dissolved today: a series recurs from now on', () => {
      given()
        .when(csv(row({ networks: ['Попередній освітній округ ЗОШ № 7'], participants: [], when: '2018/2019', series: 'Старі засідання' })))
        .then((plan) => expect(plan.rows[0]).toMatchObject({ outcome: 'rejected', rule: 'network-dissolved', field: 'series' }));
    });
  });
});
