import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';
import type { InstitutionKind } from '../institution/institution.decider';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RegisterInstitutionInput {
  fullName: string;
  shortName: string;
  kind: InstitutionKind;
  settlement: string;
  externalCode?: string;
  website?: string;
}

export class RegisterInstitutionCommand extends Command<WriteResult> {
  constructor(readonly details: RegisterInstitutionInput, readonly context: CommandContext) {
    super();
  }
}
