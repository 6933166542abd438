import { CommandContext } from '@app/kernel';
import { RenameInstitutionDto } from './rename-institution.dto';

export class RenameInstitutionCommand {
  constructor(
    readonly institutionId: string,
    readonly change: RenameInstitutionDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
