import { DepartmentCommand } from '@app/platform/commands';
import type { InstitutionKind } from '../institution/institution.decider';

export interface RegisterInstitutionInput {
  fullName: string;
  shortName: string;
  kind: InstitutionKind;
  settlement: string;
  externalCode?: string;
  website?: string;
}

export class RegisterInstitutionCommand extends DepartmentCommand<RegisterInstitutionInput> {}
