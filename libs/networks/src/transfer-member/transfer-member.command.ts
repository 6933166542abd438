import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';
import type { MemberRole } from '../network-map/network-map.decider';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface TransferMemberInput {
  toNetworkId: string;
  on: string;
  reason: string;
  role?: MemberRole;
}

export class TransferMemberCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly institutionId: string, readonly body: TransferMemberInput, readonly context: CommandContext) {
    super();
  }
}
