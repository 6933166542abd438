import { createHash } from 'node:crypto';
import { streamName } from '@app/kernel';
import { ExternalCodeClaimData } from './external-code.events';

/**
 * The claim stream of an external code: the authority on who holds the code in a department.
 * It records each claim and each release; the code is held by the institution of its last
 * `ExternalCodeClaimed`, unless an `ExternalCodeReleased` follows. Every write that gives an
 * institution a code (registration, correction, import) appends the claim together with the
 * institution's event, with the claim stream's expected revision, so of any number of
 * concurrent claimants exactly one wins; a correction that changes or removes a code releases
 * the old one in the same append.
 */
export const externalCodeClaimStream = (department: string, code: string): string =>
  streamName('ExternalCode', createHash('sha256').update(`${department}\u0000${code}`).digest('hex').slice(0, 40));

export * from './external-code.events';

/** The institution the claim stream names as holder, given its last event (none: never claimed). */
export const claimantOf = (last: { type: string; data: unknown } | undefined): string | null =>
  last?.type === 'ExternalCodeClaimed' ? (last.data as ExternalCodeClaimData).institutionId : null;

/** The claim stream of a code as it was read. */
export interface CodeClaim {
  streamId: string;
  /** Revision of its last event; -1 when the code was never claimed. */
  revision: number;
  /** The institution the stream names (its last claim, unless a release follows), whether or not that claim still counts. */
  claimant: string | null;
  /** The institution holding the code, or null when it is free. */
  holder: string | null;
}
