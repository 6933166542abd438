import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { changeInstitution } from '../institution/change-institution';
import { ReopenInstitutionCommand } from './reopen-institution.command';

@CommandHandler(ReopenInstitutionCommand)
export class ReopenInstitutionHandler implements ICommandHandler<ReopenInstitutionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ institutionId, change, context }: ReopenInstitutionCommand): Promise<WriteResult> {
    return changeInstitution(this.store, institutionId, context, () => ({
      type: 'ReopenInstitution',
      data: { institutionId, reopenedOn: change.reopenedOn, reason: change.reason ?? null },
    }));
  }
}
