import type { IsoDate } from '@app/kernel';
import { ResourceCommand } from '@app/platform/commands';
import type { ClosingInput } from '../plan-writer/plan-input';

export interface ClosePlanInput extends ClosingInput {
  closedOn: IsoDate;
}

export class ClosePlanCommand extends ResourceCommand<ClosePlanInput> {}
