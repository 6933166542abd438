import { InvalidInput } from '@app/kernel';
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
