import { ResourceCommand } from '@app/platform/commands';

export interface AppointHeadInput { fullName: string; position: string; appointedOn: string }

export class AppointHeadCommand extends ResourceCommand<AppointHeadInput> {}
