import { CommandContext } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RecordMemberLeavingInput {
  on: string;
  reason: string;
}

export class RecordMemberLeavingCommand {
  constructor(
    readonly networkId: string,
    readonly institutionId: string,
    readonly body: RecordMemberLeavingInput,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
