import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { changeInstitution } from '../institution/change-institution';
import { CodeClaims, ExternalCodeRegistry, decideCodeChange } from '../institution/external-code-registry';
import { DETAIL_FIELDS, InstitutionDetails } from '../institution/institution.decider';
import { CorrectInstitutionDetailsCommand } from './correct-institution-details.command';

@CommandHandler(CorrectInstitutionDetailsCommand)
export class CorrectInstitutionDetailsHandler implements ICommandHandler<CorrectInstitutionDetailsCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codes: ExternalCodeRegistry,
  ) {}

  execute({ institutionId, change, context }: CorrectInstitutionDetailsCommand): Promise<WriteResult> {
    const corrections: Partial<InstitutionDetails> = {};
    for (const field of DETAIL_FIELDS) {
      const value = change[field];
      if (value !== undefined) (corrections as Record<string, unknown>)[field] = typeof value === 'string' ? value.trim() : value;
    }
    const next = corrections.externalCode;
    /** The code the correction gives the institution, when it changes it. */
    const changesCode = (current: string | null): boolean => next !== undefined && next !== current;
    // The claims are read on every attempt: the new code is claimed and the old one released in
    // the same append as the correction, so the claim streams never disagree with the institutions.
    return changeInstitution<CodeClaims | undefined>(
      this.store,
      institutionId,
      { ...context, reason: change.reason.trim() },
      (_state, claims) => ({
        type: 'CorrectInstitutionDetails',
        data: { institutionId, corrections, reason: change.reason, externalCodeHeldBy: claims?.next?.holder ?? null },
      }),
      {
        readOthers: async (state) => (changesCode(state.externalCode) ? this.codes.readFor(state.externalCode, next ?? null, context.department) : undefined),
        companions: (events, state, claims) =>
          state.status !== 'unregistered' && events.some((e) => e.type === 'InstitutionDetailsCorrected' && 'externalCode' in e.data.corrections)
            ? decideCodeChange(claims, { institutionId, previous: state.externalCode, next: next ?? null }, context)
            : undefined,
      },
    );
  }
}
