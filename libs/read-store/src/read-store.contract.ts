import { randomUUID } from 'node:crypto';
import { CollectionIndex, Document, DocumentWrite, ReadStore } from './read-store.port';

export interface ReadStoreUnderTest {
  store: ReadStore;
  /** Closes the store and opens it again on the same data; omit when the data cannot outlive it. */
  reopen?: () => Promise<ReadStore>;
  cleanup: () => Promise<void>;
}

/**
 * The behaviour every ReadStore adapter must have. Each test uses its own projection and
 * collection names, so the suite also runs against a shared server.
 */
export const readStoreContract = (name: string, open: () => Promise<ReadStoreUnderTest>): void => {
  describe(`ReadStore contract: ${name}`, () => {
    let subject: ReadStoreUnderTest;
    let store: ReadStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    const unique = (prefix: string): string => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

    /** A projection with one active generation holding `docs`, committed at `position`. */
    const seeded = async (docs: Document[], position = docs.length, indexes?: readonly CollectionIndex[]) => {
      const projection = unique('p');
      const collection = unique('c');
      if (indexes) await store.prepare(collection, 1, indexes);
      await store.activate(projection, 1, [collection]);
      const writes: DocumentWrite[] = docs.map((doc, i) => ({ op: 'put', collection, doc, position: i + 1 }));
      await store.commit(projection, 1, position, writes);
      return { projection, collection };
    };

    const ids = (docs: Document[]): string[] => docs.map((doc) => doc.id);

    const schools: Document[] = [
      { id: 's1', name: 'Школа № 1', kind: 'school', pupils: 420, opened: '1998-09-01', address: { district: 'Северный', city: 'Кедровск' }, tags: ['sport', 'music'], active: true },
      { id: 's2', name: 'Гимназия «Эврика»', kind: 'gymnasium', pupils: 610, opened: '2004-09-01', address: { district: 'Южный', city: 'Кедровск' }, tags: ['languages'], active: true },
      { id: 's3', name: 'ШКОЛА-интернат', kind: 'school', pupils: 150, opened: '2011-02-15', address: { district: 'Северный', city: 'Липки' }, tags: [], active: false },
      { id: 's4', name: 'Лицей', kind: 'lyceum', pupils: 420, opened: '2020-01-10', address: { district: 'Центр', city: 'Кедровск' }, tags: ['sport'], active: true, closedOn: null },
      { id: 's5', name: 'Primary School', kind: 'school', pupils: 90, opened: '2021-09-01', address: { district: 'Центр', city: 'Липки' }, tags: ['music'], active: true },
    ];

    it('reads back what was put, and nothing for an unknown id', async () => {
      const { collection } = await seeded(schools);
      expect(await store.get(collection, 's2')).toEqual(schools[1]);
      expect(await store.get(collection, 'nope')).toBeNull();
    });

    it('reads nothing from a collection without an active generation', async () => {
      const collection = unique('c');
      const projection = unique('p');
      await store.commit(projection, 1, 1, [{ op: 'put', collection, doc: { id: 'a' }, position: 1 }]);
      expect(await store.get(collection, 'a')).toBeNull();
      expect(await store.find(collection)).toEqual([]);
      expect(await store.count(collection)).toBe(0);
      expect(await store.activeGeneration(projection)).toBeNull();
      expect(await store.checkpoint(projection)).toBeNull();
      expect(await store.checkpoint(projection, 1)).toEqual({ projection, generation: 1, position: 1 });
    });

    it('finds by equality, also on dotted paths, booleans and array elements', async () => {
      const { collection } = await seeded(schools);
      expect(ids(await store.find(collection, { where: { kind: 'school' } }))).toEqual(['s1', 's3', 's5']);
      expect(ids(await store.find(collection, { where: { 'address.district': 'Северный' } }))).toEqual(['s1', 's3']);
      expect(ids(await store.find(collection, { where: { 'address.city': 'Липки', kind: 'school' } }))).toEqual(['s3', 's5']);
      expect(ids(await store.find(collection, { where: { pupils: 420 } }))).toEqual(['s1', 's4']);
      expect(ids(await store.find(collection, { where: { pupils: '420' } }))).toEqual([]);
      expect(ids(await store.find(collection, { where: { active: false } }))).toEqual(['s3']);
      expect(ids(await store.find(collection, { where: { tags: 'sport' } }))).toEqual(['s1', 's4']);
      expect(ids(await store.find(collection, { where: { closedOn: null, kind: 'lyceum' } }))).toEqual(['s4']);
    });

    it('finds by "in"', async () => {
      const { collection } = await seeded(schools);
      expect(ids(await store.find(collection, { where: { kind: { in: ['lyceum', 'gymnasium'] } } }))).toEqual(['s2', 's4']);
      expect(ids(await store.find(collection, { where: { 'address.district': { in: ['Центр'] } } }))).toEqual(['s4', 's5']);
      expect(await store.find(collection, { where: { kind: { in: [] } } })).toEqual([]);
    });

    it('finds by ranges on ISO dates and numbers', async () => {
      const { collection } = await seeded(schools);
      expect(ids(await store.find(collection, { where: { opened: { gte: '2004-09-01', lt: '2021-01-01' } } }))).toEqual(['s2', 's3', 's4']);
      expect(ids(await store.find(collection, { where: { opened: { gt: '2004-09-01', lte: '2021-09-01' } } }))).toEqual(['s3', 's4', 's5']);
      expect(ids(await store.find(collection, { where: { pupils: { gt: 150, lt: 610 } } }))).toEqual(['s1', 's4']);
      expect(ids(await store.find(collection, { where: { pupils: { gte: 600 } } }))).toEqual(['s2']);
    });

    it('finds by a case-insensitive substring, Cyrillic included', async () => {
      const { collection } = await seeded(schools);
      expect(ids(await store.find(collection, { where: { name: { contains: 'школа' } } }))).toEqual(['s1', 's3']);
      expect(ids(await store.find(collection, { where: { name: { contains: 'ЭВРИКА' } } }))).toEqual(['s2']);
      expect(ids(await store.find(collection, { where: { name: { contains: 'school' } } }))).toEqual(['s5']);
      expect(ids(await store.find(collection, { where: { name: { contains: '№ 1' } } }))).toEqual(['s1']);
      expect(ids(await store.find(collection, { where: { name: { contains: '.*' } } }))).toEqual([]);
      expect(ids(await store.find(collection, { where: { 'address.city': { contains: 'кедр' } } }))).toEqual(['s1', 's2', 's4']);
    });

    it('sorts on two keys in either direction', async () => {
      const { collection } = await seeded(schools);
      const asc = await store.find(collection, { sort: [{ field: 'pupils', direction: 'asc' }, { field: 'opened', direction: 'asc' }] });
      expect(ids(asc)).toEqual(['s5', 's3', 's1', 's4', 's2']);
      const mixed = await store.find(collection, {
        sort: [{ field: 'address.city', direction: 'desc' }, { field: 'pupils', direction: 'desc' }],
      });
      expect(ids(mixed)).toEqual(['s3', 's5', 's2', 's1', 's4']);
      const desc = await store.find(collection, { sort: [{ field: 'pupils', direction: 'desc' }, { field: 'opened', direction: 'desc' }] });
      expect(ids(desc)).toEqual(['s2', 's4', 's1', 's3', 's5']);
    });

    it('pages with offset and limit, and counts', async () => {
      const { collection } = await seeded(schools);
      const sort = [{ field: 'opened', direction: 'asc' as const }];
      expect(ids(await store.find(collection, { sort, limit: 2 }))).toEqual(['s1', 's2']);
      expect(ids(await store.find(collection, { sort, offset: 2, limit: 2 }))).toEqual(['s3', 's4']);
      expect(ids(await store.find(collection, { sort, offset: 4 }))).toEqual(['s5']);
      expect(ids(await store.find(collection, { sort, offset: 9 }))).toEqual([]);
      expect(await store.count(collection)).toBe(5);
      expect(await store.count(collection, { kind: 'school' })).toBe(3);
      expect(await store.count(collection, { name: { contains: 'школа' }, active: true })).toBe(1);
    });

    const schoolIndexes: CollectionIndex[] = [
      { name: 'by-kind', fields: ['kind', 'pupils', 'id'] },
      { name: 'by-city', fields: ['address.city', 'address.district'] },
      { name: 'by-opening', fields: ['opened'] },
      { name: 'flags', fields: ['active', 'closedOn'] },
      { name: 'name-words', words: 'name' },
    ];

    describe('with indexes', () => {
      // Indexes change what a query costs, never what it answers.
      it('answers equality, "in", ranges and sorts the same as without them', async () => {
        const { collection } = await seeded(schools, schools.length, schoolIndexes);
        expect(ids(await store.find(collection, { where: { kind: 'school' } }))).toEqual(['s1', 's3', 's5']);
        expect(ids(await store.find(collection, { where: { 'address.city': 'Липки', kind: 'school' } }))).toEqual(['s3', 's5']);
        expect(ids(await store.find(collection, { where: { pupils: 420 } }))).toEqual(['s1', 's4']);
        expect(ids(await store.find(collection, { where: { pupils: '420' } }))).toEqual([]);
        expect(ids(await store.find(collection, { where: { active: false } }))).toEqual(['s3']);
        expect(ids(await store.find(collection, { where: { active: 1 } }))).toEqual([]);
        expect(ids(await store.find(collection, { where: { closedOn: null, kind: 'lyceum' } }))).toEqual(['s4']);
        expect(ids(await store.find(collection, { where: { closedOn: null } }))).toEqual(['s1', 's2', 's3', 's4', 's5']);
        expect(ids(await store.find(collection, { where: { kind: { in: ['lyceum', 'gymnasium'] } } }))).toEqual(['s2', 's4']);
        expect(ids(await store.find(collection, { where: { id: { in: ['s4', 's1', 'nope'] } } }))).toEqual(['s1', 's4']);
        expect(ids(await store.find(collection, { where: { id: 's2' } }))).toEqual(['s2']);
        expect(ids(await store.find(collection, { where: { opened: { gte: '2004-09-01', lt: '2021-01-01' } } }))).toEqual(['s2', 's3', 's4']);
        const byKind = await store.find(collection, { where: { kind: 'school' }, sort: [{ field: 'pupils', direction: 'asc' }, { field: 'id', direction: 'asc' }] });
        expect(ids(byKind)).toEqual(['s5', 's3', 's1']);
        const backwards = await store.find(collection, { where: { kind: 'school' }, sort: [{ field: 'pupils', direction: 'desc' }, { field: 'id', direction: 'desc' }] });
        expect(ids(backwards)).toEqual(['s1', 's3', 's5']);
        const page = await store.find(collection, { where: { kind: 'school' }, sort: [{ field: 'pupils', direction: 'asc' }], offset: 1, limit: 1 });
        expect(ids(page)).toEqual(['s3']);
        expect(await store.count(collection, { kind: 'school' })).toBe(3);
      });

      it('refuses a list or an object in an indexed field, and keeps the batch out', async () => {
        const { projection, collection } = await seeded(schools, schools.length, schoolIndexes);
        await expect(
          store.commit(projection, 1, 20, [
            { op: 'put', collection, doc: { id: 's9', kind: 'school' }, position: 19 },
            { op: 'put', collection, doc: { id: 's6', kind: ['school', 'lyceum'] }, position: 20 },
          ]),
        ).rejects.toThrow(/kind/);
        expect(await store.get(collection, 's9')).toBeNull();
        expect((await store.checkpoint(projection))?.position).toBe(schools.length);
        // Lists stay fine in fields no index covers.
        await store.commit(projection, 1, 21, [{ op: 'put', collection, doc: { id: 's7', kind: 'school', tags: ['a'] }, position: 21 }]);
        expect(ids(await store.find(collection, { where: { tags: 'a' } }))).toEqual(['s7']);
      });

      it('prepares a copy that already holds documents, and follows a changed declaration', async () => {
        const { projection, collection } = await seeded(schools);
        await store.prepare(collection, 1, schoolIndexes);
        expect(ids(await store.find(collection, { where: { name: { words: 'шк' } } }))).toEqual(['s1', 's3']);
        expect(ids(await store.find(collection, { where: { kind: 'school', pupils: 420 } }))).toEqual(['s1']);
        await store.prepare(collection, 1, [{ name: 'by-kind', fields: ['kind', 'id'] }]);
        expect(ids(await store.find(collection, { where: { name: { words: 'шк' } } }))).toEqual(['s1', 's3']);
        // An index no longer declared no longer restricts what may be put.
        await store.commit(projection, 1, 30, [{ op: 'put', collection, doc: { id: 's8', kind: 'school', pupils: [1, 2] }, position: 30 }]);
        expect(ids(await store.find(collection, { where: { pupils: 2 } }))).toEqual(['s8']);
        await expect(store.prepare(collection, 1, [{ name: 'by-pupils', fields: ['pupils'] }])).rejects.toThrow(/pupils/);
      });

      it('keeps the indexes of each generation apart, and a prepared copy can be prepared again', async () => {
        const projection = unique('p');
        const collection = unique('c');
        await store.prepare(collection, 1, schoolIndexes);
        await store.activate(projection, 1, [collection]);
        await store.commit(projection, 1, 5, schools.map((doc, i) => ({ op: 'put', collection, doc, position: i + 1 })));
        await store.prepare(collection, 1, schoolIndexes);
        await store.prepare(collection, 2, schoolIndexes);
        await store.commit(projection, 2, 5, schools.slice(0, 2).map((doc, i) => ({ op: 'put', collection, doc, position: i + 1 })));
        await store.activate(projection, 2, [collection]);
        await store.dropGeneration(projection, 1, [collection]);
        expect(ids(await store.find(collection, { where: { kind: 'school' } }))).toEqual(['s1']);
        expect(ids(await store.find(collection, { where: { name: { words: 'гимн' } } }))).toEqual(['s2']);
        expect(ids(await store.find(collection, { where: { name: { words: 'лицей' } } }))).toEqual([]);
      });
    });

    describe.each([
      ['without a words index', undefined],
      ['with a words index', schoolIndexes],
    ])('words %s', (_label, indexes) => {
      it('finds documents whose words begin with each word searched for, in any case', async () => {
        const { collection } = await seeded(schools, schools.length, indexes);
        const words = async (text: string, field = 'name') => ids(await store.find(collection, { where: { [field]: { words: text } } }));
        expect(await words('шк')).toEqual(['s1', 's3']);
        expect(await words('ШКОЛА инт')).toEqual(['s3']);
        expect(await words('инт школа')).toEqual(['s3']);
        expect(await words('эвр')).toEqual(['s2']);
        expect(await words('«Эврика»')).toEqual(['s2']);
        expect(await words('кола')).toEqual([]);
        expect(await words('sch')).toEqual(['s5']);
        expect(await words('№ 1')).toEqual(['s1']);
        expect(await words('.*')).toEqual(ids(schools));
        expect(await words('')).toEqual(ids(schools));
        expect(await words('кедр', 'address.city')).toEqual(['s1', 's2', 's4']);
        expect(await store.count(collection, { name: { words: 'шк' }, active: true })).toBe(1);
        expect(ids(await store.find(collection, { where: { name: { words: 'шк' }, kind: 'school' }, sort: [{ field: 'pupils', direction: 'asc' }] }))).toEqual(['s3', 's1']);
      });

      it('follows renames and deletions, and an older write replayed changes nothing', async () => {
        const { projection, collection } = await seeded(schools, schools.length, indexes);
        await store.commit(projection, 1, 10, [
          { op: 'put', collection, doc: { ...schools[0], name: 'Ліцей «Світанок»' }, position: 9 },
          { op: 'delete', collection, id: 's2', position: 10 },
        ]);
        await store.commit(projection, 1, 12, [{ op: 'put', collection, doc: { ...schools[0], name: 'Школа старая' }, position: 8 }]);
        expect(ids(await store.find(collection, { where: { name: { words: 'світ' } } }))).toEqual(['s1']);
        expect(ids(await store.find(collection, { where: { name: { words: 'школа' } } }))).toEqual(['s3']);
        expect(ids(await store.find(collection, { where: { name: { words: 'эврика' } } }))).toEqual([]);
      });
    });

    it('stops counting where asked', async () => {
      const { collection } = await seeded(schools);
      expect(await store.count(collection, undefined, { upTo: 2 })).toBe(2);
      expect(await store.count(collection, { kind: 'school' }, { upTo: 10 })).toBe(3);
      expect(await store.count(collection, { kind: 'school' }, { upTo: 3 })).toBe(3);
      expect(await store.count(collection, { kind: 'school' }, { upTo: 0 })).toBe(0);
    });

    it('deletes', async () => {
      const { projection, collection } = await seeded(schools);
      await store.commit(projection, 1, 10, [{ op: 'delete', collection, id: 's2', position: 10 }]);
      expect(await store.get(collection, 's2')).toBeNull();
      expect(await store.count(collection)).toBe(4);
      expect(ids(await store.find(collection, { where: { kind: 'gymnasium' } }))).toEqual([]);
    });

    it('moves the checkpoint with each commit, together with the documents', async () => {
      const projection = unique('p');
      const collection = unique('c');
      await store.activate(projection, 1, [collection]);
      expect(await store.activeGeneration(projection)).toBe(1);
      expect(await store.checkpoint(projection)).toBeNull();
      await store.commit(projection, 1, 3, [{ op: 'put', collection, doc: { id: 'a', n: 1 }, position: 2 }]);
      expect(await store.checkpoint(projection)).toEqual({ projection, generation: 1, position: 3 });
      await store.commit(projection, 1, 7, []);
      expect(await store.checkpoint(projection, 1)).toEqual({ projection, generation: 1, position: 7 });
      const loaded = await store.loadDocuments(collection, 1, ['a', 'missing']);
      expect([...loaded.entries()]).toEqual([['a', { doc: { id: 'a', n: 1 }, position: 2 }]]);
    });

    it('changes nothing when a batch is replayed, and never lets an older write win', async () => {
      const projection = unique('p');
      const collection = unique('c');
      await store.activate(projection, 1, [collection]);
      const batch: DocumentWrite[] = [
        { op: 'put', collection, doc: { id: 'a', n: 1 }, position: 4 },
        { op: 'put', collection, doc: { id: 'b', n: 1 }, position: 5 },
      ];
      await store.commit(projection, 1, 5, batch);
      await store.commit(projection, 1, 6, [{ op: 'put', collection, doc: { id: 'a', n: 2 }, position: 6 }]);
      // The same batch again, and one that claims a later position but carries older writes.
      await store.commit(projection, 1, 5, batch);
      await store.commit(projection, 1, 8, [
        { op: 'put', collection, doc: { id: 'a', n: 99 }, position: 4 },
        { op: 'put', collection, doc: { id: 'c', n: 1 }, position: 8 },
      ]);
      expect(await store.get(collection, 'a')).toEqual({ id: 'a', n: 2 });
      expect(await store.get(collection, 'b')).toEqual({ id: 'b', n: 1 });
      expect(await store.get(collection, 'c')).toEqual({ id: 'c', n: 1 });
      expect((await store.checkpoint(projection))?.position).toBe(8);

      // A delete remembers its position: an older put replayed after it does not bring the document back.
      await store.commit(projection, 1, 10, [{ op: 'delete', collection, id: 'b', position: 10 }]);
      await store.commit(projection, 1, 11, [{ op: 'put', collection, doc: { id: 'b', n: 5 }, position: 9 }]);
      expect(await store.get(collection, 'b')).toBeNull();
      expect((await store.loadDocuments(collection, 1, ['b'])).get('b')).toEqual({ doc: null, position: 10 });

      // Within one batch the write with the latest position wins, whatever the order.
      await store.commit(projection, 1, 20, [
        { op: 'put', collection, doc: { id: 'd', n: 2 }, position: 15 },
        { op: 'put', collection, doc: { id: 'd', n: 1 }, position: 14 },
        { op: 'put', collection, doc: { id: 'e', n: 1 }, position: 16 },
        { op: 'delete', collection, id: 'e', position: 17 },
      ]);
      expect(await store.get(collection, 'd')).toEqual({ id: 'd', n: 2 });
      expect(await store.get(collection, 'e')).toBeNull();
      expect(await store.count(collection)).toBe(3);
    });

    it('keeps generations apart until one is activated, then swaps reads', async () => {
      const projection = unique('p');
      const collection = unique('c');
      await store.activate(projection, 1, [collection]);
      await store.commit(projection, 1, 5, [
        { op: 'put', collection, doc: { id: 'a', v: 'old' }, position: 3 },
        { op: 'put', collection, doc: { id: 'gone', v: 'old' }, position: 5 },
      ]);
      await store.commit(projection, 2, 4, [
        { op: 'put', collection, doc: { id: 'a', v: 'new' }, position: 3 },
        { op: 'put', collection, doc: { id: 'fresh', v: 'new' }, position: 4 },
      ]);
      expect(await store.get(collection, 'a')).toEqual({ id: 'a', v: 'old' });
      expect(await store.get(collection, 'fresh')).toBeNull();
      expect(await store.count(collection)).toBe(2);
      expect((await store.checkpoint(projection))?.position).toBe(5);
      expect((await store.checkpoint(projection, 2))?.position).toBe(4);
      expect((await store.loadDocuments(collection, 2, ['a'])).get('a')?.doc).toEqual({ id: 'a', v: 'new' });

      await store.activate(projection, 2, [collection]);
      expect(await store.activeGeneration(projection)).toBe(2);
      expect(await store.get(collection, 'a')).toEqual({ id: 'a', v: 'new' });
      expect(ids(await store.find(collection, { sort: [{ field: 'id', direction: 'asc' }] }))).toEqual(['a', 'fresh']);
      expect(await store.checkpoint(projection)).toEqual({ projection, generation: 2, position: 4 });

      await expect(store.dropGeneration(projection, 2, [collection])).rejects.toThrow(/active/);
      await store.dropGeneration(projection, 1, [collection]);
      expect(await store.checkpoint(projection, 1)).toBeNull();
      expect((await store.loadDocuments(collection, 1, ['a', 'gone'])).size).toBe(0);
      expect(await store.count(collection)).toBe(2);
    });

    it('keeps its data across a reopen', async () => {
      if (!subject.reopen) return;
      const { projection, collection } = await seeded(schools, 9);
      store = await subject.reopen();
      expect(await store.activeGeneration(projection)).toBe(1);
      expect(await store.checkpoint(projection)).toEqual({ projection, generation: 1, position: 9 });
      expect(await store.get(collection, 's4')).toEqual(schools[3]);
      expect(await store.count(collection, { name: { contains: 'школа' } })).toBe(2);
    });

    it('answers a ping', async () => {
      expect(typeof (await store.ping()).kind).toBe('string');
    });
  });
};
