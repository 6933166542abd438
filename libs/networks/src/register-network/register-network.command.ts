import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';
import type { NetworkKind } from '../network-map/network-map.decider';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RegisterNetworkInput {
  name: string;
  kind: NetworkKind;
  number?: string;
  description?: string;
  website?: string;
}

export class RegisterNetworkCommand extends Command<WriteResult> {
  constructor(readonly body: RegisterNetworkInput, readonly context: CommandContext) {
    super();
  }
}
