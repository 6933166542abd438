import { EventContracts } from '@app/kernel';

/** Who claims or releases an external code of a department (the registry's code of an institution). */
export interface ExternalCodeClaimData {
  department: string;
  code: string;
  institutionId: string;
}

export type ExternalCodeClaimed = { type: 'ExternalCodeClaimed'; data: ExternalCodeClaimData };
export type ExternalCodeReleased = { type: 'ExternalCodeReleased'; data: ExternalCodeClaimData };

/** Every event of an external code's claim stream (see external-code-claim.ts). */
export type ExternalCodeClaimEvent = ExternalCodeClaimed | ExternalCodeReleased;

/** What the platform knows of each claim event. */
export const externalCodeEvents: EventContracts<ExternalCodeClaimEvent> = {
  ExternalCodeClaimed: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'institution', id: d.institutionId }],
    describe: (d) => ({ uk: `Зовнішній код ${d.code} закріплено за закладом`, ru: `Внешний код ${d.code} закреплён за учреждением`, en: `External code ${d.code} claimed` }),
  },
  ExternalCodeReleased: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'institution', id: d.institutionId }],
    describe: (d) => ({ uk: `Зовнішній код ${d.code} звільнено`, ru: `Внешний код ${d.code} освобождён`, en: `External code ${d.code} released` }),
  },
};
