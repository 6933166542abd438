import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { GetAcademicYearStartQuery } from '@app/networks';
import { ReadModels } from '@app/platform';
import { GetPlanFulfilmentQuery, PlanFulfilment } from './plan-fulfilment.query';
import { fulfilmentOfPlan, fulfilmentPlanDoc } from './plan-fulfilment.reader';

@QueryHandler(GetPlanFulfilmentQuery)
export class GetPlanFulfilmentHandler implements IQueryHandler<GetPlanFulfilmentQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetPlanFulfilmentQuery): Promise<PlanFulfilment> {
    const { department, planId, filter, today } = query;
    const read = await this.readModels.for(query, filter.consistentWith);
    const plan = await fulfilmentPlanDoc(read, department, planId);
    if (!plan) throw new NotFound('plan', planId);
    const start = await this.queries.execute(new GetAcademicYearStartQuery(department));
    const asOf = filter.asOf ?? null;
    return { planId, networkId: plan.networkId, period: plan.period, asOf, ...(await fulfilmentOfPlan(read, plan, asOf, today, start)) };
  }
}
