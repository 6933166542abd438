import { ResourceCommand } from '@app/platform/commands';
import type { InstitutionKind } from '../institution/institution.decider';

export interface CorrectInstitutionDetailsInput {
  fullName?: string;
  shortName?: string;
  kind?: InstitutionKind;
  settlement?: string;
  externalCode?: string | null;
  website?: string | null;
  reason: string;
}

export class CorrectInstitutionDetailsCommand extends ResourceCommand<CorrectInstitutionDetailsInput> {}
