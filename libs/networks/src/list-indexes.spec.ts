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

  it('names of institutions are read by key', async () => {
    await seed(institutionListProjection, Array.from({ length: 30 }, (_, n) => institution(n)));
    const plan = await store.plan('institutions', { where: { department: 'bakhmut', id: { in: ['i0001', 'i0002'] } }, limit: 2 });
    expectIndexed(plan, { sorted: false, byKey: true });
  });
});
