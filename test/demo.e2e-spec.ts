import { AddressInfo } from 'node:net';
import { readDemoData } from '../demo/data-set';
import { CompositionReport, LoadDemoResult, loadDemo } from '../demo/load-demo';
import { DEMO_PLANS } from '../demo/plans';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';

/** The demo loader against the real API over real HTTP: everything loads, and a second run records nothing. */
describe('npm run demo against the API (embedded profile)', () => {
  let api: ApiHarness;
  let url: string;
  let first: LoadDemoResult;
  let second: LoadDemoResult;
  const lines: string[] = [];
  const data = readDemoData();

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    url = `http://127.0.0.1:${port}`;
    first = await loadDemo({ url, apiKey: ADMIN_KEY, log: (line) => lines.push(line) });
    second = await loadDemo({ url, apiKey: ADMIN_KEY });
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
  });

  const report = (result: LoadDemoResult, network: string, on: string): CompositionReport => {
    const found = result.compositions.find((c) => c.networkKey === network && c.on === on);
    if (!found) throw new Error(`no composition of ${network} on ${on}`);
    return found;
  };
  const members = (r: CompositionReport) => r.composition.members.map((m) => ({ shortName: m.shortName, role: m.role, since: m.since }));

  it('records every write of the data set on the first run', () => {
    const writes =
      data.institutions.length +
      data.networks.reduce((sum, n) => sum + 1 + n.members.length + (n.anchor ? 1 : 0) + (n.head ? 1 : 0), 0) +
      data.transfers.length +
      1 + // the events, in one import
      DEMO_PLANS.reduce((sum, p) => sum + 3 + p.items.length + p.items.reduce((links, i) => links + i.heldBy.length, 0) + (p.closing ? 1 : 0), 0); // draft, items, content, approval, links, closing
    expect(first.writes).toBe(writes);
    expect(first.recorded).toBe(writes);
    expect(first.headAfter).toBeGreaterThan(first.headBefore!);
  });

  it('records nothing on the second run and answers the same ids', () => {
    expect(second.recorded).toBe(0);
    expect(second.writes).toBe(first.writes);
    expect(second.headAfter).toBe(first.headAfter);
    expect(second.institutions).toEqual(first.institutions);
    expect(second.networks).toEqual(first.networks);
  });

  it('finds the server agreeing with the data set about every composition it printed', () => {
    const disagreeing = [...first.compositions, ...second.compositions].filter((c) => c.differences.length > 0);
    expect(disagreeing.map((c) => ({ network: c.networkKey, on: c.on, differences: c.differences }))).toEqual([]);
    expect(first.compositions.map((c) => `${c.networkKey}@${c.on}`)).toEqual(second.compositions.map((c) => `${c.networkKey}@${c.on}`));
    expect(lines.join('\n')).toContain('Школьный округ № 3');
  });

  it('Murygino district No. 3: seven members, the base school as anchor, the named head', async () => {
    const r = report(second, 'murygino-district-3', '2020-09-01');
    const murygino = first.institutions['murygino-murygino-ss'];
    expect(r.composition.anchor).toMatchObject({ institutionId: murygino, since: '2020-09-01' });
    expect(r.composition.head).toMatchObject({ fullName: 'О. И. Лахина', position: 'Руководитель округа', since: '2020-09-01' });
    expect(r.composition.members).toHaveLength(7);
    expect(r.composition.members.map((m) => m.institutionId).sort()).toEqual(
      data.networks.find((n) => n.key === 'murygino-district-3')!.members.map((m) => first.institutions[m.institution]).sort(),
    );
    expect(r.composition.members.find((m) => m.institutionId === murygino)?.role).toMatch(/^(anchor|member)$/);
    expect(r.composition.members.filter((m) => m.institutionId !== murygino).every((m) => m.role === 'member' && m.since === '2020-09-01')).toBe(true);

    // the same answer straight from the API, a year later
    const res = await api.as().get(`/networks/${first.networks['murygino-district-3']}/composition?on=2021-05-31`);
    expect(res.status).toBe(200);
    expect(res.body.members).toHaveLength(7);
  });

  it('Bakhmut: ZOSH No. 7 left its previous district and is in the district of NVK No. 11 from 2019-09-01, with two kindergartens as partners', () => {
    expect(members(report(second, 'bakhmut-previous-district', '2019-08-31'))).toEqual([{ shortName: 'ЗОШ № 7', role: 'member', since: '2017-09-01' }]);
    expect(report(second, 'bakhmut-previous-district', '2019-09-01').composition.members).toEqual([]);

    const district = report(second, 'bakhmut-district-nvk-11', '2019-09-01');
    expect(district.composition.anchor).toMatchObject({ institutionId: first.institutions['bakhmut-nvk-11'], since: '2019-09-01' });
    expect(district.composition.head).toBeNull();
    const byName = Object.fromEntries(members(district).map((m) => [m.shortName, m]));
    expect(Object.keys(byName).sort()).toEqual(['ДНЗ № 25', 'ДНЗ № 36', 'ЗОШ № 7', 'НВК № 11']);
    expect(byName['ЗОШ № 7']).toEqual({ shortName: 'ЗОШ № 7', role: 'member', since: '2019-09-01' });
    expect(byName['ДНЗ № 25']).toMatchObject({ role: 'partner', since: '2019-09-01' });
    expect(byName['ДНЗ № 36']).toMatchObject({ role: 'partner', since: '2019-09-01' });
    expect(byName['НВК № 11'].role).toMatch(/^(anchor|member)$/);
  });

  describe('the events the three reports describe, loaded through the events import', () => {
    type Item = { id: string; kind: string; topic: string; when: { precision: string; month?: string; academicYear?: string }; status: string; hostIds?: string[]; format?: { mode: string; platform: string | null } };
    const calendar = async (query: string): Promise<Item[]> => {
      const res = await api.as().get(`/events?${query}&limit=100&consistentWith=${first.headAfter}`);
      expect(res.status).toBe(200);
      return res.body.items;
    };
    const topics = (items: Item[]) => items.map((i) => i.topic);
    const ofSource = (source: string) => data.events.filter((e) => e.source === source);

    it('imports every event once: the second run finds them all unchanged', () => {
      expect(first.events).toMatchObject({ created: data.events.length, unchanged: 0 });
      expect(second.events).toMatchObject({ created: 0, unchanged: data.events.length, position: null });
      expect(Object.keys(second.events.ids).sort()).toEqual(data.events.map((e) => e.key).sort());
      expect(second.events.ids).toEqual(first.events.ids);
    });

    it('Murygino 2020/2021: the three seminars with their platform and hosts, held during the year, no day invented', async () => {
      const items = await calendar(`network=${first.networks['murygino-district-3']}&academicYear=2020/2021`);
      expect(items).toHaveLength(ofSource('murygino-2020-2021').length);
      expect(items.every((i) => i.status === 'held' && i.when.precision === 'academic-year' && i.when.academicYear === '2020/2021')).toBe(true);
      const seminars = items.filter((i) => i.kind === 'seminar' || i.kind === 'practice-oriented-seminar');
      expect(seminars.map((s) => [s.topic, s.hostIds, s.format?.mode, s.format?.platform]).sort()).toEqual(
        [
          ['Организация индивидуальной проектной деятельности обучающихся на уровнях основного общего образования и среднего общего образовании', [first.institutions['murygino-murygino-ss']], 'online', 'ZOOM'],
          ['Гражданско-патриотическое воспитание на основе краеведческого материала', [first.institutions['murygino-ryabtsevo-os']], 'online', 'ZOOM'],
          ['Развитие навыков самостоятельной работы обучающихся в условиях очного и дистанционного обучения на уроках естественно-математического цикла', [first.institutions['murygino-peresna-ss']], 'in-person', null],
        ].sort(),
      );
      // The seminar for the schools of district No. 1 is in that district's calendar too, as its audience.
      expect(topics(await calendar(`network=${first.networks['murygino-district-1']}&academicYear=2020/2021`))).toEqual(['Гражданско-патриотическое воспитание на основе краеведческого материала']);
      // Known only to the academic year: in no calendar year, and in no month.
      expect(await calendar(`network=${first.networks['murygino-district-3']}&year=2021`)).toEqual([]);
      expect(await calendar(`network=${first.networks['murygino-district-3']}&month=2021-03`)).toEqual([]);
    });

    it('Remontnoye 2022/2023: the November seminar first, then what is known only to the year (the conference, the forum, the consultations)', async () => {
      const items = await calendar(`network=${first.networks['remontnoye-central-district']}&academicYear=2022/2023`);
      expect(items).toHaveLength(ofSource('remontnoye-2022-2023').length);
      expect(items[0]).toMatchObject({ kind: 'seminar', when: { precision: 'month', month: '2022-11' } });
      expect(items.slice(1).every((i) => i.when.precision === 'academic-year')).toBe(true);
      expect(items.map((i) => i.kind).sort()).toEqual(['consultation', 'consultation', 'forum', 'research-practical-conference', 'seminar']);
      expect(topics(await calendar(`network=${first.networks['remontnoye-central-district']}&month=2022-11`))).toEqual(['Семинар']);
      expect(topics(await calendar(`network=${first.networks['remontnoye-central-district']}&year=2022`))).toEqual(['Семинар']);
      const conference = items.find((i) => i.kind === 'research-practical-conference')!;
      const one = await api.as().get(`/events/${conference.id}?consistentWith=${first.headAfter}`);
      expect(one.body).toMatchObject({ held: { outcome: 'Отобраны работы для участия в конференции на муниципальном уровне' } });
    });

    it('Bakhmut 2019/2020: joint meetings, the consilium, the excursions and the rest, none in another year', async () => {
      const district = first.networks['bakhmut-district-nvk-11'];
      const items = await calendar(`network=${district}&academicYear=2019/2020`);
      expect(items.map((i) => i.kind).sort()).toEqual(ofSource('bakhmut-2019-2020').map((e) => e.kind).sort());
      expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['joint-methodological-meeting', 'pedagogical-council', 'excursion']));
      expect(await calendar(`network=${district}&academicYear=2020/2021`)).toEqual([]);
    });

    it('participation totals: the reports give no counts, so none is invented; the institutions that took part are counted, partners and outsiders told apart', async () => {
      const totals = async (key: string, year: string) => {
        const res = await api.as().get(`/networks/${first.networks[key]}/participation?academicYear=${year}&consistentWith=${first.headAfter}`);
        expect(res.status).toBe(200);
        return res.body;
      };
      const bakhmut = await totals('bakhmut-district-nvk-11', '2019/2020');
      const held = ofSource('bakhmut-2019-2020').length;
      expect(bakhmut).toMatchObject({ events: held, eventsWithoutCounts: held, participants: 0, counts: {} });
      // ЗОШ № 7, ДНЗ № 25 and № 36 (partners, members), ЗОШ № 1, the college and the university (outsiders).
      expect(bakhmut).toMatchObject({ institutions: 6, outsideInstitutions: 3 });
      expect(bakhmut.byKind.find((k: { kind: string }) => k.kind === 'other')).toMatchObject({ events: 2 });
      const remontnoye = await totals('remontnoye-central-district', '2022/2023');
      expect(remontnoye).toMatchObject({ events: 5, participants: 0, institutions: 3, outsideInstitutions: 0 });
      const murygino = await totals('murygino-district-3', '2020/2021');
      expect(murygino.byKind.map((k: { kind: string; events: number }) => [k.kind, k.events])).toEqual([
        ['seminar', 2],
        ['practice-oriented-seminar', 1],
        ['olympiad-stage', 1],
        ['subject-week', 1],
      ]);
    });

    it('the consultations of Remontnoye are a series, as its report says the year traditionally begins with them', async () => {
      const res = await api.as().get(`/event-series?network=${first.networks['remontnoye-central-district']}&consistentWith=${first.headAfter}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((s: { name: string; kind: string }) => [s.name, s.kind])).toEqual([['Консультации по составлению рабочих программ', 'consultation']]);
    });
  });
  describe('the plans', () => {
    const plan = async (key: string) => {
      const res = await api.as().get(`/plans/${first.plans[key]}?consistentWith=${first.headAfter}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const fulfilment = async (key: string) => {
      const res = await api.as().get(`/plans/${first.plans[key]}/fulfilment?consistentWith=${first.headAfter}`);
      expect(res.status).toBe(200);
      return res.body;
    };

    it('answers the same plans and items on the second run', () => {
      expect(Object.keys(first.plans).sort()).toEqual(DEMO_PLANS.map((p) => p.key).sort());
      expect(second.plans).toEqual(first.plans);
      expect(second.planItems).toEqual(first.planItems);
      expect(lines).toContain('Plan of Школьный округ № 3 for 2020/2021: approved, 3 of 3 planned events held');
      expect(lines).toContain('Plan of Центральный образовательный округ for 2022/2023: closed («удовлетворительно»), 2 of 2 planned events held');
    });

    it('Murygino district No. 3, 2020/2021: approved, with its theme, goal, five tasks, four kinds of activity and three seminars, all held', async () => {
      const key = 'murygino-district-3-2020-2021';
      const body = await plan(key);
      expect(body).toMatchObject({ status: 'approved', revision: 1, networkId: first.networks['murygino-district-3'], content: { theme: 'Качество образования и воспитания в условиях очного, дистанционного и электронного обучения' } });
      expect(body.content.goal).toMatch(/^создание и поддержка единой системы/);
      expect(body.content.tasks).toHaveLength(5);
      expect(body.content.activityKinds).toHaveLength(4);
      expect(body.items.map((i: { kind: string; when: unknown }) => [i.kind, i.when])).toEqual([
        ['seminar', { precision: 'academic-year', academicYear: '2020/2021' }],
        ['seminar', { precision: 'academic-year', academicYear: '2020/2021' }],
        ['practice-oriented-seminar', { precision: 'academic-year', academicYear: '2020/2021' }],
      ]);
      const f = await fulfilment(key);
      expect(f.items.map((i: { planItemId: string; status: string; held: { eventId: string }[] }) => [i.planItemId, i.status, i.held.map((h) => h.eventId)])).toEqual([
        [first.planItems[`${key}:seminar-of-heads`], 'held', [first.events.ids['murygino-seminar-of-heads']]],
        [first.planItems[`${key}:seminar-for-district-1`], 'held', [first.events.ids['murygino-seminar-for-district-1']]],
        [first.planItems[`${key}:practice-oriented-seminar`], 'held', [first.events.ids['murygino-practice-oriented-seminar']]],
      ]);
      expect(f.totals).toMatchObject({ items: 3, held: 3, shareHeld: 1 });
      // the subject weeks and the olympiad stage were held without an item of the plan
      expect(f.unforeseen.map((e: { eventId: string }) => e.eventId).sort()).toEqual([first.events.ids['murygino-subject-weeks'], first.events.ids['murygino-olympiad-school-stage']].sort());
    });

    it('Remontnoye, 2022/2023: four tasks, two network projects, two agreements; closed «удовлетворительно» with next year’s goal and tasks', async () => {
      const key = 'remontnoye-central-district-2022-2023';
      const body = await plan(key);
      expect(body.status).toBe('closed');
      expect(body.content.goal).toMatch(/^содействие развитию инновационного потенциала/);
      expect(body.content.tasks).toHaveLength(4);
      expect(body.content.projects.map((p: { name: string }) => p.name)).toEqual([
        'Преемственность дошкольного и начального общего образования',
        'Система организации научной деятельности учащихся в рамках реализации ФГОС',
      ]);
      expect(body.content.projects[1].planItemIds).toEqual([first.planItems[`${key}:research-conference`]]);
      expect(body.content.agreements.map((a: { signedOn: string; partyInstitutionIds: string[] }) => [a.signedOn, a.partyInstitutionIds])).toEqual([
        ['2022-09-01', [first.institutions['remontnoye-gymnasium-1'], first.institutions['remontnoye-kievka-sosh']]],
        ['2022-09-01', [first.institutions['remontnoye-gymnasium-1'], first.institutions['remontnoye-valuevka-sosh']]],
      ]);
      expect(body.closedOn).toBe('2023-06-30');
      expect(body.closing.assessment).toMatchObject({ grade: 'satisfactory', label: { ru: 'удовлетворительно' } });
      expect(body.closing.nextYear.goal).toMatch(/^разработать и апробировать эффективную модель/);
      expect(body.closing.nextYear.tasks).toHaveLength(2);
      const f = await fulfilment(key);
      expect(f.totals).toMatchObject({ items: 2, held: 2, shareHeld: 1 });
    });

    it('Bakhmut, 2019/2020: the closing with its conclusion, the problem and two tasks for 2020/2021', async () => {
      const body = await plan('bakhmut-district-nvk-11-2019-2020');
      expect(body).toMatchObject({ status: 'closed', closedOn: '2020-06-30' });
      expect(body.closing.assessment).toMatchObject({ grade: 'sufficient', label: { uk: 'достатній рівень' }, comment: 'потребує удосконалення' });
      expect(body.closing.conclusions).toMatch(/відповідає достатньому рівню/);
      expect(body.closing.problems).toEqual(['конкурування учасників освітнього округу за контингент учнів та педагогічних працівників']);
      expect(body.closing.nextYear.tasks.map((t: { text: string }) => t.text)).toEqual([
        'Продовжити співпрацю щодо наступності дошкільної освіти та школи, базової та профільної школи',
        'Запровадження інноваційних форм роботи на освітньому окрузі, спрямованих на підвищення якості освітніх послуг та кадрове забезпечення закладів',
      ]);
      expect(body.closing.sections).toHaveLength(1);
    });
  });
});
