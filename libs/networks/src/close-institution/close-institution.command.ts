import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface CloseInstitutionInput {
  closedOn: string;
  reason: string;
}

export class CloseInstitutionCommand extends Command<WriteResult> {
  constructor(readonly institutionId: string, readonly change: CloseInstitutionInput, readonly context: CommandContext) {
    super();
  }
}
