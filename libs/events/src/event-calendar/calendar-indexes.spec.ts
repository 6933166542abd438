import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@app/read-store/embedded/sqlite-read-store';
import { Document, DocumentWrite } from '@app/read-store/read-store.port';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES } from '../event/event-vocabulary';
import { periodOf } from './calendar-period';
import { CalendarFilter, calendarQuery } from './calendar-selection';
import { EVENT_CALENDAR, eventCalendarProjection, refWord } from './event-calendar.projection';

/**
 * The calendar's reads (GET /events and the pages built on it: an institution's events, the
 * totals, a series, the feed), planned by SQLite on a copy prepared with the projection's own
 * indexes: each filter must search an index (never scan the table or walk the whole copy), and
 * an equality filter without a period reads its events in date order without sorting them.
 */
describe('the calendar’s reads are served by indexes (embedded store)', () => {
  let dir: string;
  let store: SqliteReadStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-calendar-plans-'));
    store = await SqliteReadStore.open({ file: join(dir, 'calendar.sqlite') });
    await store.prepare(EVENT_CALENDAR, 1, eventCalendarProjection.indexes ?? []);
    await store.activate(eventCalendarProjection.name, 1, [EVENT_CALENDAR]);
    const docs = Array.from({ length: 900 }, (_, n) => event(n));
    const writes: DocumentWrite[] = docs.map((doc, i) => ({ op: 'put', collection: EVENT_CALENDAR, doc, position: i + 1 }));
    await store.commit(eventCalendarProjection.name, 1, docs.length, writes);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const id = (prefix: string, n: number) => `${prefix}0000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const network = (n: number) => id('a', n % 12);
  const institution = (n: number) => id('b', n % 60);
  const series = (n: number) => id('c', n % 9);

  /** Three departments' events over ten years: a few a week each. */
  function event(n: number): Document {
    const year = 2015 + (n % 10);
    const day = `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    const hosts = [institution(n), institution(n + 7)];
    const participants = [institution(n + 3)];
    return {
      id: id('d', n),
      department: ['bakhmut', 'murygino', 'remontnoye'][n % 3],
      kind: EVENT_KINDS[n % EVENT_KINDS.length],
      status: EVENT_STATUSES[n % EVENT_STATUSES.length],
      seriesId: n % 4 ? null : series(n),
      formatMode: EVENT_FORMATS[n % EVENT_FORMATS.length],
      sortKey: `${day}|${n}`,
      spanFirst: n % 17 ? day : null,
      spanLast: n % 17 ? day : null,
      refs: [refWord('n', network(n)), refWord('c', network(n)), refWord('c', network(n + 5)), ...hosts.map((h) => refWord('h', h)), ...participants.map((p) => refWord('p', p)), ...[...hosts, ...participants].map((i) => refWord('i', i))].join(' '),
    };
  }

  const expectIndexed = (plan: string[], { sorted, byKey = false }: { sorted: boolean; byKey?: boolean }) => {
    // Searching the key by the copy alone is a walk through the whole copy: not good enough.
    const searched = byKey ? /^SEARCH read_documents USING PRIMARY KEY \(collection_copy=\? AND id=\?\)/ : /^SEARCH read_documents USING (COVERING )?INDEX read_ix/;
    expect(plan.filter((step) => searched.test(step))).toHaveLength(1);
    expect(plan.filter((step) => /^SCAN read_/.test(step))).toEqual([]);
    if (sorted) expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
  };

  const start = { month: 9, day: 1 };
  const academicYear = periodOf({ academicYear: '2020/2021' }, start);
  const month = periodOf({ month: '2021-03' }, start);

  it.each<[string, CalendarFilter, string]>([
    ['every event', {}, 'by-date'],
    ['kind', { kind: 'seminar' }, 'by-kind'],
    ['status', { status: 'held' }, 'by-status'],
    ['series', { series: series(0) }, 'by-series'],
    ['format', { format: 'online' }, 'by-format'],
  ])('GET /events by %s reads the department’s events from its index, in date order', async (_what, filter, index) => {
    const plan = await store.plan(EVENT_CALENDAR, calendarQuery('bakhmut', filter, null));
    expectIndexed(plan, { sorted: true });
    expect(plan[0]).toContain(` ${index} (`);
  });

  // The handler sorts what the period holds by the department's academic year anyway; what
  // matters is that only the period's events are read.
  it.each<[string, CalendarFilter, ReturnType<typeof periodOf>]>([
    ['an academic year', {}, academicYear],
    ['a month', {}, month],
    ['a month and a status', { status: 'planned' }, month],
    ['an academic year and a kind', { kind: 'seminar' }, academicYear],
  ])('GET /events in %s reads the period’s span from its index, not the whole calendar', async (_what, filter, period) => {
    const plan = await store.plan(EVENT_CALENDAR, calendarQuery('bakhmut', filter, period));
    expectIndexed(plan, { sorted: false });
    expect(plan[0]).toMatch(/ by-span \(<expr>=\? AND <expr>>\?\)/);
  });

  it.each<[string, CalendarFilter, ReturnType<typeof periodOf>]>([
    ['network (held or the audience of)', { network: network(1) }, null],
    ['own network, held (the totals)', { ownNetwork: network(1), status: 'held' }, academicYear],
    ['host', { host: institution(2) }, null],
    ['institution (an institution’s events)', { institution: institution(2) }, month],
  ])('GET /events by %s looks its word up instead of reading every event', async (_what, filter, period) => {
    const plan = await store.plan(EVENT_CALENDAR, calendarQuery('bakhmut', filter, period));
    expectIndexed(plan, { sorted: false, byKey: true });
    expect(plan.some((step) => /read_words USING (COVERING INDEX|PRIMARY KEY)/.test(step))).toBe(true);
  });
});
