import { CommandContext, NotFound, WriteResult, metadataExtrasOf } from '@app/kernel';
import { DecideAndAppendOptions, EventStore, decideAndAppend } from '@app/event-store';
import { InstitutionCommand, InstitutionEvent, InstitutionState, institutionDecider, institutionStream } from './institution.decider';
import { institutionEvents } from './institution.events';

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
    // The effective date of each kind of change, recorded as `effectiveAt`, and its reason.
    describe: (event) => metadataExtrasOf(institutionEvents, event),
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
