import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface CorrectNetworkDetailsInput {
  name?: string;
  number?: string | null;
  description?: string | null;
  website?: string | null;
  reason: string;
}

export class CorrectNetworkDetailsCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: CorrectNetworkDetailsInput, readonly context: CommandContext) {
    super();
  }
}
