import { CommandContext } from '@app/kernel';
import { CloseInstitutionDto } from './close-institution.dto';

export class CloseInstitutionCommand {
  constructor(
    readonly institutionId: string,
    readonly change: CloseInstitutionDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
