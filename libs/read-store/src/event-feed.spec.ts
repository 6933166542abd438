import { randomUUID } from 'node:crypto';
import { NewEvent, RecordedEvent } from '@app/kernel';
import { ReadAllOptions } from '@app/event-store/event-store.port';
import { EventFeed, FeedMember, FeedMembership } from './event-feed';
import { InMemoryEventStore } from './testing/in-memory-event-store';
import { testEvent } from './testing/test-event';

const tick = (): NewEvent => testEvent('Tick');

/** An in-memory log that counts its reads of the global log. */
class CountingStore extends InMemoryEventStore {
  reads = 0;
  override async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.reads++;
    return super.readAll(options);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (what: string, condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 1000 && !condition(); i++) await sleep(5);
  if (!condition()) throw new Error(`never happened: ${what}`);
};

/** A member that records what it applied, and can be held before a batch. */
class Recorder implements FeedMember {
  at: number;
  seen: number[] = [];
  batches = 0;
  /** While set, the next apply waits for it. */
  gate: Promise<void> | null = null;
  failOn?: number;

  constructor(
    readonly name: string,
    from = 0,
  ) {
    this.at = from;
  }

  position(): number {
    return this.at;
  }

  async apply(events: readonly RecordedEvent[]): Promise<void> {
    if (this.gate) await this.gate;
    const fresh = events.filter((event) => event.position > this.at);
    if (fresh.length === 0) return;
    this.batches++;
    for (const event of fresh) {
      if (event.position === this.failOn) throw new Error(`cannot take ${event.position}`);
      this.seen.push(event.position);
    }
    this.at = fresh[fresh.length - 1].position;
  }
}

const positions = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('EventFeed', () => {
  let store: CountingStore;
  let feed: EventFeed;
  const failures = new Map<string, unknown>();

  const join = (...members: Recorder[]): FeedMembership[] =>
    feed.join(members.map((member) => ({ member, hooks: { failed: (error: unknown) => failures.set(member.name, error) } })));

  const appendTicks = async (n: number): Promise<number> => {
    let position = 0;
    for (let i = 0; i < n; i++) position = (await store.append(`s-${randomUUID()}`, [tick()], { expectedRevision: 'any' })).position;
    return position;
  };

  beforeEach(() => {
    store = new CountingStore();
    failures.clear();
  });

  afterEach(async () => {
    await feed?.stop();
    await store.close();
  });

  it('reads each batch of the log once for all its members', async () => {
    const head = await appendTicks(100);
    feed = new EventFeed({ eventStore: store, batchSize: 10 });
    feed.start();
    const members = ['a', 'b', 'c', 'd', 'e'].map((name) => new Recorder(name));
    join(...members);
    await until('every member has the log', () => members.every((m) => m.at === head));

    for (const member of members) expect(member.seen).toEqual(positions(1, head));
    // Ten batches and the empty read that ends the catch-up; five members reading alone would take 55.
    expect(store.reads).toBe(11);
    expect([...feed.modes().values()]).toEqual(['shared', 'shared', 'shared', 'shared', 'shared']);
    expect(feed.isLive).toBe(true);

    const later = await appendTicks(3);
    await until('every member has the live events', () => members.every((m) => m.at === later));
    for (const member of members) expect(member.seen).toEqual(positions(1, later));
  });

  it('starts at the furthest member: one behind catches up on its own without holding the others back', async () => {
    const head = await appendTicks(50);
    feed = new EventFeed({ eventStore: store, batchSize: 10 });
    feed.start();
    const current = new Recorder('current', head);
    const fresh = new Recorder('fresh', 0);
    // The new member is stuck on its first batch: the one at the head must not wait for it.
    let release!: () => void;
    fresh.gate = new Promise<void>((resolve) => (release = resolve));
    join(current, fresh);
    expect(feed.modes()).toEqual(new Map([['current', 'shared'], ['fresh', 'solo']]));

    const live = await appendTicks(2);
    await until('the member at the head has the new events', () => current.at === live);
    expect(current.seen).toEqual([head + 1, head + 2]);
    expect(fresh.at).toBe(0);

    fresh.gate = null;
    release();
    await until('the new member has caught up', () => fresh.at === live);
    expect(fresh.seen).toEqual(positions(1, live));
    await until('the new member shares the feed', () => feed.modes().get('fresh') === 'shared');

    const after = await appendTicks(2);
    await until('both have the next events', () => current.at === after && fresh.at === after);
    expect(fresh.seen).toEqual(positions(1, after));
    expect(current.seen).toEqual(positions(head + 1, after));
  });

  it('lets a member that throws leave alone; the others go on', async () => {
    const head = await appendTicks(30);
    feed = new EventFeed({ eventStore: store, batchSize: 10 });
    feed.start();
    const sound = new Recorder('sound');
    const broken = new Recorder('broken');
    broken.failOn = 15;
    join(sound, broken);
    await until('the sound member has the log', () => sound.at === head);
    expect(failures.get('broken')).toEqual(new Error('cannot take 15'));
    expect(broken.at).toBe(10);
    expect(feed.modes().has('broken')).toBe(false);

    const later = await appendTicks(2);
    await until('the sound member follows', () => sound.at === later);
    expect(broken.at).toBe(10);
  });

  it('lets the others go on while a member is slow, and sends it back to reading on its own once it holds them back', async () => {
    feed = new EventFeed({ eventStore: store, batchSize: 10, maxBacklog: 3, stragglerMs: 20 });
    feed.start();
    const quick = new Recorder('quick');
    const slow = new Recorder('slow');
    join(quick, slow);
    await until('both share the feed', () => [...feed.modes().values()].every((mode) => mode === 'shared'));

    let release!: () => void;
    slow.gate = new Promise<void>((resolve) => (release = resolve));
    // While its backlog has room, the slow member keeps the feed and the quick one is not held back.
    const first = await appendTicks(1);
    await until('the quick member has the first event', () => quick.at === first);
    const second = await appendTicks(1);
    await until('the quick member has the second event', () => quick.at === second);
    expect(feed.modes().get('slow')).toBe('shared');
    // Live events one by one fill its backlog; once it holds the feed back, it is sent away.
    let last = second;
    for (let i = 0; i < 20 && feed.modes().get('slow') === 'shared'; i++) {
      last = await appendTicks(1);
      await sleep(15);
    }
    expect(feed.modes().get('slow')).toBe('solo');
    const more = await appendTicks(3);
    await until('the quick member goes on without it', () => quick.at === more);
    expect(slow.at).toBe(0);
    expect(last).toBeLessThan(more);

    slow.gate = null;
    release();
    await until('the slow member has caught up', () => slow.at === more);
    await until('the slow member shares the feed again', () => feed.modes().get('slow') === 'shared');
    const end = await appendTicks(1);
    await until('both have the last event', () => quick.at === end && slow.at === end);
    expect(slow.seen).toEqual(positions(1, end));
    expect(quick.seen).toEqual(positions(1, end));
  });

  it('lets a leaving member apply what it was handed, waits for it, and hands it nothing after', async () => {
    const head = await appendTicks(10);
    feed = new EventFeed({ eventStore: store, batchSize: 5 });
    feed.start();
    const member = new Recorder('member');
    let release!: () => void;
    member.gate = new Promise<void>((resolve) => (release = resolve));
    const [membership] = join(member);
    await sleep(10);
    let left = false;
    const leaving = membership.leave().then(() => (left = true));
    await sleep(10);
    expect(left).toBe(false);
    member.gate = null;
    release();
    await leaving;
    // Both batches were read (the second while the first waited) and handed to it before it left.
    const at = member.at;
    expect(at).toBe(head);
    await appendTicks(3);
    await sleep(30);
    expect(member.at).toBe(at);
  });
});
