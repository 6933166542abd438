import { ResourceCommand } from '@app/platform/commands';
import type { EventDetailsInput, PersonInput, WhenInput } from '../event-writer/event-input';

/** Only the fields given change; `people`, when given, is the whole new list. */
export interface CorrectEventDetailsInput extends Partial<EventDetailsInput> {
  when?: WhenInput;
  people?: PersonInput[];
  reason?: string;
}

export class CorrectEventDetailsCommand extends ResourceCommand<CorrectEventDetailsInput> {}
