import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, NotFound, RuleViolated, WriteResult, asEventOf, eventsOf, fold, metadataExtrasOf } from '@app/kernel';
import { EVENT_STORE, EventStore, StreamStateCache, decideAndAppend } from '@app/event-store';
import { READ_STORE, ReadStore } from '@app/read-store';
import { institutionDecider, institutionStream } from '../institution/institution.decider';
import { institutionEvents } from '../institution/institution.events';
import {
  InstitutionFacts,
  NETWORK_KINDS,
  NetworkKind,
  NetworkMapCommand,
  NetworkMapState,
  foldNetworkMap,
  networkMapDecider,
  networkMapStream,
} from './network-map.decider';
import { networkMapEvents, networksConcerned } from './network-map.events';

/**
 * Runs commands on a department's network maps: finds the map a network belongs to, looks up
 * the institutions a command names, and appends through the common write path.
 */
/** How the write endpoints on a network describe If-Match: the revision compared is the network's. */
export const NETWORK_IF_MATCH = 'The network revision you last read (ETag); a newer one answers 412';
/** How a write on a network the path names is documented: If-Match on the network's revision, and the problems it may answer. */
export const NETWORK_WRITE = { ifMatch: NETWORK_IF_MATCH, problems: [400, 401, 404, 409, 412, 422] };

@Injectable()
export class NetworkMapWriter {
  /** A network's kind never changes, so where it lives can be remembered. */
  private readonly kindOf = new Map<string, NetworkKind>();

  /**
   * The folded maps, with each network's revision (its ETag) and the idempotency keys used: a
   * command reads only what was appended to its map since the last one (docs/networks.md).
   */
  private readonly maps = new StreamStateCache<NetworkMapState>({
    initialState: networkMapDecider.initialState,
    evolve: (state, event) => networkMapDecider.evolve(state, asEventOf(networkMapEvents, event)),
    evolveAll: (state, events) => foldNetworkMap(state, eventsOf(networkMapEvents, events)),
    resourcesOf: networksConcerned,
  });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  /** The kind (and so the map) of a network of the department, or null when there is none. */
  async locate(department: string, networkId: string): Promise<NetworkKind | null> {
    const known = this.kindOf.get(`${department}/${networkId}`);
    if (known) return known;
    const view = (await this.readStore.get('networks', networkId)) as { department?: string; kind?: NetworkKind } | null;
    const candidates = view?.department === department && view.kind ? [view.kind] : [...NETWORK_KINDS];
    for (const kind of candidates) {
      // Registered or split off: either way the map's state holds it.
      const map = await this.maps.read(this.store, networkMapStream(department, kind));
      if (map.state.networks[networkId]) {
        this.kindOf.set(`${department}/${networkId}`, kind);
        return kind;
      }
    }
    return null;
  }

  /** Locates a network named in the path: unknown → 404. */
  async kindOfPathNetwork(department: string, networkId: string): Promise<NetworkKind> {
    const kind = await this.locate(department, networkId);
    if (!kind) throw new NotFound('network', networkId);
    return kind;
  }

  /** Locates a network named in the body: unknown → 422; another kind → 422. */
  async assertSameKind(department: string, networkId: string, kind: NetworkKind, what: string): Promise<void> {
    const other = await this.locate(department, networkId);
    if (!other) throw new RuleViolated('network-not-registered', `${what} ${networkId} is not a network of your department`);
    if (other !== kind) {
      throw new RuleViolated('kind-mismatch', `${what} ${networkId} is a ${other} network, not a ${kind}; institutions move only between networks of one kind`);
    }
  }

  /** What a command needs to know of an institution of the department. */
  async institution(department: string, institutionId: string): Promise<InstitutionFacts> {
    const state = fold(institutionDecider, eventsOf(institutionEvents, await this.store.readStream(institutionStream(institutionId))));
    if (state.status === 'unregistered' || state.department !== department) {
      throw new RuleViolated('institution-not-registered', `institution ${institutionId} is not registered in your department`);
    }
    return { institutionId, closedOn: state.closedOn };
  }

  /**
   * Decides a command on the map of the network a request addresses: looks up its kind (404
   * when the department has no such network), checks the other network it names (422), and
   * compares the caller's If-Match with its revision. What the write handlers of a network are.
   */
  async decideOn<P = undefined>(
    context: CommandContext,
    networkId: string,
    decide: {
      /** Another network the command names (a transfer's target, a merge's), which must be of the department and of the same kind. */
      sameKindAs?: { networkId: string; what: string };
      prepare?: (state: NetworkMapState) => Promise<P>;
      command: (state: NetworkMapState, prepared: P) => NetworkMapCommand;
    },
  ): Promise<WriteResult> {
    const { sameKindAs, ...rest } = decide;
    const kind = await this.kindOfPathNetwork(context.department, networkId);
    if (sameKindAs) await this.assertSameKind(context.department, sameKindAs.networkId, kind, sameKindAs.what);
    return this.execute({ context, kind, networkId, ifMatch: context.ifMatch, ...rest });
  }

  /**
   * Decides a command on the network's map. `prepare` does the command's I/O (a lookup of an
   * institution, the vault's record of a person) once, after the If-Match check; `command` is
   * pure and decided again on each attempt.
   */
  async execute<P = undefined>(options: {
    context: CommandContext;
    kind: NetworkKind;
    /** The network the request addresses: its revision is what If-Match compares, and the answer's id. */
    networkId: string;
    ifMatch?: number;
    prepare?: (state: NetworkMapState) => Promise<P>;
    command: (state: NetworkMapState, prepared: P) => NetworkMapCommand;
  }): Promise<WriteResult> {
    const { context, kind, networkId } = options;
    const result = await decideAndAppend({
      store: this.store,
      decider: networkMapDecider,
      streamId: networkMapStream(context.department, kind),
      aggregateId: networkId,
      context,
      ifMatch: options.ifMatch,
      resource: networkId,
      cache: this.maps,
      describe: (event) => metadataExtrasOf(networkMapEvents, event),
      prepare: options.prepare,
      command: (state, prepared) => options.command(state, prepared),
    });
    this.kindOf.set(`${context.department}/${networkId}`, kind);
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
