import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { InvalidInput } from '@app/kernel';
import { describeWithMongo } from '@app/testing';
import { escapeRegex, mongoFilter } from './mongo-read-store';

// The translation of filters is checked here without a server; the contract suite checks
// the results against a real one.
describe('MongoDB filter translation', () => {
  it('never matches tombstones', () => {
    expect(mongoFilter(undefined)).toEqual({ _deleted: { $exists: false } });
  });

  it('translates each kind of condition on dotted paths', () => {
    expect(
      mongoFilter({
        kind: 'school',
        'address.district': { in: ['Северный', 'Центр'] },
        name: { contains: 'школа (№ 1)' },
        opened: { gte: '2020-09-01', lt: '2021-09-01' },
        closedOn: null,
      }),
    ).toEqual({
      _deleted: { $exists: false },
      $and: [
        { kind: 'school' },
        { 'address.district': { $in: ['Северный', 'Центр'] } },
        { name: { $regex: 'школа \\(№ 1\\)', $options: 'i' } },
        { opened: { $gte: '2020-09-01', $lt: '2021-09-01' } },
        { closedOn: null },
      ],
    });
  });

  it('escapes every regular-expression character', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(escapeRegex(text)).test(text)).toBe(true);
    expect(new RegExp(`^${escapeRegex('.*')}$`).test('ab')).toBe(false);
  });

  it('refuses field paths a query could misread', () => {
    expect(() => mongoFilter({ $where: 'x' })).toThrow(InvalidInput);
    expect(() => mongoFilter({ 'a..b': 1 })).toThrow(InvalidInput);
    expect(() => mongoFilter({ a: { regex: 'x' } as never })).toThrow(InvalidInput);
  });

  it('searches words by anchored prefixes of the indexed words, else at word starts in the text', () => {
    expect(mongoFilter({ search: { words: 'Ліц. № 7' } }, { words: ['search'] })).toEqual({
      _deleted: { $exists: false },
      $and: [{ '_words.search': { $regex: '^ліц' } }, { '_words.search': { $regex: '^7' } }],
    });
    const fallback = mongoFilter({ name: { words: 'шк' } });
    expect(fallback).toEqual({
      _deleted: { $exists: false },
      $and: [{ name: { $regex: '(?:^|[^\\p{L}\\p{N}])шк', $options: 'i' } }],
    });
    expect(mongoFilter({ name: { words: ' .. ' } })).toEqual({ _deleted: { $exists: false } });
  });

  it('reads a document id from its key', () => {
    expect(mongoFilter({ id: { in: ['a', 'b'] } })).toEqual({ _deleted: { $exists: false }, $and: [{ _id: { $in: ['a', 'b'] } }] });
  });
});

// The same translations run on a server (MONGODB_URL's, else a private FerretDB): its regex
// engine must read the escapes, the case folding and the Unicode classes the way we write them.
describeWithMongo('MongoDB filter translation on a server', (server) => {
  const dbName = `okrug_filter_test_${randomUUID().slice(0, 8)}`;
  let client: MongoClient;

  beforeAll(async () => {
    client = await MongoClient.connect(server().url);
    await client
      .db(dbName)
      .collection('institutions')
      .insertMany([
        { _id: 'a' as never, name: 'Ліцей № 7 (Центр)', district: 'Центр', opened: '2020-09-01', _words: { search: ['ліцей', '7', 'центр'] } },
        { _id: 'b' as never, name: 'Школа-інтернат.ШК', district: 'Північ', opened: '2021-09-01', closedOn: '2024-01-01', _words: { search: ['школа', 'інтернат', 'шк'] } },
        { _id: 'c' as never, name: 'Гімназія', district: 'Центр', opened: '2019-09-01', _deleted: true },
      ]);
  });

  afterAll(async () => {
    await client?.db(dbName).dropDatabase();
    await client?.close();
  });

  const ids = async (where: Parameters<typeof mongoFilter>[0], words: string[] = []) =>
    (await client.db(dbName).collection('institutions').find(mongoFilter(where, { words }) as object, { sort: { _id: 1 } }).toArray()).map((row) => row._id);

  it('finds by contains, words, ranges, lists, null and ids as the embedded store does', async () => {
    expect(await ids(undefined)).toEqual(['a', 'b']);
    expect(await ids({ name: { contains: '№ 7 (ц' } })).toEqual(['a']);
    expect(await ids({ name: { contains: '.шк' } })).toEqual(['b']);
    expect(await ids({ name: { words: 'інт' } })).toEqual(['b']);
    expect(await ids({ name: { words: 'нат' } })).toEqual([]);
    expect(await ids({ search: { words: 'ЛІЦ 7' } }, ['search'])).toEqual(['a']);
    expect(await ids({ opened: { gte: '2020-09-01', lt: '2021-09-01' } })).toEqual(['a']);
    expect(await ids({ district: { in: ['Центр', 'Південь'] } })).toEqual(['a']);
    expect(await ids({ closedOn: null })).toEqual(['a']);
    expect(await ids({ id: { in: ['b', 'c'] } })).toEqual(['b']);
  });
});
