import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface SetAnchorInput {
  institutionId: string;
  from: string;
}

export class SetAnchorCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: SetAnchorInput, readonly context: CommandContext) {
    super();
  }
}
