import {
  DemoData,
  INSTITUTION_KINDS,
  MEMBER_ROLES,
  NETWORK_KINDS,
  checkDemoData,
  demoDataProblems,
  eventsImportFile,
  expectedComposition,
  isRealDate,
  readDemoData,
  staysOf,
} from './data-set';

const data = readDemoData();
const copy = (): DemoData => structuredClone(data);
const problems = checkDemoData(data);

describe('the demo data set', () => {
  it('has institutions and networks from each of the three sources', () => {
    expect(data.sources.map((s) => s.key)).toEqual(['bakhmut-2019-2020', 'murygino-2020-2021', 'remontnoye-2022-2023']);
    for (const source of data.sources) {
      expect(data.institutions.some((i) => i.source === source.key)).toBe(true);
      expect(data.networks.some((n) => n.source === source.key)).toBe(true);
    }
  });

  it('has unique ASCII keys, known sources, unique short names and network names', () => {
    expect(problems.keys).toEqual([]);
  });

  it('uses only kinds and roles from the closed lists', () => {
    expect(problems.kinds).toEqual([]);
  });

  it('writes every date as a real YYYY-MM-DD date', () => {
    expect(problems.dates).toEqual([]);
  });

  it('fills every required field', () => {
    expect(problems['required-fields']).toEqual([]);
  });

  it('references only institutions of the set from memberships, anchors and transfers', () => {
    expect(problems['members-reference-institutions']).toEqual([]);
  });

  it('transfers only current members, after they joined, between networks of one kind', () => {
    expect(problems.transfers).toEqual([]);
  });

  it('puts an institution in at most one network of a kind on any date', () => {
    expect(problems['one-network-per-kind']).toEqual([]);
  });

  it('makes every anchor a member of its network from the day it leads', () => {
    expect(problems['anchors-are-members']).toEqual([]);
  });

  describe('the stories it tells', () => {
    it('Murygino district No. 3: seven members, the base school anchors, a named head', () => {
      const district = data.networks.find((n) => n.key === 'murygino-district-3')!;
      expect(district).toMatchObject({ kind: 'educational-district', number: '3', anchor: { institution: 'murygino-murygino-ss' } });
      expect(district.head).toEqual({ fullName: 'О. И. Лахина', position: 'Руководитель округа', appointedOn: '2020-09-01' });
      expect(expectedComposition(data, 'murygino-district-3', '2020-09-01')).toHaveLength(7);
    });

    it('Bakhmut: ZOSH No. 7 moves to the district of NVK No. 11 on 2019-09-01, two kindergartens join it as partners', () => {
      expect(expectedComposition(data, 'bakhmut-previous-district', '2019-08-31').map((m) => m.institution)).toEqual(['bakhmut-zosh-7']);
      expect(expectedComposition(data, 'bakhmut-previous-district', '2019-09-01')).toEqual([]);
      expect(expectedComposition(data, 'bakhmut-district-nvk-11', '2019-09-01')).toEqual(
        expect.arrayContaining([
          { institution: 'bakhmut-nvk-11', role: 'member', since: '2019-09-01' },
          { institution: 'bakhmut-zosh-7', role: 'member', since: '2019-09-01' },
          { institution: 'bakhmut-dnz-25', role: 'partner', since: '2019-09-01' },
          { institution: 'bakhmut-dnz-36', role: 'partner', since: '2019-09-01' },
        ]),
      );
      expect(data.networks.find((n) => n.key === 'bakhmut-previous-district')?.assumed).toBe(true);
    });

    it('Bakhmut: the college, the university and ZOSH No. 1 cooperate without membership', () => {
      const inSomeNetwork = new Set(staysOf(data).map((s) => s.institution));
      for (const key of ['bakhmut-pedagogical-college', 'bakhmut-foreign-languages-university', 'bakhmut-zosh-1']) {
        expect(data.institutions.some((i) => i.key === key)).toBe(true);
        expect(inSomeNetwork.has(key)).toBe(false);
      }
    });

    it('Remontnoye: the gymnasium anchors the Central district and the district-wide network at once', () => {
      const anchored = data.networks.filter((n) => n.anchor?.institution === 'remontnoye-gymnasium-1');
      expect(anchored.map((n) => n.kind).sort()).toEqual(['educational-district', 'other']);
    });
  });
});

describe('the events of the data set', () => {
  it('are the events each source reports, dated no more precisely than the source: its academic year, or a month of it', () => {
    expect(data.events.length).toBeGreaterThanOrEqual(15);
    for (const source of data.sources) expect(data.events.some((e) => e.source === source.key)).toBe(true);
    expect(data.events.filter((e) => !/^\d{4}\/\d{4}$/.test(e.when)).map((e) => [e.key, e.when])).toEqual([['remontnoye-november-seminar', '2022-11']]);
    expect(eventsImportFile(data).events[0]).toMatchObject({ key: 'demo-murygino-seminar-of-heads', networks: ['Школьный округ № 3'], hosts: ['МБОУ Мурыгинская СШ'], status: 'held' });
  });

  it('are checked: names of the set, a date in the source’s year', () => {
    const broken = copy();
    broken.events[0].when = '2021-09';
    broken.events[1].hosts = ['nowhere-school'];
    expect(checkDemoData(broken).events).toEqual([expect.stringContaining('2021-09'), expect.stringContaining('nowhere-school')]);
  });
});

describe('the consistency checks catch', () => {
  it('a real-looking date that is not a date', () => {
    expect(isRealDate('2021-02-29')).toBe(false);
    expect(isRealDate('2020-02-29')).toBe(true);
    expect(isRealDate('2020-9-01')).toBe(false);
    const broken = copy();
    broken.networks[0].members[0].from = '2019-04-31';
    expect(checkDemoData(broken).dates).toHaveLength(1);
  });

  it('a member that is not an institution of the set', () => {
    const broken = copy();
    broken.networks[2].members.push({ institution: 'nowhere-school', role: 'member', from: '2020-09-01' });
    expect(checkDemoData(broken)['members-reference-institutions']).toEqual([expect.stringContaining('nowhere-school')]);
  });

  it('an institution in two networks of one kind at once', () => {
    const broken = copy();
    broken.networks.find((n) => n.key === 'remontnoye-central-district')!.members.push({ institution: 'murygino-peresna-ss', role: 'partner', from: '2021-01-01' });
    expect(checkDemoData(broken)['one-network-per-kind']).toEqual([expect.stringContaining('murygino-peresna-ss')]);
  });

  it('an admission to the network a transfer later brings the institution to', () => {
    const broken = copy();
    broken.networks.find((n) => n.key === 'bakhmut-district-nvk-11')!.members.push({ institution: 'bakhmut-zosh-7', role: 'member', from: '2019-09-01' });
    expect(checkDemoData(broken)['one-network-per-kind']).not.toEqual([]);
  });

  it('but allow one institution in networks of different kinds at once', () => {
    const gymnasium = staysOf(data).filter((s) => s.institution === 'remontnoye-gymnasium-1' && s.from <= '2022-09-01' && s.to === null);
    expect(gymnasium.map((s) => s.network).sort()).toEqual(['remontnoye-central-district', 'remontnoye-tsro']);
    expect(checkDemoData(data)['one-network-per-kind']).toEqual([]);
  });

  it('an anchor that is not a member', () => {
    const broken = copy();
    broken.networks.find((n) => n.key === 'murygino-district-3')!.anchor = { institution: 'bakhmut-nvk-11', from: '2020-09-01' };
    expect(checkDemoData(broken)['anchors-are-members']).toHaveLength(1);
  });

  it('an anchor from before its network admits it', () => {
    const broken = copy();
    broken.networks.find((n) => n.key === 'murygino-district-3')!.anchor = { institution: 'murygino-murygino-ss', from: '2020-08-31' };
    expect(checkDemoData(broken)['anchors-are-members']).toHaveLength(1);
  });

  it('a kind or a role outside the closed lists', () => {
    const broken = copy();
    (broken.institutions[0] as { kind: string }).kind = 'school';
    (broken.networks[0] as { kind: string }).kind = 'district';
    (broken.networks[2].members[0] as { role: string }).role = 'anchor';
    expect(checkDemoData(broken).kinds).toHaveLength(3);
  });

  it('a transfer from a network the institution is not in', () => {
    const broken = copy();
    broken.transfers[0].on = '2017-01-01';
    expect(checkDemoData(broken).transfers).not.toEqual([]);
  });

  it('a key that cannot travel in a header', () => {
    const broken = copy();
    broken.institutions[0].key = 'ЗОШ-7';
    expect(demoDataProblems(broken).some((p) => p.startsWith('keys:'))).toBe(true);
  });
});
