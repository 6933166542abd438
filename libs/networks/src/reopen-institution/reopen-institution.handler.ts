import { CommandHandler } from '@nestjs/cqrs';
import { InstitutionHandler } from '../institution/institution.handler';
import { ReopenInstitutionCommand } from './reopen-institution.command';

@CommandHandler(ReopenInstitutionCommand)
export class ReopenInstitutionHandler extends InstitutionHandler<ReopenInstitutionCommand> {
  execute({ id, body, context }: ReopenInstitutionCommand) {
    return this.change(id, context, () => ({ type: 'ReopenInstitution', data: { institutionId: id, reopenedOn: body.reopenedOn, reason: body.reason ?? null } }));
  }
}
