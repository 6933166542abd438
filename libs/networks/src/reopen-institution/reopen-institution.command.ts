import { CommandContext } from '@app/kernel';
import { ReopenInstitutionDto } from './reopen-institution.dto';

export class ReopenInstitutionCommand {
  constructor(
    readonly institutionId: string,
    readonly change: ReopenInstitutionDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
