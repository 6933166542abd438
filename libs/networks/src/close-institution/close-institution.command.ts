import { ResourceCommand } from '@app/platform/commands';

export interface CloseInstitutionInput { closedOn: string; reason: string }

export class CloseInstitutionCommand extends ResourceCommand<CloseInstitutionInput> {}
