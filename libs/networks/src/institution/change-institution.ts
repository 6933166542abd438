import { CommandContext, NotFound, WriteResult } from '@app/kernel';
import { DecideAndAppendOptions, EventStore, decideAndAppend } from '@app/event-store';
import { InstitutionCommand, InstitutionEvent, InstitutionState, institutionDecider, institutionStream } from './institution.decider';

/** The effective date of each kind of change, recorded as `effectiveAt`. */
const effectiveAtOf = (event: InstitutionEvent): { effectiveAt?: string; reason?: string } => {
  switch (event.type) {
    case 'InstitutionRenamed':
      return { effectiveAt: event.data.renamedOn };
    case 'InstitutionClosed':
      return { effectiveAt: event.data.closedOn, reason: event.data.reason };
    case 'InstitutionReopened':
      return { effectiveAt: event.data.reopenedOn, reason: event.data.reason ?? undefined };
    case 'InstitutionDetailsCorrected':
      return { reason: event.data.reason };
    default:
      return {};
  }
};

/**
 * Runs a command on an existing institution of the caller's department; any other
 * institution reads as unknown (404), so departments never see each other's ids.
 */
export const changeInstitution = async (
  store: EventStore,
  institutionId: string,
  context: CommandContext,
  ifMatch: number | undefined,
  command: (state: Exclude<InstitutionState, { status: 'unregistered' }>) => InstitutionCommand | Promise<InstitutionCommand>,
  /** Appends to other streams made with the decided events (the claims of external codes). */
  companions?: DecideAndAppendOptions<InstitutionState, InstitutionCommand, InstitutionEvent>['companions'],
): Promise<WriteResult> => {
  const result = await decideAndAppend({
    store,
    decider: institutionDecider,
    streamId: institutionStream(institutionId),
    aggregateId: institutionId,
    context,
    ifMatch,
    describe: effectiveAtOf,
    companions,
    // Before If-Match: another department's institution must not reveal its revision.
    admit: (state) => {
      if (state.status === 'unregistered' || state.department !== context.department) throw new NotFound('institution', institutionId);
    },
    command: (state) => {
      if (state.status === 'unregistered' || state.department !== context.department) throw new NotFound('institution', institutionId);
      return command(state);
    },
  });
  return { id: result.id, revision: result.revision, position: result.position };
};
