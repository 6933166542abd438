import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';
import type { MemberRole } from '../network-map/network-map.decider';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface AdmitMemberInput {
  institutionId: string;
  role: MemberRole;
  from: string;
}

export class AdmitMemberCommand extends Command<WriteResult> {
  constructor(readonly networkId: string, readonly body: AdmitMemberInput, readonly context: CommandContext) {
    super();
  }
}
