import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { IsoDate, NotFound, ReportingPeriod, reportingPeriodOf } from '@app/kernel';
import { GetAcademicYearStartQuery, GetNetworkQuery } from '@app/networks';
import type { Where } from '@app/read-store';
import { ReadModels } from '@app/platform';
import { planIdOf } from '../plan/plan.events';
import { PlanView, planViewProjection, revisionInForceOn } from './plan-view.projection';
import {
  GetNetworkPlanQuery,
  GetPlanQuery,
  ListPlansQuery,
  PlanAnswer,
  PlanPage,
  PlanSummary,
  reportingPeriodOfFilter,
  textChoiceOf,
} from './plan-queries';

/** The text a plan's answer shows: the current one, an approved revision's, or the one in force on a day. */
export const planAnswerOf = (doc: PlanView, choice: { revision?: number; asOf?: IsoDate }): PlanAnswer => {
  const revisions = doc.revisions.map(({ revision, approval, reason, recordedAt }) => ({ revision, approval, reason, recordedAt }));
  const common = {
    planId: doc.planId,
    networkId: doc.networkId,
    period: doc.period,
    periodLabel: doc.periodLabel,
    revisions,
    continuesPlanId: doc.continuesPlanId,
    corrections: doc.corrections,
    draftedAt: doc.draftedAt,
    updatedAt: doc.updatedAt,
    streamRevision: doc.streamRevision,
  };
  if (choice.revision !== undefined) {
    const shown = doc.revisions.find((r) => r.revision === choice.revision);
    if (!shown) throw new NotFound('plan revision', `${doc.planId}/${choice.revision}`);
    const { content, items, approval, reason, revision } = shown;
    return { ...common, status: doc.status, shown: 'revision', revision, asOf: null, content, items, approval, reason, closedOn: doc.closedOn, closing: doc.closing };
  }
  if (choice.asOf !== undefined) {
    const shown = revisionInForceOn(doc, choice.asOf);
    // Before its first approval a plan has no text in force.
    if (!shown) throw new NotFound('plan revision in force', `${doc.planId}@${choice.asOf}`);
    const closed = doc.closedOn !== null && doc.closedOn <= choice.asOf;
    const { content, items, approval, reason, revision } = shown;
    return {
      ...common,
      status: closed ? 'closed' : 'approved',
      shown: 'as-of',
      revision,
      asOf: choice.asOf,
      content,
      items,
      approval,
      reason,
      closedOn: closed ? doc.closedOn : null,
      closing: closed ? doc.closing : null,
    };
  }
  const current = doc.revisions[doc.revisions.length - 1];
  return {
    ...common,
    status: doc.status,
    shown: 'current',
    revision: doc.revision,
    asOf: null,
    content: doc.content,
    items: doc.items,
    approval: current?.approval ?? null,
    reason: current?.reason ?? null,
    closedOn: doc.closedOn,
    closing: doc.closing,
  };
};

export const planSummaryOf = (doc: PlanView): PlanSummary => ({
  planId: doc.planId,
  networkId: doc.networkId,
  period: doc.period,
  periodLabel: doc.periodLabel,
  status: doc.status,
  revision: doc.revision,
  approvedOn: doc.approvedOn,
  closedOn: doc.closedOn,
  grade: doc.grade,
  items: doc.items.length,
  updatedAt: doc.updatedAt,
});

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetPlanQuery): Promise<PlanAnswer> {
    textChoiceOf(query.filter);
    const read = await this.readModels.for(query, query.filter.consistentWith);
    const doc = await read.get<PlanView>(planViewProjection, query.planId);
    if (!doc || doc.department !== query.department) throw new NotFound('plan', query.planId);
    return planAnswerOf(doc, query.filter);
  }
}

@QueryHandler(GetNetworkPlanQuery)
export class GetNetworkPlanHandler implements IQueryHandler<GetNetworkPlanQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetNetworkPlanQuery): Promise<PlanAnswer> {
    const { department, networkId, filter, today } = query;
    const given = reportingPeriodOfFilter(filter, false);
    textChoiceOf(filter);
    // None given: the period running today, of the kind the network reports by (the academic year by the department's start day, or the calendar year).
    const period = given ?? (await this.periodRunningOn(department, networkId, today, filter.consistentWith));
    const read = await this.readModels.for(query, filter.consistentWith);
    const planId = planIdOf(department, networkId, period);
    const doc = await read.get<PlanView>(planViewProjection, planId);
    if (!doc || doc.department !== department) throw new NotFound('plan', planId);
    return planAnswerOf(doc, filter);
  }

  /** The network's period running on the day; 404 for a network the department does not have. */
  private async periodRunningOn(department: string, networkId: string, today: IsoDate, consistentWith?: number): Promise<ReportingPeriod> {
    const [network, yearStart] = await Promise.all([
      this.queries.execute(new GetNetworkQuery(department, networkId, consistentWith)),
      this.queries.execute(new GetAcademicYearStartQuery(department)),
    ]);
    return reportingPeriodOf(today, network.reportingPeriod, yearStart);
  }
}

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListPlansQuery): Promise<PlanPage> {
    const { department, filter } = query;
    const period = reportingPeriodOfFilter(filter, false);
    const where: Where = { department };
    if (period) where.periodLabel = period.kind === 'academic-year' ? period.academicYear : String(period.year);
    if (filter.status) where.status = filter.status;
    if (filter.network) where.networkId = filter.network;
    const read = await this.readModels.for(query, filter.consistentWith);
    const page = await read.page<PlanView>(planViewProjection, {
      where,
      sort: [
        { field: 'periodLabel', direction: 'asc' },
        { field: 'networkId', direction: 'asc' },
        { field: 'id', direction: 'asc' },
      ],
      offset: filter.offset ?? 0,
      limit: filter.limit ?? 50,
    });
    return { ...page, items: page.items.map(planSummaryOf) };
  }
}
