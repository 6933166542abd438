import { AddressInfo } from 'node:net';
import { readDemoData } from '../demo/data-set';
import { CompositionReport, LoadDemoResult, loadDemo } from '../demo/load-demo';
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
      data.transfers.length;
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
});
