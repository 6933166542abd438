/**
 * An immutable map from strings to values whose `set` copies only the path to one key (a hash
 * trie, 32 ways per level): a few dozen references, whatever the size. The network map's state
 * is built of these so that folding an event costs the same at 20,000 events as at 10, and a
 * state once made never changes (deciders stay pure; older states stay valid).
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
/** Entries a leaf holds before it splits into a node (unless the hash bits are used up). */
const LEAF_MAX = 8;
const MAX_DEPTH = 6;

type Entry<V> = readonly [key: string, hash: number, value: V];
interface Leaf<V> {
  readonly leaf: readonly Entry<V>[];
}
interface Branch<V> {
  readonly slots: ReadonlyArray<Slot<V> | undefined>;
}
type Slot<V> = Leaf<V> | Branch<V>;

/** FNV-1a over UTF-16 code units. */
const hashOf = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

const isLeaf = <V>(slot: Slot<V>): slot is Leaf<V> => (slot as Leaf<V>).leaf !== undefined;

const indexAt = (hash: number, depth: number): number => (hash >>> (depth * BITS)) & MASK;

export class PersistentMap<V> {
  private static readonly EMPTY = new PersistentMap<never>({ slots: new Array(WIDTH).fill(undefined) }, 0);

  private constructor(
    private readonly root: Branch<V>,
    /** Number of keys. */
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.EMPTY as PersistentMap<V>;
  }

  /** A map of these entries (the last of a repeated key wins), built in one pass. */
  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    const unique = new Map<string, V>(entries);
    if (unique.size === 0) return PersistentMap.empty();
    const all: Entry<V>[] = [...unique].map(([key, value]) => [key, hashOf(key), value]);
    return new PersistentMap(branchOf(all, 0), all.length);
  }

  get(key: string): V | undefined {
    const hash = hashOf(key);
    let slot: Slot<V> | undefined = this.root;
    for (let depth = 0; slot; depth++) {
      if (isLeaf(slot)) {
        for (const entry of slot.leaf) if (entry[0] === key) return entry[2];
        return undefined;
      }
      slot = slot.slots[indexAt(hash, depth)];
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set to `value`; this one is left as it was. */
  set(key: string, value: V): PersistentMap<V> {
    const added = { yes: false };
    const root = setIn(this.root, [key, hashOf(key), value], 0, added) as Branch<V>;
    return new PersistentMap(root, this.size + (added.yes ? 1 : 0));
  }

  /** A map without `key`; this one is left as it was (and returned when it has no such key). */
  delete(key: string): PersistentMap<V> {
    const root = deleteIn(this.root, key, hashOf(key), 0);
    return root === this.root ? this : new PersistentMap(root as Branch<V>, this.size - 1);
  }

  /** Every value, in no particular order. */
  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  *entries(): IterableIterator<[string, V]> {
    const stack: Slot<V>[] = [this.root];
    while (stack.length > 0) {
      const slot = stack.pop() as Slot<V>;
      if (isLeaf(slot)) for (const entry of slot.leaf) yield [entry[0], entry[2]];
      else for (const child of slot.slots) if (child) stack.push(child);
    }
  }
}

const setIn = <V>(slot: Slot<V> | undefined, entry: Entry<V>, depth: number, added: { yes: boolean }): Slot<V> => {
  if (!slot) {
    added.yes = true;
    return { leaf: [entry] };
  }
  if (isLeaf(slot)) {
    const at = slot.leaf.findIndex((e) => e[0] === entry[0]);
    if (at >= 0) {
      const leaf = slot.leaf.slice();
      leaf[at] = entry;
      return { leaf };
    }
    if (slot.leaf.length < LEAF_MAX || depth >= MAX_DEPTH) {
      added.yes = true;
      return { leaf: [...slot.leaf, entry] };
    }
    // Too many keys share this prefix: spread them one level down.
    let branch: Slot<V> = { slots: new Array(WIDTH).fill(undefined) };
    const ignored = { yes: false };
    for (const existing of slot.leaf) branch = setIn(branch, existing, depth, ignored);
    return setIn(branch, entry, depth, added);
  }
  const i = indexAt(entry[1], depth);
  const slots = slot.slots.slice();
  slots[i] = setIn(slot.slots[i], entry, depth + 1, added);
  return { slots };
};

/** The slot without `key`: the same slot when it has no such key, undefined when it empties. */
const deleteIn = <V>(slot: Slot<V> | undefined, key: string, hash: number, depth: number): Slot<V> | undefined => {
  if (!slot) return slot;
  if (isLeaf(slot)) {
    const at = slot.leaf.findIndex((e) => e[0] === key);
    if (at < 0) return slot;
    return slot.leaf.length === 1 ? undefined : { leaf: slot.leaf.filter((_, i) => i !== at) };
  }
  const i = indexAt(hash, depth);
  const child = slot.slots[i];
  const next = deleteIn(child, key, hash, depth + 1);
  if (next === child) return slot;
  const slots = slot.slots.slice();
  slots[i] = next;
  // The root stays a branch even when empty; an emptied inner branch is dropped.
  return depth > 0 && slots.every((s) => s === undefined) ? undefined : { slots };
};

/** A branch holding these entries (whose hashes agree below `depth`), built without copies. */
const branchOf = <V>(entries: Entry<V>[], depth: number): Branch<V> => {
  const groups: Array<Entry<V>[] | undefined> = new Array(WIDTH).fill(undefined);
  for (const entry of entries) (groups[indexAt(entry[1], depth)] ??= []).push(entry);
  return {
    slots: groups.map((group) =>
      !group ? undefined : group.length <= LEAF_MAX || depth + 1 >= MAX_DEPTH ? { leaf: group } : branchOf(group, depth + 1),
    ),
  };
};
