import { PersistentMap } from './persistent-map';

describe('PersistentMap', () => {
  it('sets and gets many keys, and every earlier map keeps what it held', () => {
    const versions: PersistentMap<number>[] = [PersistentMap.empty()];
    for (let i = 0; i < 5_000; i++) versions.push(versions[versions.length - 1].set(`key-${i}`, i));
    const last = versions[versions.length - 1];
    expect(last.size).toBe(5_000);
    for (let i = 0; i < 5_000; i++) expect(last.get(`key-${i}`)).toBe(i);
    expect(last.get('key-5000')).toBeUndefined();
    // The map after 100 sets still holds exactly those 100.
    expect(versions[100].size).toBe(100);
    expect(versions[100].get('key-99')).toBe(99);
    expect(versions[100].get('key-100')).toBeUndefined();
    expect(new Set(last.values()).size).toBe(5_000);
  });

  it('replaces a value without growing, leaving the old map as it was', () => {
    const one = PersistentMap.empty<string>().set('d-11', 'Округ 11');
    const two = one.set('d-11', 'Округ НВК № 11');
    expect(two.size).toBe(1);
    expect(two.get('d-11')).toBe('Округ НВК № 11');
    expect(one.get('d-11')).toBe('Округ 11');
    expect([...two.entries()]).toEqual([['d-11', 'Округ НВК № 11']]);
  });

  it('deletes keys, leaving the old map as it was', () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 2_000; i++) map = map.set(`key-${i}`, i);
    const full = map;
    for (let i = 0; i < 2_000; i += 2) map = map.delete(`key-${i}`);
    expect(map.size).toBe(1_000);
    expect(map.get('key-2')).toBeUndefined();
    expect(map.get('key-3')).toBe(3);
    expect(full.get('key-2')).toBe(2);
    expect(full.size).toBe(2_000);
    expect(map.delete('absent')).toBe(map);
    for (let i = 1; i < 2_000; i += 2) map = map.delete(`key-${i}`);
    expect(map.size).toBe(0);
    expect([...map.values()]).toEqual([]);
  });

  it('builds from entries in one pass, as the same sets one by one would', () => {
    const entries = Array.from({ length: 3_000 }, (_, i): [string, number] => [`key-${i % 2_500}`, i]);
    const built = PersistentMap.from(entries);
    const stepwise = entries.reduce((map, [k, v]) => map.set(k, v), PersistentMap.empty<number>());
    expect(built.size).toBe(2_500);
    expect(built.get('key-10')).toBe(2_510);
    expect(new Map(built.entries())).toEqual(new Map(stepwise.entries()));
    expect(built.set('key-10', 1).get('key-10')).toBe(1);
    expect(built.get('key-10')).toBe(2_510);
    expect(PersistentMap.from([]).size).toBe(0);
  });
});
