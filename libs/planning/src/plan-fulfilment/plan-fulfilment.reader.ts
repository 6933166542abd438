import { AcademicYearStart, IsoDate } from '@app/kernel';
import type { ReadModelReader } from '@app/read-store';
import { Fulfilment, fulfilmentOf } from './plan-fulfilment';
import { FulfilmentEventDoc, FulfilmentPlanDoc, fulfilmentPlanId, fulfilmentWord, planFulfilmentProjection } from './plan-fulfilment.projection';

/** A plan's fulfilment document, or null for an unknown plan or another department's. */
export const fulfilmentPlanDoc = async (read: ReadModelReader, department: string, planId: string): Promise<FulfilmentPlanDoc | null> => {
  const doc = await read.get<FulfilmentPlanDoc>(planFulfilmentProjection, fulfilmentPlanId(planId));
  return doc && doc.kind === 'plan' && doc.department === department ? doc : null;
};

/**
 * The events a plan's fulfilment reads, each found by its words: those that ever realised one
 * of its items, and those of its network (for the ones no item foresaw). A plan holds tens of
 * items; each is one lookup in the words index.
 */
export const fulfilmentOfPlan = async (read: ReadModelReader, plan: FulfilmentPlanDoc, asOf: IsoDate | null, today: IsoDate, yearStart: AcademicYearStart): Promise<Fulfilment> => {
  const words = [fulfilmentWord('n', plan.networkId), ...new Set(plan.items.map((i) => fulfilmentWord('i', i.planItemId)))];
  const found = await Promise.all(words.map((word) => read.find<FulfilmentEventDoc>(planFulfilmentProjection, { where: { refs: { words: word }, kind: 'event', department: plan.department } })));
  const byId = new Map(found.flat().map((d) => [d.id, d]));
  return fulfilmentOf(plan, [...byId.values()], asOf, today, yearStart);
};
