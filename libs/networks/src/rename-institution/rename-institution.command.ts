import { CommandContext } from '@app/kernel';

/** What the caller asks for (the HTTP body is its DTO, validated against this shape). */
export interface RenameInstitutionInput {
  fullName: string;
  shortName: string;
  renamedOn: string;
}

export class RenameInstitutionCommand {
  constructor(
    readonly institutionId: string,
    readonly change: RenameInstitutionInput,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
