import { Inject, Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { CommandContext, NotFound, WriteResult, metadataExtrasOf } from '@app/kernel';
import { DecideAndAppendOptions, EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { InstitutionCommand, InstitutionEvent, InstitutionState, institutionDecider, institutionStream } from './institution.decider';
import { institutionEvents } from './institution.events';

type Registered = Exclude<InstitutionState, { status: 'unregistered' }>;

/**
 * The handler of a command on an institution. A subclass declares no constructor, unless it
 * needs more than the event store, and runs its command with `change`.
 */
@Injectable()
export abstract class InstitutionHandler<C extends Command<WriteResult>> {
  constructor(@Inject(EVENT_STORE) protected readonly store: EventStore) {}

  abstract execute(command: C): Promise<WriteResult>;

  /**
   * Runs a command on an existing institution of the caller's department; any other
   * institution reads as unknown (404), so departments never see each other's ids.
   */
  protected async change<R = undefined>(
    institutionId: string,
    /** With the caller's If-Match, compared with the institution's revision. */
    context: CommandContext,
    /** Builds the command, purely: it runs again on every attempt. */
    command: (state: Registered, others: R) => InstitutionCommand,
    spanning?: {
      /** Other streams the command rests on, read on every attempt (the claims of external codes). */
      readOthers: (state: Registered) => Promise<R>;
      /** Appends to those streams made with the decided events. */
      companions: DecideAndAppendOptions<InstitutionState, InstitutionCommand, InstitutionEvent, undefined, R>['companions'];
    },
  ): Promise<WriteResult> {
    const registered = (state: InstitutionState): Registered => {
      if (state.status === 'unregistered' || state.department !== context.department) throw new NotFound('institution', institutionId);
      return state;
    };
    const result = await decideAndAppend<InstitutionState, InstitutionCommand, InstitutionEvent, undefined, R>({
      store: this.store,
      decider: institutionDecider,
      streamId: institutionStream(institutionId),
      aggregateId: institutionId,
      context,
      ifMatch: context.ifMatch,
      // The effective date of each kind of change, recorded as `effectiveAt`, and its reason.
      describe: (event) => metadataExtrasOf(institutionEvents, event),
      // Before If-Match: another department's institution must not reveal its revision.
      admit: registered,
      ...(spanning ? { readOthers: (state: InstitutionState) => spanning.readOthers(registered(state)), companions: spanning.companions } : {}),
      command: (state, _prepared, others) => command(registered(state), others),
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
