import { DepartmentCommand } from '@app/platform/commands';
import type { EventRole } from '../event/event-vocabulary';
import type { EventDetailsInput, WhenInput } from '../event-writer/event-input';

export interface PlanEventInput extends EventDetailsInput {
  when: WhenInput;
  people?: { fullName: string; role: EventRole }[];
  planItemIds?: string[];
}

export class PlanEventCommand extends DepartmentCommand<PlanEventInput> {}
