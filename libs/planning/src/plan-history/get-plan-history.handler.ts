import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { PlanHistoryView, planHistoryProjection } from './plan-history.projection';
import { GetPlanHistoryQuery, PlanHistory } from './get-plan-history.query';

@QueryHandler(GetPlanHistoryQuery)
export class GetPlanHistoryHandler implements IQueryHandler<GetPlanHistoryQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetPlanHistoryQuery): Promise<PlanHistory> {
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<PlanHistoryView>(planHistoryProjection, query.planId);
    if (!doc || doc.department !== query.department) throw new NotFound('plan', query.planId);
    return { planId: query.planId, networkId: doc.networkId, entries: doc.entries };
  }
}
