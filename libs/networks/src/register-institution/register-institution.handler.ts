import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult, deterministicId, newId } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { CodeChange, ExternalCodeRegistry } from '../institution/external-code-registry';
import { institutionDecider, institutionStream } from '../institution/institution.decider';
import { RegisterInstitutionCommand } from './register-institution.command';

@CommandHandler(RegisterInstitutionCommand)
export class RegisterInstitutionHandler implements ICommandHandler<RegisterInstitutionCommand, WriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codes: ExternalCodeRegistry,
  ) {}

  async execute({ details, context }: RegisterInstitutionCommand): Promise<WriteResult> {
    // A retried request with the same idempotency key must land on the same institution.
    const institutionId = context.idempotencyKey ? deterministicId(context.department, 'institution', context.idempotencyKey) : newId();
    const externalCode = details.externalCode?.trim() || null;
    // The claim read for this attempt; its append goes with the registration, all or nothing.
    let code: CodeChange | undefined;
    const result = await decideAndAppend({
      store: this.store,
      decider: institutionDecider,
      streamId: institutionStream(institutionId),
      aggregateId: institutionId,
      context,
      command: async (state) => {
        code = externalCode && state.status === 'unregistered' ? await this.codes.change(institutionId, null, externalCode, context) : undefined;
        return {
          type: 'RegisterInstitution' as const,
          data: {
            institutionId,
            department: context.department,
            fullName: details.fullName.trim(),
            shortName: details.shortName.trim(),
            kind: details.kind,
            settlement: details.settlement.trim(),
            externalCode,
            website: details.website ?? null,
            externalCodeHeldBy: code?.holder ?? null,
          },
        };
      },
      companions: () => code,
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
