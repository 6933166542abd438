import { ResourceCommand } from '@app/platform/commands';
import type { HeldInput } from '../event-writer/event-input';

export type RecordEventHeldInput = HeldInput;

export class RecordEventHeldCommand extends ResourceCommand<RecordEventHeldInput> {}
