import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface AppointHeadInput {
  fullName: string;
  position: string;
  appointedOn: string;
}

export class AppointHeadCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: AppointHeadInput, readonly context: CommandContext) {
    super();
  }
}
