import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@app/read-store/embedded/sqlite-read-store';
import { Document, DocumentWrite } from '@app/read-store/read-store.port';
import { Projection } from '@app/read-store/projection';
import { institutionListProjection } from './institution-list/institution-list.projection';
import { institutionListQuery } from './institution-list/list-institutions.handler';
import { networkListProjection } from './network-list/network-list.projection';
import { networkListQuery } from './network-list/network-list.handlers';
import { ListInstitutionsQueryDto } from './institution-list/list-institutions.query';
import { ListNetworksQueryDto } from './network-list/network-queries';
import { compositionQuery } from './network-composition/get-composition.handler';
import { institutionMembershipsQuery } from './network-memberships/get-institution-memberships.handler';
import { NETWORK_MEMBERSHIPS, networkMembershipsProjection } from './network-memberships/network-memberships.projection';
import { NETWORK_TIMELINE, networkTimelineProjection } from './network-timeline/network-timeline.projection';
import { changesQuery } from './network-changes/get-changes.handler';
import { timelineQuery } from './network-timeline/get-timeline.handler';

/**
 * The list endpoints' queries, planned by SQLite on copies prepared with the projections' own
 * indexes: each must search an index (never scan the table or a whole index) and, unless it
 * searches words, read its page in order without sorting.
 */
describe('list queries are served by indexes (embedded store)', () => {
  let dir: string;
  let store: SqliteReadStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-list-plans-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    store = await SqliteReadStore.open({ file: join(dir, `${Math.random()}.sqlite`) });
  });
  afterEach(() => store.close());

  const seed = async (projection: Projection, docs: Document[]) => {
    await store.prepare(projection.collection, 1, projection.indexes ?? []);
    await store.activate(projection.name, 1, [projection.collection]);
    const writes: DocumentWrite[] = docs.map((doc, i) => ({ op: 'put', collection: projection.collection, doc, position: i + 1 }));
    await store.commit(projection.name, 1, docs.length, writes);
  };

  const kinds = ['general-school', 'lyceum', 'gymnasium', 'kindergarten'];
  const institution = (n: number): Document => ({
    id: `i${String(n).padStart(4, '0')}`,
    department: n % 3 === 0 ? 'other' : 'bakhmut',
    fullName: `Школа № ${n}`,
    shortName: `Ш ${n}`,
    kind: kinds[n % kinds.length],
    settlement: n % 2 ? 'м. Бахмут' : 'с. Зайцеве',
    status: n % 5 ? 'open' : 'closed',
    search: `школа № ${n} ш ${n}`,
  });
  const network = (n: number): Document => ({
    id: `n${String(n).padStart(4, '0')}`,
    department: n % 3 === 0 ? 'other' : 'bakhmut',
    kind: ['educational-district', 'partnership', 'other'][n % 3],
    name: `Округ ${n}`,
    status: n % 4 ? 'active' : 'dissolved',
    search: `округ ${n}`,
  });

  const expectIndexed = (plan: string[], { sorted, byKey = false }: { sorted: boolean; byKey?: boolean }) => {
    // Searching the key by the copy alone is a walk through the whole copy: not good enough.
    const searched = byKey ? /^SEARCH read_documents USING PRIMARY KEY \(collection_copy=\? AND id=\?\)/ : /^SEARCH read_documents USING (COVERING )?INDEX read_ix/;
    expect(plan.filter((step) => searched.test(step))).toHaveLength(1);
    expect(plan.filter((step) => /^SCAN read_/.test(step))).toEqual([]);
    if (sorted) expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
  };

  const institutionFilters: Array<Partial<ListInstitutionsQueryDto>> = [
    {},
    { kind: 'lyceum' },
    { status: 'closed' },
    { kind: 'lyceum', status: 'open' },
    { settlement: 'м. Бахмут' },
    { offset: 40, limit: 20 },
  ];

  it.each(institutionFilters)('GET /institutions %j reads its page from an index, and so does its count', async (filter) => {
    await seed(institutionListProjection, Array.from({ length: 300 }, (_, n) => institution(n)));
    const query = institutionListQuery('bakhmut', filter as ListInstitutionsQueryDto);
    const plan = await store.plan('institutions', query);
    expectIndexed(plan, { sorted: true });
    expectIndexed(await store.plan('institutions', { where: query.where, count: true, upTo: 520 }), { sorted: false });
  });

  it.each(['шко', 'ш 12', '№ 7'])('GET /institutions?q=%s looks the words up instead of reading every name', async (q) => {
    await seed(institutionListProjection, Array.from({ length: 300 }, (_, n) => institution(n)));
    const query = institutionListQuery('bakhmut', { q } as ListInstitutionsQueryDto);
    const plan = await store.plan('institutions', query);
    expectIndexed(plan, { sorted: false, byKey: true });
    expect(plan.some((step) => /read_words USING (COVERING INDEX|PRIMARY KEY)/.test(step))).toBe(true);
    expectIndexed(await store.plan('institutions', { where: query.where, count: true, upTo: 520 }), { sorted: false, byKey: true });
  });

  it('GET /institutions?q= with a word most names have walks the name order instead, and stops at the page', async () => {
    await seed(institutionListProjection, Array.from({ length: 1600 }, (_, n) => institution(n)));
    const query = institutionListQuery('bakhmut', { q: 'школа', limit: 20 } as ListInstitutionsQueryDto);
    const plan = await store.plan('institutions', query);
    expectIndexed(plan, { sorted: true });
    expect(plan[0]).toMatch(/by-name/);
    // Its count walks the word's entries and stops at the bound, instead of listing them all first.
    const count = await store.plan('institutions', { where: query.where, count: true, upTo: 520 });
    expectIndexed(count, { sorted: false, byKey: true });
    expect(count.filter((step) => step.startsWith('LIST SUBQUERY'))).toEqual([]);
  });

  const networkFilters: Array<Partial<ListNetworksQueryDto>> = [{}, { kind: 'partnership' }, { status: 'dissolved' }, { kind: 'other', status: 'active' }];

  it.each(networkFilters)('GET /networks %j reads its page from an index, and so does its count', async (filter) => {
    await seed(networkListProjection, Array.from({ length: 300 }, (_, n) => network(n)));
    const query = networkListQuery('bakhmut', filter as ListNetworksQueryDto);
    const plan = await store.plan('networks', query);
    expectIndexed(plan, { sorted: true });
    expectIndexed(await store.plan('networks', { where: query.where, count: true, upTo: 520 }), { sorted: false });
  });

  // A network's history: one document per timeline entry, one per institution's membership.
  const entry = (n: number): Document => ({
    id: `n${n % 5}:${1000 + n}`,
    networkId: `n${n % 5}`,
    department: 'bakhmut',
    position: 1000 + n,
    changeOn: n % 4 ? `20${10 + (n % 10)}-09-01` : null,
    type: 'MemberAdmitted',
  });
  const membership = (n: number): Document => ({
    id: `n${n % 5}:i${n}`,
    networkId: `n${n % 5}`,
    institutionId: `i${n % 150}`,
    department: 'bakhmut',
    joinedAt: 1000 + n,
    firstFrom: `20${10 + (n % 10)}-09-01`,
    lastUntil: n % 3 ? '9999-12-31' : '2021-09-01',
    gaps: n % 7 ? 0 : 1,
    stays: [],
  });

  it.each([
    ['a page of a timeline', timelineQuery('n1', undefined, 101)],
    ['the next page of a timeline', timelineQuery('n1', 1200, 101)],
    ['the changes of a period', changesQuery('n1', '2012-09-01', '2013-08-31')],
  ])('%s reads a network’s entries by index, in order', async (_what, query) => {
    await seed(networkTimelineProjection, Array.from({ length: 600 }, (_, n) => entry(n)));
    expectIndexed(await store.plan(NETWORK_TIMELINE, query), { sorted: true });
  });

  it.each([
    ['composition on a date', compositionQuery('n1', '2015-01-01')],
    ['members with breaks, checked for today’s count', { where: { networkId: 'n1', gaps: { gt: 0 }, lastUntil: { gt: '2026-01-01' }, firstFrom: { lte: '2026-01-01' } }, sort: [{ field: 'gaps', direction: 'asc' as const }, { field: 'lastUntil', direction: 'asc' as const }, { field: 'id', direction: 'asc' as const }] }],
    ['an institution’s networks', institutionMembershipsQuery('bakhmut', 'i7')],
  ])('%s reads memberships by index, in order', async (_what, query) => {
    await seed(networkMembershipsProjection, Array.from({ length: 600 }, (_, n) => membership(n)));
    expectIndexed(await store.plan(NETWORK_MEMBERSHIPS, query), { sorted: true });
  });

  it('today’s count of members without breaks is counted in an index', async () => {
    await seed(networkMembershipsProjection, Array.from({ length: 600 }, (_, n) => membership(n)));
    const where = { networkId: 'n1', gaps: 0, lastUntil: { gt: '2026-01-01' }, firstFrom: { lte: '2026-01-01' } };
    const plan = await store.plan(NETWORK_MEMBERSHIPS, { where, count: true });
    expectIndexed(plan, { sorted: false });
    expect(plan.join('\n')).toMatch(/by-network-gaps/);
  });

  it('names of institutions are read by key', async () => {
    await seed(institutionListProjection, Array.from({ length: 30 }, (_, n) => institution(n)));
    const plan = await store.plan('institutions', { where: { department: 'bakhmut', id: { in: ['i0001', 'i0002'] } }, limit: 2 });
    expectIndexed(plan, { sorted: false, byKey: true });
  });
});
