import { Injectable } from '@nestjs/common';
import { Query, QueryBus } from '@nestjs/cqrs';
import { IsoDate, NotFound, ReportingPeriod, previousReportingPeriod } from '@app/kernel';
import { GetParticipationTotalsQuery, ParticipationTotals } from '@app/events';
import { GetNetworkPlanQuery, GetPlanFulfilmentQuery, GetPlanOverviewQuery, NetworkPlanRow, PLAN_STATUSES, PlanAnswer, PlanOverview } from '@app/planning';
import { recordedBy } from '../report/as-of';
import type { SummaryFacts } from './department-summary';

export interface SummaryRequest {
  department: string;
  period: ReportingPeriod;
  /** Everything up to this log position is in the summary (the read models wait for it). */
  position: number;
  /** The records as they stood by the end of this day: each plan's status, closing and fulfilment as planning reads them on it, the events whose holding was recorded by then. */
  asOf?: IsoDate | null;
  /** The report's date: also the "today" the plans are judged by (the `asOf` day when one is given). */
  reportDate: IsoDate;
}

const periodFilter = (period: ReportingPeriod, consistentWith: number) =>
  period.kind === 'academic-year' ? { academicYear: period.academicYear, consistentWith } : { year: period.year, consistentWith };

/**
 * Gathers a department summary's facts through the planning and events modules' queries, each
 * consistent with the request's position: the plans' overview of the period and of the one
 * before, and each network's participation totals in both.
 *
 * `asOf` (a day): the plans' overview answers as recorded now, so each of its rows with a plan
 * is read again as of that day through planning's own `asOf` (the plan's status and closing on
 * that day, `GetNetworkPlanQuery`; a plan not yet approved then is a draft if it was drafted by
 * then, else none; its fulfilment as recorded by then, `GetPlanFulfilmentQuery`), and the totals
 * added up again. The participation totals count the holdings recorded by the report's
 * position, and by the end of the day (`heldUpTo`). Which networks are rows is the overview's
 * (the networks as they are now).
 */
@Injectable()
export class DepartmentSummaryFactsReader {
  constructor(private readonly queries: QueryBus) {}

  async read(request: SummaryRequest): Promise<SummaryFacts> {
    const { department, period, position, reportDate } = request;
    const asOf = request.asOf ?? null;
    const previous = previousReportingPeriod(period);
    const overviewOf = async (of: ReportingPeriod): Promise<PlanOverview> => {
      const overview = await this.queries.execute(new GetPlanOverviewQuery(department, periodFilter(of, position), reportDate));
      return asOf ? this.overviewAsOf(department, of, overview, position, asOf) : overview;
    };
    const [overview, previousOverview] = await Promise.all([overviewOf(period), overviewOf(previous)]);
    const totalsIn = async (of: ReportingPeriod): Promise<Record<string, ParticipationTotals | undefined>> => {
      const entries = await Promise.all(
        overview.networks.map(async (row) => {
          try {
            // Only the holdings recorded by the report's position (and by the end of the asOf day): what the report says at its position stays so.
            const totals = await this.queries.execute(new GetParticipationTotalsQuery(department, row.networkId, periodFilter(of, position), reportDate, { position, recordedBy: asOf }));
            return [row.networkId, totals] as const;
          } catch (error) {
            if (error instanceof NotFound) return [row.networkId, undefined] as const;
            throw error;
          }
        }),
      );
      return Object.fromEntries(entries);
    };
    const [participation, previousParticipation] = await Promise.all([totalsIn(period), totalsIn(previous)]);
    return { department, period, previous, overview, previousOverview, participation, previousParticipation, position, reportDate };
  }

  /** The overview's rows as of the day: each plan's status, assessment and fulfilment as planning reads them on it; the totals added up again. */
  private async overviewAsOf(department: string, period: ReportingPeriod, overview: PlanOverview, position: number, asOf: IsoDate): Promise<PlanOverview> {
    const rows = await Promise.all(overview.networks.map((row) => this.rowAsOf(department, period, row, position, asOf)));
    const byStatus = Object.fromEntries([...PLAN_STATUSES, 'none'].map((s) => [s, rows.filter((r) => r.status === s).length])) as PlanOverview['totals']['byStatus'];
    const sum = (f: 'planned' | 'held' | 'cancelled') => rows.reduce((n, r) => n + r.items[f], 0);
    return {
      ...overview,
      networks: rows,
      totals: { networks: rows.length, withPlan: rows.filter((r) => r.planId).length, byStatus, planned: sum('planned'), held: sum('held'), cancelled: sum('cancelled') },
    };
  }

  private async rowAsOf(department: string, period: ReportingPeriod, row: NetworkPlanRow, position: number, asOf: IsoDate): Promise<NetworkPlanRow> {
    const none: NetworkPlanRow = { ...row, planId: null, status: 'none', revision: 0, items: { planned: 0, held: 0, cancelled: 0, carriedOver: 0, notHeld: 0, shareHeld: 0 }, assessment: null };
    if (!row.planId) return row;
    const filter = periodFilter(period, position);
    // Before its first approval a plan has no text in force: a draft then, if it was drafted by then.
    const inForce = await this.unlessNotFound<PlanAnswer>(new GetNetworkPlanQuery(department, row.networkId, { ...filter, asOf }, asOf));
    const plan = inForce ?? (await this.unlessNotFound<PlanAnswer>(new GetNetworkPlanQuery(department, row.networkId, filter, asOf)));
    if (!plan || !recordedBy(plan.draftedAt, asOf)) return none;
    const fulfilment = await this.queries.execute(new GetPlanFulfilmentQuery(department, plan.planId, { consistentWith: position, asOf }, asOf));
    const t = fulfilment.totals;
    return {
      ...row,
      planId: plan.planId,
      status: inForce ? plan.status : 'draft',
      revision: inForce ? plan.revision : 0,
      items: { planned: t.items, held: t.held, cancelled: t.cancelled, carriedOver: t.carriedOver, notHeld: t.notHeld, shareHeld: t.shareHeld },
      assessment: inForce ? (plan.closing?.assessment ?? null) : null,
    };
  }

  /** The query's answer; null when it answers 404. */
  private async unlessNotFound<T>(query: Query<T>): Promise<T | null> {
    try {
      return await this.queries.execute(query);
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }
}
