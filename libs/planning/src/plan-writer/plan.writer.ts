import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, NotFound, WriteResult, metadataExtrasOf } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { PlanCommand, PlanRecord, PlanState, planDecider } from '../plan/plan.decider';
import { planEvents, planStream } from '../plan/plan.events';
import { assertMayPlanFor } from './plan-access';

/** A write on a plan the path names: If-Match on its revision, and the problems it may answer. */
export const PLAN_WRITE = { ifMatch: 'The plan revision you last read (ETag); a newer one answers 412', problems: [400, 401, 403, 404, 409, 412, 422] };

/**
 * Runs the commands on plans through the common write path (`decideAndAppend`): the plan's own
 * stream, read and folded on every attempt; another department's plan reads as unknown (404)
 * before If-Match; a network head is held to its networks (403) before anything is written;
 * `prepare` (the facts, the vault's names) once; the decision, pure, on every attempt.
 */
@Injectable()
export class PlanWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Drafts a plan: its id is derived from department, network and period, so a second draft of
   * the same plan lands on its stream and the decider refuses it (`plan-already-drafted`). A
   * network head for its own networks only, checked before anything is written.
   */
  async draft<P>(context: CommandContext, planId: string, networkId: string, decide: { prepare: () => Promise<P>; command: (prepared: P) => PlanCommand }): Promise<WriteResult> {
    assertMayPlanFor(context, networkId);
    return this.decide(context, planId, { prepare: () => decide.prepare(), command: (_state, prepared: P) => decide.command(prepared) });
  }

  /** Decides a command on a plan of the caller's department. */
  async change<P = undefined>(
    context: CommandContext,
    planId: string,
    decide: { prepare?: (plan: PlanRecord) => Promise<P>; command: (plan: PlanRecord, prepared: P) => PlanCommand },
  ): Promise<WriteResult> {
    const existing = (state: PlanState): PlanRecord => {
      if (state.status === 'none' || state.department !== context.department) throw new NotFound('plan', planId);
      return state;
    };
    return this.decide(context, planId, {
      ifMatch: context.ifMatch,
      admit: (state) => assertMayPlanFor(context, existing(state).networkId),
      prepare: decide.prepare ? (state) => decide.prepare!(existing(state)) : undefined,
      command: (state, prepared: P) => decide.command(existing(state), prepared),
    });
  }

  private async decide<P>(
    context: CommandContext,
    planId: string,
    options: { ifMatch?: number; admit?: (state: PlanState) => void; prepare?: (state: PlanState) => Promise<P>; command: (state: PlanState, prepared: P) => PlanCommand },
  ): Promise<WriteResult> {
    const result = await decideAndAppend({
      store: this.store,
      decider: planDecider,
      streamId: planStream(planId),
      aggregateId: planId,
      context,
      describe: (event) => metadataExtrasOf(planEvents, event),
      ...options,
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }
}
