import { ResourceCommand } from '@app/platform/commands';

export interface RenameEventSeriesInput { name: string }

export class RenameEventSeriesCommand extends ResourceCommand<RenameEventSeriesInput> {}
