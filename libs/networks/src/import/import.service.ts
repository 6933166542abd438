import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, ConcurrencyConflict, RecordedEvent, eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore, RetryPolicy, WrongExpectedRevision, pauseBeforeRetry, retryPolicy } from '@app/event-store';
import { READ_STORE, ReadStore } from '@app/read-store';
import { ProjectionsService } from '@app/platform';
import { ExternalCodeRegistry } from '../institution/external-code-registry';
import { institutionDecider, institutionStream } from '../institution/institution.decider';
import { institutionEvents } from '../institution/institution.events';
import { INSTITUTIONS, InstitutionView, institutionListProjection } from '../institution-list/institution-list.projection';
import { NETWORK_KINDS, NetworkKind, foldNetworkMap, initialNetworkMapState, networkMapStream, plainNetworkMap } from '../network-map/network-map.decider';
import { networkMapEvents } from '../network-map/network-map.events';
import { ImportInput } from './import-file';
import {
  CodeClaim,
  ImportSummary,
  ImportWorld,
  KnownInstitution,
  MapSnapshot,
  hashInput,
  importedInstitutionId,
  listedRows,
  planImport,
  toStreamAppends,
} from './import-plan';

export interface ImportOptions {
  /** Validate and report only; nothing is written. */
  dryRun: boolean;
}

export interface ImporterDependencies {
  eventStore: EventStore;
  readStore: ReadStore;
  /**
   * Resolves once the institution read model has applied everything up to the position (the
   * head when the import starts), so that institutions registered just before are matched.
   */
  institutionsReadAt?: (position: number) => Promise<void>;
  /**
   * How often the import is planned and appended again when other writers get in between, and
   * the waits between (default: 3 attempts, the write path's waits).
   */
  retry?: Partial<RetryPolicy>;
}

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
 * Imports institutions and networks with their members: reads what is recorded, plans every
 * row with the deciders, and writes all of it in one multi-stream append, or nothing when a
 * row is rejected. A plain class so that the API and the CLI run the same code.
 */
export class Importer {
  private readonly codes: ExternalCodeRegistry;

  constructor(private readonly deps: ImporterDependencies) {
    this.codes = new ExternalCodeRegistry(deps.eventStore);
  }

  async run(input: ImportInput, context: CommandContext, options: ImportOptions): Promise<ImportSummary> {
    const inputHash = hashInput(input);
    const policy = retryPolicy({ attempts: 3, ...this.deps.retry });
    // Each attempt reads what it plans on afresh; the plan itself is pure (planImport).
    for (let attempt = 1; ; attempt++) {
      const plan = planImport(await this.readWorld(input, context), input);
      const summary: ImportSummary = {
        dryRun: options.dryRun,
        applied: !options.dryRun && plan.counts.rejected === 0,
        counts: plan.counts,
        ...listedRows(plan.rows),
      };
      if (!summary.applied || plan.appends.length === 0) return summary;
      try {
        const results = await this.deps.eventStore.appendMany(toStreamAppends(plan, context, inputHash));
        return { ...summary, position: Math.max(...results.map((r) => r.position)) };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (attempt >= policy.attempts) throw new ConcurrencyConflict(`stream ${error.streamId} kept changing during the import; nothing was imported, try again`);
        await pauseBeforeRetry(policy, attempt);
      }
    }
  }

  /** What the plan needs of the recorded world: the institutions the file may mean, the code claims, the maps. */
  async readWorld(input: ImportInput, context: CommandContext): Promise<ImportWorld> {
    const { eventStore: store, readStore } = this.deps;
    const department = context.department;
    if (this.deps.institutionsReadAt) await this.deps.institutionsReadAt(await store.headPosition());

    const refs = new Set(input.networks.flatMap((n) => [...n.members, ...n.anchors].flatMap((m) => (m.institution && 'ref' in m.institution ? [m.institution.ref] : []))));
    const codeNames = [...new Set([...input.institutions.flatMap((i) => (i.externalCode ? [i.externalCode] : [])), ...refs])];
    const codes: Record<string, CodeClaim> = {};
    await mapLimited(codeNames, async (code) => {
      // The revision with the holder: a claim landing after it makes our append fail rather than double the code.
      codes[code] = await this.codes.read(department, code);
    });

    const ids = new Set<string>();
    for (const claim of Object.values(codes)) if (claim.holder) ids.add(claim.holder);
    const rowNames = new Set<string>();
    for (const i of input.institutions) {
      if (!i.shortName || !i.settlement) continue;
      ids.add(importedInstitutionId(department, { externalCode: i.externalCode, shortName: i.shortName, settlement: i.settlement }));
      rowNames.add(`${i.shortName}\u0000${i.settlement}`);
    }
    const views = (await readStore.find(INSTITUTIONS, { where: { department } })) as InstitutionView[];
    for (const view of views) {
      if (rowNames.has(`${view.shortName}\u0000${view.settlement}`) || refs.has(view.shortName)) ids.add(view.id);
    }
    const institutions = (
      await mapLimited([...ids], async (id): Promise<KnownInstitution | null> => {
        const events = await store.readStream(institutionStream(id));
        if (events.length === 0) return null;
        const state = fold(institutionDecider, eventsOf(institutionEvents, events));
        if (state.status === 'unregistered' || state.department !== department) return null;
        return { id, state, createdByThisImport: events[0].metadata.commandId === context.commandId };
      })
    ).filter((i): i is KnownInstitution => i !== null);

    const kinds = [...new Set(input.networks.map((n) => n.kind).filter((k): k is NetworkKind => (NETWORK_KINDS as readonly string[]).includes(k ?? '')))];
    const maps: Partial<Record<NetworkKind, MapSnapshot>> = {};
    await mapLimited(kinds, async (kind) => {
      const events = await store.readStream(networkMapStream(department, kind));
      maps[kind] = {
        revision: events.length ? events[events.length - 1].revision : -1,
        // Folded in one pass, then plain: the plan reads the whole map after each of its own events.
        state: plainNetworkMap(foldNetworkMap(initialNetworkMapState(), eventsOf(networkMapEvents, events))),
        createdByThisImport: writtenBy(events, context.commandId),
      };
    });
    return { department, institutions, codes, maps };
  }
}

/** What a command (an earlier attempt of this import) wrote to a map. */
const writtenBy = (events: RecordedEvent[], commandId: string): MapSnapshot['createdByThisImport'] => {
  const mine = events.filter((e) => e.metadata.commandId === commandId);
  if (mine.length === 0) return undefined;
  const of = (type: string) => mine.filter((e) => e.type === type).map((e) => e.data as { networkId: string; institutionId?: string });
  return {
    networks: of('NetworkRegistered').map((d) => d.networkId),
    memberships: of('MemberAdmitted').map((d) => `${d.networkId}/${d.institutionId}`),
    anchors: of('AnchorSet').map((d) => `${d.networkId}/${d.institutionId}`),
  };
};

/** The importer of the API: the stores of the application, waiting for the institution read model. */
/** How long an import waits for the institution list to reach the log's head before it checks duplicates. */
export const IMPORT_CONSISTENCY_WAIT_MS = 30_000;

@Injectable()
export class ImportService {
  private readonly importer: Importer;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    projections: ProjectionsService,
  ) {
    this.importer = new Importer({
      eventStore,
      readStore,
      // An import is a long request already: it waits for the register to catch up rather than
      // answering 503 while the previous import's institutions are still being projected.
      institutionsReadAt: (position) => projections.waitFor(position, [institutionListProjection.name], IMPORT_CONSISTENCY_WAIT_MS),
    });
  }

  run(input: ImportInput, context: CommandContext, options: ImportOptions): Promise<ImportSummary> {
    return this.importer.run(input, context, options);
  }
}
