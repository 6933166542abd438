import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface SplitNetworkInput {
  institutionIds: string[];
  on: string;
  reason: string;
  name: string;
  number?: string;
  description?: string;
  website?: string;
}

export class SplitNetworkCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: SplitNetworkInput, readonly context: CommandContext) {
    super();
  }
}
