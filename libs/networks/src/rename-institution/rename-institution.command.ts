import { ResourceCommand } from '@app/platform/commands';

export interface RenameInstitutionInput { fullName: string; shortName: string; renamedOn: string }

export class RenameInstitutionCommand extends ResourceCommand<RenameInstitutionInput> {}
