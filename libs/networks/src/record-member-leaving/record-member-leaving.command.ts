import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RecordMemberLeavingInput {
  on: string;
  reason: string;
}

export class RecordMemberLeavingCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly institutionId: string, readonly body: RecordMemberLeavingInput, readonly context: CommandContext) {
    super();
  }
}
