import { ResourceCommand } from '@app/platform/commands';
import type { EventDetailsInput, HeldInput, PersonInput } from '../event-writer/event-input';

/** Only the fields given change; `people`, when given, is the whole new list. */
export interface CorrectHeldEventInput extends Partial<EventDetailsInput>, Partial<HeldInput> {
  people?: PersonInput[];
  reason: string;
}

export class CorrectHeldEventCommand extends ResourceCommand<CorrectHeldEventInput> {}
