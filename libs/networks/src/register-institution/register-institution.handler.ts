import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult, deterministicId, newId } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { CodeClaims, ExternalCodeRegistry, decideCodeChange } from '../institution/external-code-registry';
import { institutionDecider, institutionStream } from '../institution/institution.decider';
import { RegisterInstitutionCommand } from './register-institution.command';

/**
 * With an external code, the registration rests on the code's claim stream too: it is read on
 * every attempt, the claim is decided by the claim decider and appended with the registration
 * in one multi-stream append, so of concurrent claimants one wins and the others are decided
 * again on the new claim and refused.
 */
@CommandHandler(RegisterInstitutionCommand)
export class RegisterInstitutionHandler implements ICommandHandler<RegisterInstitutionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codes: ExternalCodeRegistry,
  ) {}

  async execute({ body, context }: RegisterInstitutionCommand): Promise<WriteResult> {
    // A retried request with the same idempotency key must land on the same institution.
    const institutionId = context.idempotencyKey ? deterministicId(context.department, 'institution', context.idempotencyKey) : newId();
    const externalCode = body.externalCode?.trim() || null;
    const result = await decideAndAppend({
      store: this.store,
      decider: institutionDecider,
      streamId: institutionStream(institutionId),
      aggregateId: institutionId,
      context,
      readOthers: async (state): Promise<CodeClaims | undefined> =>
        externalCode && state.status === 'unregistered' ? this.codes.readFor(null, externalCode, context.department) : undefined,
      command: (_state, _prepared, claims) => ({
        type: 'RegisterInstitution' as const,
        data: {
          institutionId,
          department: context.department,
          fullName: body.fullName.trim(),
          shortName: body.shortName.trim(),
          kind: body.kind,
          settlement: body.settlement.trim(),
          externalCode,
          website: body.website ?? null,
          externalCodeHeldBy: claims?.next?.holder ?? null,
        },
      }),
      companions: (_events, _state, claims) => (externalCode ? decideCodeChange(claims, { institutionId, previous: null, next: externalCode }, context) : undefined),
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
