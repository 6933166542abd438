import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, metadataFor, newId } from '@app/kernel';
import { EVENT_STORE, EventStore, WrongExpectedRevision } from '@app/event-store';
import { externalCodeClaimStream } from './external-code-claim';
import { institutionStream } from './institution.decider';

/** How long a claim whose institution was never recorded still counts (a write in flight). */
const IN_FLIGHT_MS = 60_000;

const claimStream = externalCodeClaimStream;

/**
 * Keeps external codes unique within a department across concurrent requests. Each code has a
 * claim stream; a claim is appended with the revision that was read, so of two concurrent
 * claimants only one wins. The institutions' own streams stay the truth: a claim whose
 * institution no longer carries the code (corrected, or never recorded after a crash) is free.
 */
@Injectable()
export class ExternalCodeRegistry {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The institution holding the code, or null. */
  async holderOf(department: string, code: string): Promise<string | null> {
    const claims = await this.store.readStream(claimStream(department, code), { direction: 'backwards', maxCount: 1 });
    return claims.length ? this.stillHolds(claims[0].data as { institutionId: string }, claims[0].metadata.recordedAt, code) : null;
  }

  /** Claims the code for the institution; returns the other institution that holds it, or null when claimed. */
  async claim(department: string, code: string, institutionId: string, context: CommandContext): Promise<string | null> {
    const streamId = claimStream(department, code);
    for (let attempt = 0; attempt < 5; attempt++) {
      const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      if (last) {
        const holder = await this.stillHolds(last.data as { institutionId: string }, last.metadata.recordedAt, code);
        if (holder === institutionId) return null;
        if (holder) return holder;
      }
      try {
        await this.store.append(
          streamId,
          [{ id: newId(), type: 'ExternalCodeClaimed', data: { department, code, institutionId }, metadata: metadataFor(context) }],
          { expectedRevision: last ? last.revision : 'no_stream' },
        );
        return null;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
    return this.holderOf(department, code);
  }

  private async stillHolds(claim: { institutionId: string }, claimedAt: string, code: string): Promise<string | null> {
    const events = await this.store.readStream(institutionStream(claim.institutionId));
    if (events.length === 0) {
      return Date.now() - Date.parse(claimedAt) < IN_FLIGHT_MS ? claim.institutionId : null;
    }
    let current: string | null = null;
    for (const event of events) {
      const data = event.data as { externalCode?: string | null; corrections?: { externalCode?: string | null } };
      if (event.type === 'InstitutionRegistered') current = data.externalCode ?? null;
      if (event.type === 'InstitutionDetailsCorrected' && data.corrections && 'externalCode' in data.corrections) {
        current = data.corrections.externalCode ?? null;
      }
    }
    return current === code ? claim.institutionId : null;
  }
}

