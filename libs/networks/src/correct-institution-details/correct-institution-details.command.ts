import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult } from '@app/kernel';
import type { InstitutionKind } from '../institution/institution.decider';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface CorrectInstitutionDetailsInput {
  fullName?: string;
  shortName?: string;
  kind?: InstitutionKind;
  settlement?: string;
  externalCode?: string | null;
  website?: string | null;
  reason: string;
}

export class CorrectInstitutionDetailsCommand extends Command<WriteResult> {
  constructor(readonly institutionId: string, readonly change: CorrectInstitutionDetailsInput, readonly context: CommandContext) {
    super();
  }
}
