import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RenameInstitutionInput {
  fullName: string;
  shortName: string;
  renamedOn: string;
}

export class RenameInstitutionCommand extends Command<WriteResult> {
  constructor(readonly institutionId: string, readonly change: RenameInstitutionInput, readonly context: CommandContext) {
    super();
  }
}
