import { CommandHandler } from '@nestjs/cqrs';
import { InstitutionHandler } from '../institution/institution.handler';
import { CloseInstitutionCommand } from './close-institution.command';

@CommandHandler(CloseInstitutionCommand)
export class CloseInstitutionHandler extends InstitutionHandler<CloseInstitutionCommand> {
  execute({ id, body, context }: CloseInstitutionCommand) {
    return this.change(id, context, () => ({ type: 'CloseInstitution', data: { institutionId: id, closedOn: body.closedOn, reason: body.reason } }));
  }
}
