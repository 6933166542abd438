import { ResourceCommand } from '@app/platform/commands';
import type { WhenInput } from '../event-writer/event-input';

export interface PostponeEventInput { when: WhenInput; reason: string }

export class PostponeEventCommand extends ResourceCommand<PostponeEventInput> {}
