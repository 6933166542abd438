import { ResourceCommand } from '@app/platform/commands';

export interface RecordMemberLeavingInput { on: string; reason: string }

/** On the network and the member the path names. */
export class RecordMemberLeavingCommand extends ResourceCommand<RecordMemberLeavingInput & { institutionId: string }> {}
