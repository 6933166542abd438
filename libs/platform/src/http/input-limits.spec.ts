import { INPUT_LIMITS, checkInputLimits, jsonNestingExceeds } from './input-limits';

describe('the nesting scan of a JSON text', () => {
  it('counts objects and arrays inside each other', () => {
    expect(jsonNestingExceeds('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":[[[1]]]}', 3)).toBe(true);
  });
  it('counts depth, not the number of containers side by side', () => {
    expect(jsonNestingExceeds(`[${'[],'.repeat(1000)}[]]`, 2)).toBe(false);
  });
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingExceeds(`{"a":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(jsonNestingExceeds(`{"a":"\\"${'{'.repeat(100)}\\\\"}`, 1)).toBe(false);
    expect(jsonNestingExceeds(`{"a\\\\":[[]]}`, 2)).toBe(true);
  });
});

describe('the limits on a parsed value', () => {
  it('accepts what the API takes', () => {
    expect(checkInputLimits({ fullName: 'МБОУ Лосненская СШ', members: [{ role: 'member', from: '2020-09-01' }], month: 9 })).toEqual([]);
  });
  it('names the field that breaks a limit by its path', () => {
    expect(checkInputLimits({ networks: [{ members: [{ from: 'я'.repeat(INPUT_LIMITS.stringLength + 1) }] }] })).toEqual([
      { field: 'networks.0.members.0.from', messages: [expect.stringMatching(/at most 10000 characters/)] },
    ]);
  });
  it('refuses names that reach prototypes, own properties as JSON.parse makes them', () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"a":{"constructor":1,"prototype":2}}');
    expect(checkInputLimits(parsed).map((e) => e.field)).toEqual(['__proto__', 'a.constructor', 'a.prototype']);
  });
  it('refuses numbers outside the exact range and non-finite ones', () => {
    expect(checkInputLimits({ a: Number.MAX_SAFE_INTEGER, b: -Number.MAX_SAFE_INTEGER })).toEqual([]);
    expect(checkInputLimits({ a: 2 ** 53, b: Infinity, c: -1e300 }).map((e) => e.field)).toEqual(['a', 'b', 'c']);
  });
  it('refuses too many items, fields and over-long field names without listing each', () => {
    expect(checkInputLimits({ ids: Array(INPUT_LIMITS.arrayLength + 1).fill(1) })).toHaveLength(1);
    expect(checkInputLimits(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1])))).toEqual([
      { field: '(body)', messages: ['(body) must have at most 100 fields'] },
    ]);
    expect(checkInputLimits({ ['k'.repeat(101)]: 1 })[0].field).toBe('(body)');
  });
  it('stops listing at the cap', () => {
    const many = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`k${i}`, 'я'.repeat(INPUT_LIMITS.stringLength + 1)]));
    expect(checkInputLimits(many)).toHaveLength(INPUT_LIMITS.fieldErrors);
  });
});
