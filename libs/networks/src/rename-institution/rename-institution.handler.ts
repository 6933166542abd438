import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { changeInstitution } from '../institution/change-institution';
import { RenameInstitutionCommand } from './rename-institution.command';

@CommandHandler(RenameInstitutionCommand)
export class RenameInstitutionHandler implements ICommandHandler<RenameInstitutionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ institutionId, change, context }: RenameInstitutionCommand): Promise<WriteResult> {
    return changeInstitution(this.store, institutionId, context, () => ({
      type: 'RenameInstitution',
      data: { institutionId, fullName: change.fullName.trim(), shortName: change.shortName.trim(), renamedOn: change.renamedOn },
    }));
  }
}
