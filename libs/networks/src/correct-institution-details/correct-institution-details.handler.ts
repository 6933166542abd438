import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CodeClaims, ExternalCodeRegistry, decideCodeChange } from '../institution/external-code-registry';
import { DETAIL_FIELDS, InstitutionDetails } from '../institution/institution.decider';
import { InstitutionHandler } from '../institution/institution.handler';
import { CorrectInstitutionDetailsCommand } from './correct-institution-details.command';

/**
 * The claims are read on every attempt: the new code is claimed and the old one released in
 * the same append as the correction, so the claim streams never disagree with the institutions.
 */
@CommandHandler(CorrectInstitutionDetailsCommand)
export class CorrectInstitutionDetailsHandler extends InstitutionHandler<CorrectInstitutionDetailsCommand> {
  constructor(@Inject(EVENT_STORE) store: EventStore, private readonly codes: ExternalCodeRegistry) {
    super(store);
  }

  execute({ id: institutionId, body, context }: CorrectInstitutionDetailsCommand) {
    const corrections: Partial<InstitutionDetails> = {};
    for (const field of DETAIL_FIELDS) {
      const value = body[field];
      if (value !== undefined) (corrections as Record<string, unknown>)[field] = typeof value === 'string' ? value.trim() : value;
    }
    /** The code the correction gives the institution, when it changes it. */
    const next = corrections.externalCode;
    return this.change<CodeClaims | undefined>(
      institutionId,
      { ...context, reason: body.reason.trim() },
      (_state, claims) => ({
        type: 'CorrectInstitutionDetails',
        data: { institutionId, corrections, reason: body.reason, externalCodeHeldBy: claims?.next?.holder ?? null },
      }),
      {
        readOthers: async (state) => (next !== undefined && next !== state.externalCode ? this.codes.readFor(state.externalCode, next, context.department) : undefined),
        companions: (events, state, claims) =>
          state.status !== 'unregistered' && events.some((e) => e.type === 'InstitutionDetailsCorrected' && 'externalCode' in e.data.corrections)
            ? decideCodeChange(claims, { institutionId, previous: state.externalCode, next: next ?? null }, context)
            : undefined,
      },
    );
  }
}
