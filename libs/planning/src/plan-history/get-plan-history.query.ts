import { Query } from '@nestjs/cqrs';
import { PlanHistoryEntry, planHistoryProjection } from './plan-history.projection';

/** A plan's history, oldest first. */
export interface PlanHistory {
  planId: string;
  networkId: string;
  entries: PlanHistoryEntry[];
}

/** Every change of one plan, oldest first: who, when, why, from what to what; 404 for an unknown plan or another department's. */
export class GetPlanHistoryQuery extends Query<PlanHistory> {
  static readonly reads = [planHistoryProjection];
  constructor(
    readonly department: string,
    readonly planId: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}
