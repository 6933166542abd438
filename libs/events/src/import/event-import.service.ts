import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CommandContext, ConcurrencyConflict, eventsOf, fold, toIsoDate } from '@app/kernel';
import { EVENT_STORE, EventStore, WrongExpectedRevision, pauseBeforeRetry, retryPolicy } from '@app/event-store';
import { ProjectionsService } from '@app/platform';
import { InstitutionView, ListInstitutionsQuery, ListNetworksQuery, NetworkView } from '@app/networks';
import { eventDecider, eventEvents, eventStream } from '../event/event.decider';
import { eventSeriesDecider, eventSeriesEvents, eventSeriesStream } from '../event/event-series.decider';
import { EventFactsReader } from '../event-writer/event-facts.reader';
import { ListEventSeriesQuery } from '../event-series-list/event-series.query';
import type { EventSeriesView } from '../event-series-list/event-series-list.projection';
import { EventsImportInput } from './event-import-file';
import {
  EventImportSummary,
  EventsImportWorld,
  KnownSeries,
  RecordedEventStream,
  eventIdsOf,
  hashEventsInput,
  importedSeriesId,
  listedRows,
  namedIdsOf,
  planEventsImport,
  seriesNamesOf,
  toStreamAppends,
} from './event-import-plan';

export interface EventsImportOptions {
  /** Check and report only; nothing is written. */
  dryRun: boolean;
}

/** How long an import waits for the read models to reach the log's head before it resolves names (a read waits 3 s). */
export const EVENTS_IMPORT_CONSISTENCY_WAIT_MS = 30_000;

/** Pages of this many networks or institutions are read to resolve the file's names. */
const PAGE = 500;
/** Reads at most this many streams at once. */
const PARALLEL_READS = 32;

const mapLimited = async <T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, worker));
  return results;
};

/**
 * Imports a department's list of events: reads what the plan needs once for the file (the
 * department's networks and institutions through the networks module's public queries, the
 * named institutions' memberships and the academic year through the facts reader the write
 * slices use, the named series and the rows' own event streams), plans every row with the
 * deciders, and writes all of it in one multi-stream append, or nothing when a row is rejected.
 * Used by `POST /events/imports` and the CLI's `events import`.
 */
@Injectable()
export class EventsImportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly facts: EventFactsReader,
    private readonly projections: ProjectionsService,
  ) {}

  async run(input: EventsImportInput, context: CommandContext, options: EventsImportOptions): Promise<EventImportSummary> {
    const inputHash = hashEventsInput(input);
    const policy = retryPolicy({ attempts: 3 });
    // Each attempt reads what it plans on afresh; the plan itself is pure.
    for (let attempt = 1; ; attempt++) {
      const plan = planEventsImport(await this.readWorld(input, context), input);
      const summary: EventImportSummary = {
        dryRun: options.dryRun,
        applied: !options.dryRun && plan.counts.rejected === 0,
        counts: plan.counts,
        ...listedRows(plan.rows),
      };
      if (!summary.applied || plan.appends.length === 0) return summary;
      try {
        const results = await this.store.appendMany(toStreamAppends(plan, context, inputHash));
        return { ...summary, position: Math.max(...results.map((r) => r.position)) };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (attempt >= policy.attempts) throw new ConcurrencyConflict(`stream ${error.streamId} kept changing during the import; nothing was imported, try again`);
        await pauseBeforeRetry(policy, attempt);
      }
    }
  }

  /** What the plan needs of the recorded world, read once per attempt. */
  async readWorld(input: EventsImportInput, context: CommandContext): Promise<EventsImportWorld> {
    const { department } = context;
    const head = await this.store.headPosition();
    // A long request already: it waits for the read models to catch up rather than answer 503
    // while a previous import's institutions are still being projected.
    await this.projections.waitFor(head, undefined, EVENTS_IMPORT_CONSISTENCY_WAIT_MS);
    const [networkViews, institutionViews] = await Promise.all([
      this.all<NetworkView>((offset) => new ListNetworksQuery(department, { offset, limit: PAGE, consistentWith: head })),
      this.all<InstitutionView>((offset) => new ListInstitutionsQuery(department, { offset, limit: PAGE, consistentWith: head })),
    ]);
    const networks = networkViews.map((n) => ({ id: n.id, name: n.name, number: n.number, dissolvedOn: n.status === 'dissolved' ? n.dissolvedOn : null }));
    const institutions = institutionViews.map((i) => ({ id: i.id, shortName: i.shortName, externalCode: i.externalCode }));
    const named = namedIdsOf({ networks, institutions }, input);
    const facts = await this.facts.gather(department, { ...named, seriesId: null });
    const names = seriesNamesOf(input);
    const listed = names.length ? await this.all<EventSeriesView>((offset) => new ListEventSeriesQuery(department, { offset, limit: PAGE, consistentWith: head })) : [];
    const series = (await mapLimited(names, (name) => this.seriesNamed(department, name, context.commandId, listed))).filter((s): s is KnownSeries => s !== null);
    const known = { department, today: toIsoDate(context.receivedAt), yearStart: facts.yearStart, networks, institutions, memberships: facts.memberships, series };
    const events: Record<string, RecordedEventStream> = {};
    await mapLimited(eventIdsOf(known, input), async (id) => {
      const recorded = await this.store.readStream(eventStream(id));
      if (recorded.length === 0) return;
      events[id] = {
        revision: recorded[recorded.length - 1].revision,
        state: fold(eventDecider, eventsOf(eventEvents, recorded)),
        createdByThisImport: recorded[0].metadata.commandId === context.commandId,
      };
    });
    return { ...known, events };
  }

  /** Every item of a list query, page by page. */
  private async all<T>(page: (offset: number) => object): Promise<T[]> {
    const items: T[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const answer = (await this.queries.execute(page(offset) as never)) as { items: T[] };
      items.push(...answer.items);
      if (answer.items.length < PAGE) return items;
    }
  }

  /**
   * The series of this name: the one an import established under it (its id derives from the
   * name), else the department's series that has this name now (the series list).
   */
  private async seriesNamed(department: string, name: string, commandId: string, listed: EventSeriesView[]): Promise<KnownSeries | null> {
    const recorded = await this.store.readStream(eventSeriesStream(importedSeriesId(department, name)));
    const state = fold(eventSeriesDecider, eventsOf(eventSeriesEvents, recorded));
    if (state.status !== 'established' || state.department !== department) {
      const named = listed.find((s) => s.name === name);
      return named ? { seriesId: named.id, name, kind: named.kind, networkIds: named.networkIds } : null;
    }
    return { seriesId: state.seriesId, name, kind: state.kind, networkIds: state.networkIds, createdByThisImport: recorded[0].metadata.commandId === commandId };
  }
}
