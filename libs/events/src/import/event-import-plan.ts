import { createHash } from 'node:crypto';
import { AcademicYearStart, CommandContext, FieldError, InvalidInput, IsoDate, NewEvent, RuleViolated, deterministicId, metadataExtrasOf, metadataFor } from '@app/kernel';
import type { ExpectedRevision, StreamAppend } from '@app/event-store';
import { EventFacts, MembershipFacts, NetworkFacts, SeriesFacts } from '../event/event-facts';
import { EventEvent, EventRecord, EventState, decideEvent, evolveEvent, eventStream, initialEventState } from '../event/event.decider';
import { EventSeriesEvent, decideEventSeries, eventSeriesStream, initialEventSeriesState } from '../event/event-series.decider';
import { EVENT_KINDS, EventFormatMode, EventKind, EventLevel } from '../event/event-vocabulary';
import { When, inAcademicYear, inMonth, inYear, onDay, onDays, validWhen } from '../event/when';
import { eventsEvents } from '../events.events';
import { EventRowInput, EventsImportInput, LinkInput, RowRef } from './event-import-file';

/**
 * Plans an events import, purely: given what is recorded (the department's networks, the
 * institutions and series the file may mean, the institutions' memberships, the streams of the
 * events the file's rows are) and the file's rows, it decides every row with the events
 * module's own deciders — a past event is planned and held in one decision on its empty stream
 * — and says per row what happens: created, unchanged, or rejected and why, field by field.
 * The appends it returns are written together, or not at all when a row is rejected.
 */

// ---- what is recorded ------------------------------------------------------------------------

export interface KnownNetwork {
  id: string;
  name: string;
  number: string | null;
  dissolvedOn: IsoDate | null;
}

export interface KnownInstitution {
  id: string;
  shortName: string;
  externalCode: string | null;
}

export interface KnownSeries extends SeriesFacts {
  name: string;
  /** Set when this very import (its command) established it in an earlier, partly written attempt. */
  createdByThisImport?: boolean;
}

/** An event's stream as it was read. */
export interface RecordedEventStream {
  revision: number;
  state: EventState;
  /** Set when this very import (its command) recorded it in an earlier, partly written attempt. */
  createdByThisImport?: boolean;
}

export interface EventsImportWorld {
  department: string;
  /** The department's calendar date when the import was received. */
  today: IsoDate;
  yearStart: AcademicYearStart;
  /** The department's networks (a file names them by name or id). */
  networks: KnownNetwork[];
  /** The department's registered institutions the file may mean (by id, externalCode or shortName). */
  institutions: KnownInstitution[];
  /** Those institutions' stays in the networks: which hosts and participants were members. */
  memberships: MembershipFacts[];
  /** Established series the file may mean, by name. */
  series: KnownSeries[];
  /** The streams of the events the rows are ({@link eventIdsOf}), when recorded. */
  events: Record<string, RecordedEventStream>;
}

// ---- what the import answers -----------------------------------------------------------------

export type EventImportEntity = 'event' | 'series';
export type EventImportOutcome = 'created' | 'unchanged' | 'rejected';

export interface EventImportRowOutcome {
  /** 1-based CSV data row, or a JSON path such as `events[3]`. */
  row: RowRef;
  entity: EventImportEntity;
  /** What the row names, for people: the topic and the date as written; a series' name. */
  key: string;
  outcome: EventImportOutcome;
  /** The event's or the series' id. */
  id?: string;
  /** Why the row is rejected, in a sentence. */
  reason?: string;
  /** The first field a rejected row is wrong in. */
  field?: string;
  /** Every field a rejected row is wrong in, with its messages, named as the file names them. */
  errors?: FieldError[];
  /** Machine-readable cause: a domain rule's code, or `invalid-value`, `duplicate-row`, … */
  rule?: string;
}

export interface EventImportEntityCounts {
  events: number;
  series: number;
}

export interface EventImportCounts {
  created: EventImportEntityCounts;
  unchanged: EventImportEntityCounts;
  /** Rows rejected, all of them (the summary lists only the first ones). */
  rejected: number;
  rejectedByRule: Record<string, number>;
}

export interface EventImportSummary {
  dryRun: boolean;
  /** True when the import was carried out: not a dry run and no row rejected (even if nothing was new). */
  applied: boolean;
  counts: EventImportCounts;
  /** Outcomes in file order, at most {@link LISTED_ROWS}, always with the first {@link LISTED_REJECTIONS} rejected rows. */
  rows: EventImportRowOutcome[];
  omittedRows: number;
  /** Global position of the last event written, for `consistentWith`; absent when nothing was written. */
  position?: number;
}

export const LISTED_ROWS = 1000;
export const LISTED_REJECTIONS = 100;

/** The rows a summary lists: the first {@link LISTED_REJECTIONS} rejected rows and as many others as fit, in file order. */
export const listedRows = (rows: readonly EventImportRowOutcome[]): { rows: EventImportRowOutcome[]; omittedRows: number } => {
  let rejections = 0;
  for (const row of rows) if (row.outcome === 'rejected' && rejections < LISTED_REJECTIONS) rejections++;
  let others = LISTED_ROWS - rejections;
  let rejectedLeft = rejections;
  const listed = rows.filter((row) => (row.outcome === 'rejected' ? rejectedLeft-- > 0 : others-- > 0));
  return { rows: listed, omittedRows: rows.length - listed.length };
};

export interface PlannedAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: (EventEvent | EventSeriesEvent)[];
}

export interface EventsImportPlan {
  rows: EventImportRowOutcome[];
  counts: EventImportCounts;
  /** Series first, then events; empty when a row is rejected. */
  appends: PlannedAppend[];
}

// ---- identities ------------------------------------------------------------------------------

/**
 * The id of a row's event. With a `key` (the department's own number of the event), the key
 * alone; without, what the event is within the department: its kind, topic, networks and date.
 * The same row in the same department always gives the same id, so importing a file again finds
 * every event it recorded.
 */
export const importedEventId = (department: string, identity: { key?: string; kind: string; topic: string; networkIds: readonly string[]; when: When }): string =>
  identity.key !== undefined
    ? deterministicId(department, 'import-event', 'key', identity.key)
    : deterministicId(department, 'import-event', identity.kind, identity.topic, [...identity.networkIds].sort().join(','), JSON.stringify(identity.when));

/** The id of a series an import establishes: from its name, so a second import finds it. */
export const importedSeriesId = (department: string, name: string): string => deterministicId(department, 'import-series', name);

/** SHA-256 of the rows' values (not the format or row labels). */
export const hashEventsInput = (input: EventsImportInput): string =>
  createHash('sha256')
    .update(JSON.stringify(input.rows.map(({ row: _row, ...values }) => values)))
    .digest('hex');

/** The events to append, with ids from the department, the input, the stream and its revision, so a retried append is recognised. */
export const toStreamAppends = (plan: Pick<EventsImportPlan, 'appends'>, context: CommandContext, inputHash: string): StreamAppend[] =>
  plan.appends.map((append) => ({
    streamId: append.streamId,
    expectedRevision: append.expectedRevision,
    events: append.events.map(
      (event, index): NewEvent => ({
        id: deterministicId(context.department, inputHash, append.streamId, String(append.expectedRevision), String(index)),
        type: event.type,
        data: event.data,
        metadata: metadataFor({ ...context, source: 'import' }, metadataExtrasOf(eventsEvents, event)),
      }),
    ),
  }));

// ---- reading the values ----------------------------------------------------------------------

export const EVENT_IMPORT_STATUSES = ['held', 'planned'] as const;

/** How a date is written in a file. */
export const WHEN_TEXT_FORMS = 'YYYY-MM-DD (a day), YYYY-MM-DD..YYYY-MM-DD (days), YYYY-MM (a month), YYYY (a year), YYYY/YYYY (an academic year), or empty (not known yet)';

/** A when from its text; null when the text is none of {@link WHEN_TEXT_FORMS}. Calendar checks are {@link validWhen}'s. */
export const whenFromText = (value: string): When | null => {
  const v = value.trim();
  let m: RegExpExecArray | null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return onDay(v);
  if ((m = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(v))) return onDays(m[1], m[2]);
  if (/^\d{4}-\d{2}$/.test(v)) return inMonth(v);
  if (/^\d{4}$/.test(v)) return inYear(Number(v));
  if ((m = /^(\d{4})\s*[/–-]\s*(\d{4})$/.exec(v))) return inAcademicYear(`${m[1]}/${m[2]}`);
  return null;
};

/** The file's name of a field the deciders name (`hostIds` → `hosts`, `participation.counts.teachers` → `counts.teachers`). */
const fileField = (field: string, csv: boolean, whenIsText: boolean): string => {
  const renamed: Record<string, string> = {
    networkIds: 'networks',
    audienceNetworkIds: 'audienceNetworks',
    hostIds: 'hosts',
    seriesId: 'series',
    'format.mode': 'format',
    'format.platform': 'platform',
    'format.link': 'link',
    'participation.counts': 'counts',
    'participation.institutionIds': 'participants',
    'when.startTime': 'startTime',
    'when.endTime': 'endTime',
  };
  if (renamed[field]) return renamed[field];
  if (field.startsWith('participation.counts.')) return csv ? field.slice('participation.counts.'.length) : field.slice('participation.'.length);
  if (/^(materials|publications)\[\d+\]/.test(field)) return field.split('[')[0];
  if (field.startsWith('when.') && whenIsText) return 'when';
  return field;
};

/** Field errors, each field once, in the order first named. */
const mergeErrors = (errors: FieldError[]): FieldError[] => {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    const existing = byField.get(e.field);
    if (existing) existing.messages.push(...e.messages.filter((m) => !existing.messages.includes(m)));
    else byField.set(e.field, { field: e.field, messages: [...e.messages] });
  }
  return [...byField.values()];
};

/** Why a row is rejected; thrown and caught inside the planner only. */
class Rejection {
  constructor(
    readonly rule: string,
    readonly message: string,
    readonly errors: FieldError[] = [],
  ) {}
}

const invalid = (errors: FieldError[], rule = 'invalid-value'): Rejection =>
  new Rejection(
    rule,
    errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join('; '),
    errors,
  );

const groupBy = <K, V>(values: Iterable<V>, key: (value: V) => K | undefined): Map<K, V[]> => {
  const map = new Map<K, V[]>();
  for (const value of values) {
    const k = key(value);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(value);
    else map.set(k, [value]);
  }
  return map;
};

type Resolved = { ok: true; id: string } | { ok: false; message: string; rule: string };

/** Only what the file gives is compared with what is recorded; the verdicts follow from the rest. */
const comparable = (state: EventRecord) => ({
  status: state.status,
  kind: state.kind,
  topic: state.topic,
  description: state.description,
  networkIds: state.networkIds,
  audienceNetworkIds: state.audienceNetworkIds,
  hostIds: state.hostIds,
  when: state.when,
  format: state.format,
  level: state.level,
  audience: state.audience,
  seriesId: state.seriesId,
  counts: state.held?.participation.counts ?? null,
  participants: state.held?.participation.institutionIds ?? null,
  outcome: state.held?.outcome ?? null,
  materials: state.held?.materials ?? [],
  publications: state.held?.publications ?? [],
});

const shown = (value: unknown): string => (value === null || value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));

const rowKey = (row: EventRowInput): string => {
  const when = row.when === undefined ? 'date not known' : typeof row.when === 'string' ? row.when : JSON.stringify(row.when);
  return `«${row.topic ?? '?'}», ${when}`;
};

// ---- the planner -----------------------------------------------------------------------------

/** The event ids the rows may be: what a reader reads the streams of before planning (rows whose names do not resolve have none). */
export const eventIdsOf = (world: Omit<EventsImportWorld, 'events'>, input: EventsImportInput): string[] => {
  const resolver = new Resolver(world);
  const ids: string[] = [];
  for (const row of input.rows) {
    const identity = identityOf(row, resolver);
    if (identity) ids.push(importedEventId(world.department, identity));
  }
  return [...new Set(ids)];
};

/** The networks and institutions the rows name that resolve: whose facts (memberships) a reader gathers. */
export const namedIdsOf = (world: Pick<EventsImportWorld, 'networks' | 'institutions'>, input: EventsImportInput): { networkIds: string[]; institutionIds: string[] } => {
  const resolver = new Resolver(world);
  const networkIds = new Set<string>();
  const institutionIds = new Set<string>();
  for (const row of input.rows) {
    for (const ref of [...row.networks, ...row.audienceNetworks]) {
      const r = resolver.network(ref);
      if (r.ok) networkIds.add(r.id);
    }
    for (const ref of [...row.hosts, ...row.participants]) {
      const r = resolver.institution(ref);
      if (r.ok) institutionIds.add(r.id);
    }
  }
  return { networkIds: [...networkIds], institutionIds: [...institutionIds] };
};

/** The series the rows name: what a reader looks up before planning. */
export const seriesNamesOf = (input: EventsImportInput): string[] => [...new Set(input.rows.flatMap((r) => (r.series ? [r.series] : [])))];

class Resolver {
  private readonly networksById: Map<string, KnownNetwork>;
  private readonly networksByName: Map<string, KnownNetwork[]>;
  private readonly institutionsById: Map<string, KnownInstitution>;
  private readonly institutionsByCode: Map<string, KnownInstitution[]>;
  private readonly institutionsByShortName: Map<string, KnownInstitution[]>;

  constructor(world: Pick<EventsImportWorld, 'networks' | 'institutions'>) {
    this.networksById = new Map(world.networks.map((n) => [n.id, n]));
    this.networksByName = groupBy(world.networks, (n) => n.name.trim());
    this.institutionsById = new Map(world.institutions.map((i) => [i.id, i]));
    this.institutionsByCode = groupBy(world.institutions, (i) => i.externalCode ?? undefined);
    this.institutionsByShortName = groupBy(world.institutions, (i) => i.shortName.trim());
  }

  /** A network by its id or its name (as the network list has it). */
  network(ref: string): Resolved {
    const byId = this.networksById.get(ref);
    if (byId) return { ok: true, id: byId.id };
    const named = this.networksByName.get(ref) ?? [];
    if (named.length === 1) return { ok: true, id: named[0].id };
    if (named.length > 1) return { ok: false, rule: 'ambiguous-reference', message: `${named.length} networks of your department are named «${ref}»; give the network's id` };
    return { ok: false, rule: 'unresolved-reference', message: `no network named «${ref}» in your department` };
  }

  /** An institution by its id, externalCode or shortName, as the networks import names them. */
  institution(ref: string): Resolved {
    const byId = this.institutionsById.get(ref);
    if (byId) return { ok: true, id: byId.id };
    const coded = this.institutionsByCode.get(ref) ?? [];
    if (coded.length === 1) return { ok: true, id: coded[0].id };
    const named = this.institutionsByShortName.get(ref) ?? [];
    if (named.length === 1) return { ok: true, id: named[0].id };
    if (named.length > 1) {
      return { ok: false, rule: 'ambiguous-reference', message: `${named.length} institutions of your department are named «${ref}»; refer to one by its externalCode` };
    }
    return { ok: false, rule: 'unresolved-reference', message: `no institution with the externalCode or shortName «${ref}» in your department` };
  }
}

/** What identifies a row's event, when its networks resolve and its date reads; null otherwise. */
const identityOf = (row: EventRowInput, resolver: Resolver): { key?: string; kind: string; topic: string; networkIds: string[]; when: When } | null => {
  const when = whenOf(row);
  if (!when.ok) return null;
  const networkIds: string[] = [];
  for (const ref of row.networks) {
    const resolved = resolver.network(ref);
    if (!resolved.ok) return null;
    if (!networkIds.includes(resolved.id)) networkIds.push(resolved.id);
  }
  return { key: row.key, kind: row.kind ?? '', topic: row.topic ?? '', networkIds, when: when.when };
};

/** The row's when in its one written form, or the field errors that say why it is not one. */
const whenOf = (row: EventRowInput): { ok: true; when: When } | { ok: false; errors: FieldError[] } => {
  let when: unknown;
  if (row.when === undefined) when = { precision: 'not-known' };
  else if (typeof row.when === 'string') {
    const parsed = whenFromText(row.when);
    if (!parsed) return { ok: false, errors: [{ field: 'when', messages: [`when «${row.when}» must be written ${WHEN_TEXT_FORMS}`] }] };
    when = parsed;
  } else when = row.when;
  if (row.startTime !== undefined || row.endTime !== undefined) {
    const w = when as { precision?: string };
    if (w.precision !== 'date') {
      return { ok: false, errors: [{ field: row.startTime !== undefined ? 'startTime' : 'endTime', messages: ['times are given only with a date to the day'] }] };
    }
    when = { ...(when as object), ...(row.startTime !== undefined ? { startTime: row.startTime } : {}), ...(row.endTime !== undefined ? { endTime: row.endTime } : {}) };
  }
  try {
    return { ok: true, when: validWhen(when) };
  } catch (error) {
    if (error instanceof InvalidInput) return { ok: false, errors: error.errors };
    throw error;
  }
};

const linksOf = (links: LinkInput[]) => links.map((l) => ({ url: l.url, title: l.title ?? null }));

export const planEventsImport = (world: EventsImportWorld, input: EventsImportInput): EventsImportPlan => {
  const { department, today, yearStart } = world;
  const csv = input.format === 'csv';
  const resolver = new Resolver(world);
  const rows: EventImportRowOutcome[] = [];
  const seriesAppends: PlannedAppend[] = [];
  const eventAppends: PlannedAppend[] = [];
  const networkFacts: NetworkFacts[] = world.networks.map((n) => ({ networkId: n.id, dissolvedOn: n.dissolvedOn }));
  // The facts of the whole file, gathered once; each row adds the series it names.
  const fileFacts: Omit<EventFacts, 'series'> = {
    networks: networkFacts,
    registeredInstitutionIds: world.institutions.map((i) => i.id),
    memberships: world.memberships,
    yearStart,
  };
  const seriesByName = new Map<string, { series: KnownSeries; createdHere: boolean }>();
  for (const s of world.series) if (!seriesByName.has(s.name)) seriesByName.set(s.name, { series: s, createdHere: false });
  const seriesReported = new Set<string>();
  const firstRowOf = new Map<string, RowRef>();

  for (const row of input.rows) {
    const key = rowKey(row);
    const whenIsText = typeof row.when === 'string' || row.when === undefined;
    try {
      const problems: FieldError[] = [];
      /** The rule of the names that resolve to nothing or to several; the row's rule when they are all that is wrong. */
      let referenceRule: string | null = null;
      const referenceFields = new Set<string>();
      const resolveAll = (field: string, refs: string[], one: (ref: string) => Resolved): string[] => {
        const ids: string[] = [];
        for (const ref of refs) {
          const resolved = one(ref);
          if (!resolved.ok) {
            problems.push({ field, messages: [resolved.message] });
            referenceRule ??= resolved.rule;
            referenceFields.add(field);
          }
          else if (!ids.includes(resolved.id)) ids.push(resolved.id);
        }
        return ids;
      };
      const networkIds = resolveAll('networks', row.networks, (r) => resolver.network(r));
      if (row.networks.length === 0) problems.push({ field: 'networks', messages: ['networks is required: the network (or networks) that held the event'] });
      const audienceNetworkIds = resolveAll('audienceNetworks', row.audienceNetworks, (r) => resolver.network(r));
      const hostIds = resolveAll('hosts', row.hosts, (r) => resolver.institution(r));
      const participantIds = resolveAll('participants', row.participants, (r) => resolver.institution(r));
      const when = whenOf(row);
      if (!when.ok) problems.push(...when.errors.map((e) => ({ ...e, field: fileField(e.field, csv, whenIsText) })));
      const status = row.status ?? 'held';
      if (!(EVENT_IMPORT_STATUSES as readonly string[]).includes(status)) problems.push({ field: 'status', messages: [`status must be one of ${EVENT_IMPORT_STATUSES.join(', ')}`] });
      const holding = [
        ...(Object.keys(row.counts).length ? ['counts'] : []),
        ...(row.participants.length ? ['participants'] : []),
        ...(row.outcome !== undefined ? ['outcome'] : []),
        ...(row.materials.length ? ['materials'] : []),
        ...(row.publications.length ? ['publications'] : []),
      ];
      if (status === 'planned' && holding.length) {
        for (const f of holding) problems.push({ field: f, messages: [`${f} is recorded when an event is held; this row is planned`] });
      }
      const format = (row.format ?? 'in-person') as EventFormatMode;
      const level = (row.level ?? 'network') as EventLevel;

      // The series: the one of that name, or a new one established with the row's kind and networks.
      let seriesFacts: SeriesFacts | null = null;
      let newSeries: { series: KnownSeries; events: EventSeriesEvent[] } | null = null;
      if (row.series) {
        const known = seriesByName.get(row.series);
        if (known) seriesFacts = known.series;
        else if ((EVENT_KINDS as readonly string[]).includes(row.kind ?? '') && networkIds.length && problems.length === 0) {
          const seriesId = importedSeriesId(department, row.series);
          const events = decided(() =>
            decideEventSeries(
              { type: 'EstablishEventSeries', data: { seriesId, department, name: row.series!, kind: row.kind as EventKind, networkIds, today, facts: { networks: networkFacts } } },
              initialEventSeriesState(),
            ),
          );
          const established = events[0].type === 'EventSeriesEstablished' ? events[0].data : null;
          const series: KnownSeries = { seriesId, name: established?.name ?? row.series, kind: row.kind as EventKind, networkIds: established?.networkIds ?? networkIds };
          newSeries = { series, events };
          seriesFacts = series;
        }
      }

      const details = {
        kind: row.kind as EventKind,
        topic: row.topic as string,
        description: row.description ?? null,
        networkIds,
        audienceNetworkIds,
        hostIds,
        format: { mode: format, platform: row.platform ?? null, link: row.link ?? null },
        level,
        audience: row.audience as never[],
        people: [],
        seriesId: seriesFacts?.seriesId ?? null,
      };
      const facts: EventFacts = { ...fileFacts, series: seriesFacts };
      const plannedWhen = when.ok ? when.when : ({ precision: 'not-known' } as When);
      const eventId = importedEventId(department, { key: row.key, kind: row.kind ?? '', topic: row.topic ?? '', networkIds, when: plannedWhen });

      // The deciders check the shape field by field: ask them even when names did not resolve, to list every problem at once.
      let events: EventEvent[] = [];
      let refusal: Rejection | null = null;
      try {
        events = decideEvent({ type: 'PlanEvent', data: { eventId, department, when: plannedWhen, planItemIds: [], today, facts, ...details } }, initialEventState());
        if (status === 'held') {
          const planned = events.reduce(evolveEvent, initialEventState());
          events = [
            ...events,
            ...decideEvent(
              {
                type: 'RecordEventHeld',
                data: {
                  eventId,
                  today,
                  facts,
                  when: plannedWhen,
                  participation: { counts: row.counts as never, institutionIds: participantIds },
                  outcome: row.outcome ?? null,
                  materials: linksOf(row.materials),
                  publications: linksOf(row.publications),
                },
              },
              planned,
            ),
          ];
        }
      } catch (error) {
        if (error instanceof InvalidInput) problems.push(...error.errors.map((e) => ({ ...e, field: fileField(e.field, csv, whenIsText) })));
        else if (error instanceof RuleViolated) refusal = new Rejection(error.code, error.message, [{ field: ruleField(error.code), messages: [error.message] }]);
        else throw error;
      }
      if (problems.length) {
        const errors = mergeErrors(problems);
        throw invalid(errors, errors.every((e) => referenceFields.has(e.field)) ? (referenceRule ?? undefined) : undefined);
      }
      if (row.series && !seriesFacts) throw new Rejection('series-not-established', `the series «${row.series}» could not be established`, [{ field: 'series', messages: ['series is not established'] }]);
      if (refusal) throw refusal;

      const earlier = firstRowOf.get(eventId);
      if (earlier !== undefined) {
        throw new Rejection('duplicate-row', `the same event as row ${earlier}${row.key ? ` (key ${row.key})` : ' (kind, topic, networks and date)'}`, [
          { field: row.key ? 'key' : 'topic', messages: [`the same event as row ${earlier}`] },
        ]);
      }
      firstRowOf.set(eventId, row.row);

      // What is recorded under the id: the same event (unchanged), or another (rejected: an import never changes a record).
      const recorded = world.events[eventId];
      let outcome: EventImportOutcome = 'created';
      if (recorded && recorded.state.status !== 'none') {
        const wanted = comparable(events.reduce(evolveEvent, initialEventState()) as EventRecord);
        const has = comparable(recorded.state);
        const differences = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((f) => JSON.stringify(wanted[f]) !== JSON.stringify(has[f]));
        if (differences.length) {
          const errors = differences.map((f) => ({ field: fileField(f, csv, whenIsText), messages: [`recorded as ${shown(has[f])}, the file says ${shown(wanted[f])}`] }));
          throw new Rejection('recorded-with-different-details', `the event is recorded with other details (${differences.join(', ')}); correct it through the API`, errors);
        }
        outcome = recorded.createdByThisImport ? 'created' : 'unchanged';
      } else {
        eventAppends.push({ streamId: eventStream(eventId), expectedRevision: recorded ? recorded.revision : 'no_stream', events });
      }

      if (row.series && !seriesReported.has(row.series)) {
        seriesReported.add(row.series);
        if (newSeries) {
          seriesByName.set(row.series, { series: newSeries.series, createdHere: true });
          seriesAppends.push({ streamId: eventSeriesStream(newSeries.series.seriesId), expectedRevision: 'no_stream', events: newSeries.events });
          rows.push({ row: row.row, entity: 'series', key: row.series, outcome: 'created', id: newSeries.series.seriesId });
        } else {
          const known = seriesByName.get(row.series)!;
          rows.push({ row: row.row, entity: 'series', key: row.series, outcome: known.series.createdByThisImport ? 'created' : 'unchanged', id: known.series.seriesId });
        }
      }
      rows.push({ row: row.row, entity: 'event', key, outcome, id: eventId });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      rows.push({
        row: row.row,
        entity: 'event',
        key,
        outcome: 'rejected',
        reason: error.message,
        rule: error.rule,
        ...(error.errors.length ? { field: error.errors[0].field, errors: error.errors } : {}),
      });
    }
  }

  const counts: EventImportCounts = { created: { events: 0, series: 0 }, unchanged: { events: 0, series: 0 }, rejected: 0, rejectedByRule: {} };
  for (const row of rows) {
    if (row.outcome === 'rejected') {
      counts.rejected++;
      const rule = row.rule ?? 'rejected';
      counts.rejectedByRule[rule] = (counts.rejectedByRule[rule] ?? 0) + 1;
    } else counts[row.outcome][row.entity === 'event' ? 'events' : 'series']++;
  }
  return { rows, counts, appends: counts.rejected > 0 ? [] : [...seriesAppends, ...eventAppends] };
};

/** A rule's refusal, as a field of the file. */
const ruleField = (rule: string): string => {
  switch (rule) {
    case 'network-not-registered':
    case 'network-dissolved':
      return 'networks';
    case 'institution-not-registered':
      return 'hosts';
    case 'event-held-in-future':
    case 'held-date-required':
      return 'when';
    default:
      return rule.startsWith('series-') ? 'series' : 'body';
  }
};

const decided = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (error instanceof RuleViolated) throw new Rejection(error.code, error.message, [{ field: 'series', messages: [error.message] }]);
    if (error instanceof InvalidInput) throw invalid(error.errors.map((e) => ({ field: 'series', messages: e.messages })));
    throw error;
  }
};
