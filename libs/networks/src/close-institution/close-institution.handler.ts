import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { changeInstitution } from '../institution/change-institution';
import { CloseInstitutionCommand } from './close-institution.command';

@CommandHandler(CloseInstitutionCommand)
export class CloseInstitutionHandler implements ICommandHandler<CloseInstitutionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ institutionId, change, context }: CloseInstitutionCommand): Promise<WriteResult> {
    return changeInstitution(this.store, institutionId, context, () => ({
      type: 'CloseInstitution',
      data: { institutionId, closedOn: change.closedOn, reason: change.reason },
    }));
  }
}
