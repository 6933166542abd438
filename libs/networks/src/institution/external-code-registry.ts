import { Inject, Injectable } from '@nestjs/common';
import { Clock, CommandContext, deterministicId, metadataFor, newId, systemClock } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { EVENT_STORE, EventStore } from '@app/event-store';
import type { StreamAppend } from '@app/event-store';
import { CodeClaim, ExternalCodeClaimEvent, claimantOf, externalCodeClaimStream } from './external-code-claim';
import { ExternalCodeClaimCommand, externalCodeClaimDecider } from './external-code-claim.decider';

export type { CodeClaim } from './external-code-claim';
import { institutionStream } from './institution.decider';

/**
 * How long a claim whose institution does not carry the code still counts: on a store that
 * appends stream after stream (EventStoreDB) the institution's event follows the claim. After
 * that the claim is dangling (a crash between the two, or a claim recorded before releases
 * existed) and the code is free.
 */
const IN_FLIGHT_MS = 60_000;

/** The claim streams a change of an institution's code rests on, as one attempt read them. */
export interface CodeClaims {
  /** The claim of the code the institution is to carry (absent: it keeps its code, or gets none). */
  next?: CodeClaim;
  /** The claim of the code it carried (absent: it had none, or keeps it). */
  previous?: CodeClaim;
}

/** What a write that changes an institution's code appends to claim streams, and who holds the new code. */
export interface CodeChange {
  /** The institution that holds the new code now (another one refuses the write), or null. */
  holder: string | null;
  /** The claim of the new code: appended before the institution's event. */
  before: StreamAppend[];
  /** The release of the old code: appended after the institution's event. */
  after: StreamAppend[];
}

/** The claim events of a decision as an append at the revision the claim stream was read at. */
const appendOf = (claim: CodeClaim, events: ExternalCodeClaimEvent[], context: CommandContext): StreamAppend => ({
  streamId: claim.streamId,
  expectedRevision: claim.revision < 0 ? 'no_stream' : claim.revision,
  events: events.map((event, index) => ({
    // With an idempotency key the same request gives the same event, which the store recognises.
    id: context.idempotencyKey ? deterministicId(context.department, context.idempotencyKey, claim.streamId, String(claim.revision + 1 + index)) : newId(),
    type: event.type,
    data: event.data,
    metadata: metadataFor(context),
  })),
});

const decided = (claim: CodeClaim, command: ExternalCodeClaimCommand): ExternalCodeClaimEvent[] =>
  externalCodeClaimDecider.decide(command, { claimant: claim.claimant });

/**
 * Decides, purely, what a write that gives the institution the code `next` where it had
 * `previous` appends to the claim streams read in `claims`: the claim of `next` unless the
 * institution holds it already (refused when another institution holds it), the release of
 * `previous` if the institution is its claimant.
 */
export const decideCodeChange = (
  claims: CodeClaims | undefined,
  change: { institutionId: string; previous: string | null; next: string | null },
  context: CommandContext,
): CodeChange => {
  const { institutionId, previous, next } = change;
  const { department } = context;
  const result: CodeChange = { holder: null, before: [], after: [] };
  if (next && next !== previous) {
    const claim = claims?.next;
    if (!claim) throw new Error(`the claim of the external code ${next} was not read`);
    result.holder = claim.holder;
    const events = decided(claim, { type: 'ClaimExternalCode', data: { department, code: next, institutionId, claimantHolds: claim.holder !== null } });
    if (events.length) result.before.push(appendOf(claim, events, context));
  }
  if (previous && previous !== next) {
    const claim = claims?.previous;
    if (!claim) throw new Error(`the claim of the external code ${previous} was not read`);
    const events = decided(claim, { type: 'ReleaseExternalCode', data: { department, code: previous, institutionId } });
    if (events.length) result.after.push(appendOf(claim, events, context));
  }
  return result;
};

/**
 * Keeps external codes unique within a department under any interleaving. The claim stream of
 * a code is the authority (see external-code-claim.ts): a write that gives an institution a
 * code appends the claim in the same multi-stream append as the institution's event, with the
 * revision of the claim stream it read, so a concurrent claimant's append fails and is decided
 * again on the new claim. This class reads claim streams; {@link decideCodeChange} decides on
 * them with the claim decider.
 */
@Injectable()
export class ExternalCodeRegistry {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    // Claims are dated by the requests' clock (recordedAt), so their age is measured by it too.
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** Reads the claim stream of a code: its revision, its claimant, and who holds the code. */
  async read(department: string, code: string): Promise<CodeClaim> {
    const claim = await this.readClaimant(department, code);
    const holds = claim.claimant !== null && claim.claimedAt !== undefined && (await this.stillHolds(claim.claimant, claim.claimedAt, code));
    return { streamId: claim.streamId, revision: claim.revision, claimant: claim.claimant, holder: holds ? claim.claimant : null };
  }

  /** The institution holding the code, or null. */
  async holderOf(department: string, code: string): Promise<string | null> {
    return (await this.read(department, code)).holder;
  }

  /**
   * Reads the claim streams a write needs that gives the institution the code `next` where it
   * had `previous` (null: none). Read on every attempt of the write: they are part of the state
   * it decides on.
   */
  async readFor(previous: string | null, next: string | null, department: string): Promise<CodeClaims> {
    const claims: CodeClaims = {};
    if (next && next !== previous) claims.next = await this.read(department, next);
    if (previous && previous !== next) {
      // Released only by its claimant: whether the claim still counts does not matter here.
      const { streamId, revision, claimant } = await this.readClaimant(department, previous);
      claims.previous = { streamId, revision, claimant, holder: claimant };
    }
    return claims;
  }

  /** Reads and decides at once ({@link readFor}, then {@link decideCodeChange}). */
  async change(institutionId: string, previous: string | null, next: string | null, context: CommandContext): Promise<CodeChange> {
    return decideCodeChange(await this.readFor(previous, next, context.department), { institutionId, previous, next }, context);
  }

  private async readClaimant(department: string, code: string): Promise<{ streamId: string; revision: number; claimant: string | null; claimedAt?: string }> {
    const streamId = externalCodeClaimStream(department, code);
    const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (!last) return { streamId, revision: -1, claimant: null };
    return { streamId, revision: last.revision, claimant: claimantOf(last), claimedAt: last.metadata.recordedAt };
  }

  /** A claim holds while its institution carries the code, or while the institution's event may still be on its way. */
  private async stillHolds(institutionId: string, claimedAt: string, code: string): Promise<boolean> {
    const events = await this.store.readStream(institutionStream(institutionId));
    let current: string | null = null;
    for (const event of events) {
      const data = event.data as { externalCode?: string | null; corrections?: { externalCode?: string | null } };
      if (event.type === 'InstitutionRegistered') current = data.externalCode ?? null;
      if (event.type === 'InstitutionDetailsCorrected' && data.corrections && 'externalCode' in data.corrections) {
        current = data.corrections.externalCode ?? null;
      }
    }
    if (current === code) return true;
    return this.clock.now().getTime() - Date.parse(claimedAt) < IN_FLIGHT_MS;
  }
}
