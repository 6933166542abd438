import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface DissolveNetworkInput {
  on: string;
  reason: string;
}

export class DissolveNetworkCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: DissolveNetworkInput, readonly context: CommandContext) {
    super();
  }
}
