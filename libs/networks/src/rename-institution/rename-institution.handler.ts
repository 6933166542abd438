import { CommandHandler } from '@nestjs/cqrs';
import { InstitutionHandler } from '../institution/institution.handler';
import { RenameInstitutionCommand } from './rename-institution.command';

@CommandHandler(RenameInstitutionCommand)
export class RenameInstitutionHandler extends InstitutionHandler<RenameInstitutionCommand> {
  execute({ id, body, context }: RenameInstitutionCommand) {
    return this.change(id, context, () => ({
      type: 'RenameInstitution',
      data: { institutionId: id, fullName: body.fullName.trim(), shortName: body.shortName.trim(), renamedOn: body.renamedOn },
    }));
  }
}
