import { CommandContext } from '@app/kernel';
import { RegisterInstitutionDto } from './register-institution.dto';

export class RegisterInstitutionCommand {
  constructor(
    readonly details: RegisterInstitutionDto,
    readonly context: CommandContext,
  ) {}
}
