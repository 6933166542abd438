import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface MergeNetworksInput {
  intoNetworkId: string;
  on: string;
  reason: string;
}

export class MergeNetworksCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: MergeNetworksInput, readonly context: CommandContext) {
    super();
  }
}
