import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetAcademicYearStartQuery, ListNetworksQuery, Network } from '@app/networks';
import { ReadModels } from '@app/platform';
import { academicYearOf, academicYearPeriod, daySpanOfReportingPeriod, reportingPeriodLabel } from '@app/kernel';
import { planIdOf } from '../plan/plan.events';
import { PLAN_STATUSES } from '../plan/plan-vocabulary';
import { fulfilmentOfPlan, fulfilmentPlanDoc } from '../plan-fulfilment/plan-fulfilment.reader';
import { reportingPeriodOfFilter } from '../plan-view/plan-queries';
import { PlanView, planViewProjection } from '../plan-view/plan-view.projection';
import { GetPlanOverviewQuery, NetworkPlanRow, PlanOverview } from './plan-overview.query';

/*
 * The period asked (the academic year running today by default). Every network of the department (from the networks module's list, a page of 500 at a time)
 * that was not dissolved before the period began, or that has a plan for it, with its plan's
 * status, items planned / held / cancelled (the fulfilment as recorded now) and the assessment.
 */
@QueryHandler(GetPlanOverviewQuery)
export class GetPlanOverviewHandler implements IQueryHandler<GetPlanOverviewQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetPlanOverviewQuery): Promise<PlanOverview> {
    const { department, filter, today } = query;
    const start = await this.queries.execute(new GetAcademicYearStartQuery(department));
    // None given: the academic year running today.
    const period = reportingPeriodOfFilter(filter, false) ?? academicYearPeriod(academicYearOf(today, start).label);
    const span = daySpanOfReportingPeriod(period, start);
    const networks: Network[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.queries.execute(new ListNetworksQuery(department, { offset, limit: 500, consistentWith: filter.consistentWith }));
      networks.push(...page.items);
      if (page.items.length < 500) break;
    }
    const read = await this.readModels.for(query, filter.consistentWith);
    const rows: NetworkPlanRow[] = [];
    for (const network of [...networks].sort((a, b) => a.name.localeCompare(b.name, 'uk') || a.id.localeCompare(b.id))) {
      const planId = planIdOf(department, network.id, period);
      const plan = await read.get<PlanView>(planViewProjection, planId);
      const own = plan && plan.department === department ? plan : null;
      if (!own && network.dissolvedOn !== null && network.dissolvedOn <= span.first) continue;
      const fulfilmentDoc = own ? await fulfilmentPlanDoc(read, department, planId) : null;
      const fulfilment = fulfilmentDoc ? await fulfilmentOfPlan(read, fulfilmentDoc, null, today, start) : null;
      const t = fulfilment?.totals;
      rows.push({
        networkId: network.id,
        name: network.name,
        dissolvedOn: network.dissolvedOn,
        planId: own ? planId : null,
        status: own?.status ?? 'none',
        revision: own?.revision ?? 0,
        items: { planned: t?.items ?? 0, held: t?.held ?? 0, cancelled: t?.cancelled ?? 0, carriedOver: t?.carriedOver ?? 0, notHeld: t?.notHeld ?? 0, shareHeld: t?.shareHeld ?? 0 },
        assessment: own?.closing?.assessment ?? null,
      });
    }
    const byStatus = Object.fromEntries([...PLAN_STATUSES, 'none'].map((s) => [s, rows.filter((r) => r.status === s).length])) as PlanOverview['totals']['byStatus'];
    const sum = (f: 'planned' | 'held' | 'cancelled') => rows.reduce((n, r) => n + r.items[f], 0);
    return {
      period,
      periodLabel: reportingPeriodLabel(period),
      networks: rows,
      totals: { networks: rows.length, withPlan: rows.filter((r) => r.planId).length, byStatus, planned: sum('planned'), held: sum('held'), cancelled: sum('cancelled') },
    };
  }
}
