import { Decider, RuleViolated, assertNever } from '@app/kernel';
import { ExternalCodeClaimData, ExternalCodeClaimEvent } from './external-code-claim';

export type { ExternalCodeClaimEvent } from './external-code-claim';

/**
 * The claim stream of an external code (see external-code-claim.ts) as a decider: who it names
 * as the code's claimant, and whether an institution may claim or must release the code.
 */
export type ExternalCodeClaimState = {
  /** The institution of the stream's last claim, unless a release follows it. */
  claimant: string | null;
};

/**
 * Gives the code to an institution. `claimantHolds` says whether the claim the stream names
 * still counts: its institution carries the code, or the institution's event may still be on
 * its way. That is a fact of another stream, looked up where the claim stream is read.
 */
export type ClaimExternalCode = { type: 'ClaimExternalCode'; data: ExternalCodeClaimData & { claimantHolds: boolean } };
/** Frees the code of an institution that no longer carries it. */
export type ReleaseExternalCode = { type: 'ReleaseExternalCode'; data: ExternalCodeClaimData };
export type ExternalCodeClaimCommand = ClaimExternalCode | ReleaseExternalCode;

export const evolveExternalCodeClaim = (state: ExternalCodeClaimState, event: ExternalCodeClaimEvent): ExternalCodeClaimState => {
  switch (event.type) {
    case 'ExternalCodeClaimed':
      return { claimant: event.data.institutionId };
    case 'ExternalCodeReleased':
      // Only the claimant records a release, so after one the code is free.
      return { claimant: null };
    default:
      return assertNever(event);
  }
};

export const decideExternalCodeClaim = (command: ExternalCodeClaimCommand, state: ExternalCodeClaimState): ExternalCodeClaimEvent[] => {
  switch (command.type) {
    case 'ClaimExternalCode': {
      const { claimantHolds, ...data } = command.data;
      if (state.claimant !== null && claimantHolds) {
        if (state.claimant === data.institutionId) return [];
        throw new RuleViolated('external-code-taken', `external code ${data.code} already belongs to institution ${state.claimant} in this department`);
      }
      // Free, or named by a claim that no longer counts (even one of this institution's own):
      // a new claim, appended at the revision read, so a concurrent claimant's append fails.
      return [{ type: 'ExternalCodeClaimed', data }];
    }
    case 'ReleaseExternalCode':
      return state.claimant === command.data.institutionId ? [{ type: 'ExternalCodeReleased', data: command.data }] : [];
    default:
      return assertNever(command);
  }
};

/**
 * The state depends on the last event only, so reading a claim stream's last event is enough to
 * decide on it.
 */
export const externalCodeClaimDecider: Decider<ExternalCodeClaimState, ExternalCodeClaimCommand, ExternalCodeClaimEvent> = {
  initialState: () => ({ claimant: null }),
  evolve: evolveExternalCodeClaim,
  decide: decideExternalCodeClaim,
};
