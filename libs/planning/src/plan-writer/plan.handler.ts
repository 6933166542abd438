import { Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { CommandContext, WriteResult, deterministicId, newId } from '@app/kernel';
import type { PlanFacts, PlanRecord } from '../plan/plan.decider';
import { PlanFactsReader, PlanFactsWanted } from './plan-facts.reader';
import { planNames } from './plan-mapping';
import { PlanPeople } from './plan-people';
import { PlanWriter } from './plan.writer';

/**
 * The handler of a command on a plan: the writer (access, write path), the facts reader and the
 * vault's names. A subclass declares no constructor and has only `execute`.
 */
@Injectable()
export abstract class PlanHandler<C extends Command<WriteResult>> {
  constructor(
    protected readonly writer: PlanWriter,
    protected readonly facts: PlanFactsReader,
    protected readonly people: PlanPeople,
  ) {}

  abstract execute(command: C): Promise<WriteResult>;

  /** The facts of a decision on the plan: what it has and what the command names. */
  protected factsOf(context: CommandContext, plan: PlanRecord, names: Omit<PlanFactsWanted, 'networkId'> = {}): Promise<PlanFacts> {
    const known = planNames(plan);
    return this.facts.gather(context.department, {
      ...names,
      networkId: plan.networkId,
      institutionIds: [...known.institutionIds, ...(names.institutionIds ?? [])],
      seriesIds: [...known.seriesIds, ...(names.seriesIds ?? [])],
      eventIds: [...known.eventIds, ...(names.eventIds ?? [])],
    });
  }
}

/** The body as the decider reads it: plain data, without the fields a DTO left undefined. */
export const plain = <T>(body: T): T => JSON.parse(JSON.stringify(body ?? {})) as T;

/**
 * Ids for what a command adds (items, tasks, projects, agreements) when the request gives none:
 * derived from the Idempotency-Key, so a retry mints the same ones; new ones without a key.
 */
export const minter = (context: CommandContext, what: string) => {
  let n = 0;
  return (given?: string | null): string => {
    const index = n++;
    if (given) return given.toLowerCase();
    return context.idempotencyKey ? deterministicId(context.department, what, context.idempotencyKey, String(index)) : newId();
  };
};
