import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface ReopenInstitutionInput {
  reopenedOn: string;
  reason?: string;
}

export class ReopenInstitutionCommand extends Command<WriteResult> {
  constructor(readonly institutionId: string, readonly change: ReopenInstitutionInput, readonly context: CommandContext) {
    super();
  }
}
