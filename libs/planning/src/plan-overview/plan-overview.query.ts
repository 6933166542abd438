import { Query } from '@nestjs/cqrs';
import type { IsoDate, ReportingPeriod } from '@app/kernel';
import type { Assessment } from '../plan/plan.events';
import type { PlanStatus } from '../plan/plan-vocabulary';
import { planFulfilmentProjection } from '../plan-fulfilment/plan-fulfilment.projection';
import { PlanPeriodQueryDto } from '../plan-view/plan-queries';
import { planViewProjection } from '../plan-view/plan-view.projection';

/** One network's row of the overview. */
export interface NetworkPlanRow {
  networkId: string;
  name: string;
  dissolvedOn: IsoDate | null;
  /** The network's plan for the period, null when it has none. */
  planId: string | null;
  status: PlanStatus | 'none';
  revision: number;
  items: { planned: number; held: number; cancelled: number; carriedOver: number; notHeld: number; shareHeld: number };
  /** The closing's assessment, once closed. */
  assessment: Assessment | null;
}

export interface PlanOverview {
  period: ReportingPeriod;
  periodLabel: string;
  networks: NetworkPlanRow[];
  /** The rows added up. */
  totals: { networks: number; withPlan: number; byStatus: Record<PlanStatus | 'none', number>; planned: number; held: number; cancelled: number };
}

/** The department's plans for a period (the academic year running today by default), one row per network (active, or with a plan for it). */
export class GetPlanOverviewQuery extends Query<PlanOverview> {
  static readonly reads = [planViewProjection, planFulfilmentProjection];
  constructor(
    readonly department: string,
    readonly filter: PlanPeriodQueryDto,
    readonly today: IsoDate,
  ) {
    super();
  }
}
