import { CommandContext } from '@app/kernel';
import { CorrectInstitutionDetailsDto } from './correct-institution-details.dto';

export class CorrectInstitutionDetailsCommand {
  constructor(
    readonly institutionId: string,
    readonly change: CorrectInstitutionDetailsDto,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {}
}
