import { ResourceCommand } from '@app/platform/commands';

export interface ReopenInstitutionInput { reopenedOn: string; reason?: string }

export class ReopenInstitutionCommand extends ResourceCommand<ReopenInstitutionInput> {}
