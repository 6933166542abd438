import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { changeInstitution } from '../institution/change-institution';
import { CodeChange, ExternalCodeRegistry } from '../institution/external-code-registry';
import { DETAIL_FIELDS, InstitutionDetails } from '../institution/institution.decider';
import { CorrectInstitutionDetailsCommand } from './correct-institution-details.command';

@CommandHandler(CorrectInstitutionDetailsCommand)
export class CorrectInstitutionDetailsHandler implements ICommandHandler<CorrectInstitutionDetailsCommand, WriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codes: ExternalCodeRegistry,
  ) {}

  execute({ institutionId, change, context, ifMatch }: CorrectInstitutionDetailsCommand): Promise<WriteResult> {
    const corrections: Partial<InstitutionDetails> = {};
    for (const field of DETAIL_FIELDS) {
      const value = change[field];
      if (value !== undefined) (corrections as Record<string, unknown>)[field] = typeof value === 'string' ? value.trim() : value;
    }
    // The claims read for this attempt: the new code is claimed and the old one released in the
    // same append as the correction, so the claim streams never disagree with the institutions.
    let code: CodeChange | undefined;
    return changeInstitution(
      this.store,
      institutionId,
      { ...context, reason: change.reason.trim() },
      ifMatch,
      async (state) => {
        const next = corrections.externalCode;
        code = next !== undefined && next !== state.externalCode ? await this.codes.change(institutionId, state.externalCode, next, context) : undefined;
        return { type: 'CorrectInstitutionDetails', data: { institutionId, corrections, reason: change.reason, externalCodeHeldBy: code?.holder ?? null } };
      },
      (events) => (events.some((e) => e.type === 'InstitutionDetailsCorrected' && 'externalCode' in e.data.corrections) ? code : undefined),
    );
  }
}
