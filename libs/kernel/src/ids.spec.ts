import { deterministicId, isUuid, newId } from './ids';

describe('ids', () => {
  it('makes UUIDs of version 7 and the RFC variant', () => {
    for (let n = 0; n < 1_000; n++) {
      const id = newId();
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
  });

  it('makes ids in the order they were made, so that index pages fill one after the other', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    const outOfOrder = ids.filter((id, i) => i > 0 && ids[i - 1] >= id);
    expect(outOfOrder).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts an id with the time it was made', () => {
    const before = Date.now();
    const id = newId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('keeps derived ids as they were: the same parts, the same id', () => {
    expect(deterministicId('a', 'b')).toBe(deterministicId('a', 'b'));
    expect(deterministicId('a', 'b')[14]).toBe('5');
  });
});
