import { RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { ExternalCodeClaimed, ExternalCodeReleased } from './external-code-claim';
import { externalCodeClaimDecider } from './external-code-claim.decider';

const spec = DeciderSpecification.for(externalCodeClaimDecider);
const code = { department: 'bakhmut', code: 'UA-7' };
const claimedBy = (institutionId: string): ExternalCodeClaimed => ({ type: 'ExternalCodeClaimed', data: { ...code, institutionId } });
const releasedBy = (institutionId: string): ExternalCodeReleased => ({ type: 'ExternalCodeReleased', data: { ...code, institutionId } });
const claim = (institutionId: string, claimantHolds: boolean) => ({ type: 'ClaimExternalCode' as const, data: { ...code, institutionId, claimantHolds } });
const release = (institutionId: string) => ({ type: 'ReleaseExternalCode' as const, data: { ...code, institutionId } });

describe('external code claim decider', () => {
  describe('a code never claimed', () => {
    it('is claimed by the first institution that asks', () => {
      spec.given([]).when(claim('school-7', false)).then([claimedBy('school-7')]);
    });
    it('has nothing to release', () => {
      spec.given([]).when(release('school-7')).then([]);
    });
  });

  describe('a code claimed by an institution whose claim counts', () => {
    it('is refused to another institution', () => {
      spec.given([claimedBy('school-7')]).when(claim('school-5', true)).thenThrows(RuleViolated, (e) => expect(e).toMatchObject({ code: 'external-code-taken', message: 'external code UA-7 already belongs to institution school-7 in this department' }));
    });
    it('needs no new claim by its holder', () => {
      spec.given([claimedBy('school-7')]).when(claim('school-7', true)).then([]);
    });
    it('is released by its holder only', () => {
      spec.given([claimedBy('school-7')]).when(release('school-7')).then([releasedBy('school-7')]);
      spec.given([claimedBy('school-7')]).when(release('school-5')).then([]);
    });
  });

  describe('a code whose claim no longer counts (its institution does not carry the code)', () => {
    it('is claimed again, even by the institution the dangling claim names', () => {
      spec.given([claimedBy('crashed')]).when(claim('school-9', false)).then([claimedBy('school-9')]);
      spec.given([claimedBy('crashed')]).when(claim('crashed', false)).then([claimedBy('crashed')]);
    });
  });

  describe('a released code', () => {
    it('is free: claimed by whoever asks, released by nobody', () => {
      spec.given([claimedBy('school-7'), releasedBy('school-7')]).when(claim('school-5', true)).then([claimedBy('school-5')]);
      spec.given([claimedBy('school-7'), releasedBy('school-7')]).when(release('school-7')).then([]);
    });
  });
});
