import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RenameNetworkInput {
  name: string;
  renamedOn: string;
}

export class RenameNetworkCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: RenameNetworkInput, readonly context: CommandContext) {
    super();
  }
}
