import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, deterministicId, metadataFor, newId } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import type { StreamAppend } from '@app/event-store/event-store.port';
import { CodeClaim, ExternalCodeClaimEvent, claimantOf, externalCodeClaimStream } from './external-code-claim';

export type { CodeClaim } from './external-code-claim';
import { institutionStream } from './institution.decider';

/**
 * How long a claim whose institution does not carry the code still counts: on a store that
 * appends stream after stream (EventStoreDB) the institution's event follows the claim. After
 * that the claim is dangling (a crash between the two, or a claim recorded before releases
 * existed) and the code is free.
 */
const IN_FLIGHT_MS = 60_000;

/** What a write that changes an institution's code appends to claim streams, and who holds the new code. */
export interface CodeChange {
  /** The institution that holds the new code now (another one refuses the write), or null. */
  holder: string | null;
  /** The claim of the new code: appended before the institution's event. */
  before: StreamAppend[];
  /** The release of the old code: appended after the institution's event. */
  after: StreamAppend[];
}

/**
 * Keeps external codes unique within a department under any interleaving. The claim stream of
 * a code is the authority (see external-code-claim.ts): a write that gives an institution a
 * code appends the claim in the same multi-stream append as the institution's event, with the
 * revision of the claim stream it read, so a concurrent claimant's append fails and is decided
 * again on the new claim.
 */
@Injectable()
export class ExternalCodeRegistry {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Reads the claim stream of a code: its revision and who holds the code. */
  async read(department: string, code: string): Promise<CodeClaim> {
    const streamId = externalCodeClaimStream(department, code);
    const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (!last) return { streamId, revision: -1, holder: null };
    const claimant = claimantOf(last);
    const holds = claimant !== null && (await this.stillHolds(claimant, last.metadata.recordedAt, code));
    return { streamId, revision: last.revision, holder: holds ? claimant : null };
  }

  /** The institution holding the code, or null. */
  async holderOf(department: string, code: string): Promise<string | null> {
    return (await this.read(department, code)).holder;
  }

  /**
   * Reads the claims a write needs that gives the institution the code `next` where it had
   * `previous` (null: none), and prepares their appends: claim `next` at the revision read
   * unless the institution holds it already, release `previous` if the institution holds it.
   */
  async change(institutionId: string, previous: string | null, next: string | null, context: CommandContext): Promise<CodeChange> {
    const change: CodeChange = { holder: null, before: [], after: [] };
    const { department } = context;
    if (next && next !== previous) {
      const claim = await this.read(department, next);
      change.holder = claim.holder;
      if (claim.holder !== institutionId) change.before.push(this.append(claim.streamId, claim.revision, 'ExternalCodeClaimed', { department, code: next, institutionId }, context));
    }
    if (previous && previous !== next) {
      const streamId = externalCodeClaimStream(department, previous);
      const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      if (last && claimantOf(last) === institutionId) {
        change.after.push(this.append(streamId, last.revision, 'ExternalCodeReleased', { department, code: previous, institutionId }, context));
      }
    }
    return change;
  }

  private append(streamId: string, revision: number, type: ExternalCodeClaimEvent['type'], data: ExternalCodeClaimEvent['data'], context: CommandContext): StreamAppend {
    // With an idempotency key the same request gives the same event, which the store recognises.
    const id = context.idempotencyKey ? deterministicId(context.department, context.idempotencyKey, streamId, String(revision + 1)) : newId();
    return { streamId, expectedRevision: revision < 0 ? 'no_stream' : revision, events: [{ id, type, data, metadata: metadataFor(context) }] };
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
    return Date.now() - Date.parse(claimedAt) < IN_FLIGHT_MS;
  }
}
