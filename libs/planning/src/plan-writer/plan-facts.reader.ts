import { Inject, Injectable } from '@nestjs/common';
import { Query, QueryBus } from '@nestjs/cqrs';
import { IsoDate, NotFound, eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { GetEventQuery, GetEventSeriesQuery } from '@app/events';
import { GetAcademicYearStartQuery, GetInstitutionMembershipsQuery, GetNetworkQuery } from '@app/networks';
import { GetAssessmentScaleQuery } from '../assessment-scale/get-assessment-scale.query';
import { GetPlanFulfilmentQuery } from '../plan-fulfilment/plan-fulfilment.query';
import { DEFAULT_ASSESSMENT_SCALE, MembershipFacts, PlanFacts, PlanNetworkFacts, PreviousPlanFacts, RealisingEventFacts, SeriesFacts, planDecider, previousPlanFactsOf } from '../plan/plan.decider';
import { planEvents, planStream } from '../plan/plan.events';

/** What a command names outside the plan's stream, together with what the plan already has. */
export interface PlanFactsWanted {
  networkId: string;
  institutionIds?: readonly string[];
  seriesIds?: readonly string[];
  /** Events a project names: recorded or not. */
  eventIds?: readonly string[];
  /** Events a closing says realised its items: their status and the items they name. */
  realisingEventIds?: readonly string[];
  /** Last year's plan a draft continues. */
  previousPlanId?: string | null;
  /** The department's assessment scale (closing, correcting); the default one otherwise. */
  assessmentScale?: boolean;
}

/**
 * Gathers the facts the plan decider takes ({@link PlanFacts}), once per command (a prepare
 * step): the network and the institutions through the networks module's public queries, the
 * series and the events through the events module's, each consistent with the log as it stood
 * when the facts were asked for; last year's plan from its stream; the academic year's start
 * through `GetAcademicYearStartQuery`; the department's assessment scale, when asked for, through
 * `GetAssessmentScaleQuery` (the default one while it has set none).
 */
@Injectable()
export class PlanFactsReader {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async gather(department: string, wanted: PlanFactsWanted): Promise<PlanFacts> {
    const consistentWith = await this.store.headPosition();
    // Last year's carried-over items come into the draft with their hosts and series: the facts cover them.
    const previousPlan = wanted.previousPlanId ? await this.previousPlanOf(department, wanted.previousPlanId) : null;
    const carried = previousPlan?.carriedOverItems ?? [];
    const institutionIds = [...new Set([...(wanted.institutionIds ?? []), ...carried.flatMap((i) => i.hostIds)])];
    const seriesIds = [...new Set([...(wanted.seriesIds ?? []), ...carried.flatMap((i) => (i.seriesId ? [i.seriesId] : []))])];
    const eventIds = [...new Set([...(wanted.eventIds ?? []), ...(wanted.realisingEventIds ?? [])])];
    const [network, institutions, series, events, yearStart, scale] = await Promise.all([
      this.network(department, wanted.networkId, consistentWith),
      Promise.all(institutionIds.map((id) => this.memberships(department, id, consistentWith))),
      Promise.all(seriesIds.map((id) => this.series(department, id, consistentWith))),
      Promise.all(eventIds.map((id) => this.event(department, id, consistentWith))),
      this.queries.execute(new GetAcademicYearStartQuery(department)),
      wanted.assessmentScale ? this.queries.execute(new GetAssessmentScaleQuery(department)) : null,
    ]);
    const found = events.filter((e): e is RealisingEventFacts => e !== null);
    return {
      network,
      registeredInstitutionIds: institutionIds.filter((_, i) => institutions[i] !== null),
      // Only the stays in the plan's network: the outside-host verdict reads no others.
      memberships: institutions.flatMap((stays) => (stays ?? []).filter((m) => m.networkId === wanted.networkId)),
      series: series.filter((s): s is SeriesFacts => s !== null),
      recordedEventIds: found.map((e) => e.eventId),
      realisingEvents: found,
      previousPlan,
      yearStart,
      assessmentScale: scale?.grades ?? DEFAULT_ASSESSMENT_SCALE,
    };
  }

  private async network(department: string, networkId: string, consistentWith: number): Promise<PlanNetworkFacts | null> {
    const view = await this.unlessNotFound(new GetNetworkQuery(department, networkId, consistentWith));
    // How the network reports is the networks module's setting (academic-year unless it set calendar-year).
    return view && { networkId, dissolvedOn: view.status === 'dissolved' ? view.dissolvedOn : null, reportingPeriod: view.reportingPeriod };
  }

  private async memberships(department: string, institutionId: string, consistentWith: number): Promise<MembershipFacts[] | null> {
    const answer = await this.unlessNotFound(new GetInstitutionMembershipsQuery(department, institutionId, consistentWith));
    return answer && answer.memberships.map(({ networkId, from, to }) => ({ networkId, institutionId, from, to }));
  }

  private async series(department: string, seriesId: string, consistentWith: number): Promise<SeriesFacts | null> {
    const view = await this.unlessNotFound(new GetEventSeriesQuery(department, seriesId, consistentWith));
    return view && { seriesId, kind: view.kind, networkIds: view.networkIds };
  }

  private async event(department: string, eventId: string, consistentWith: number): Promise<RealisingEventFacts | null> {
    const view = await this.unlessNotFound(new GetEventQuery(department, eventId, consistentWith));
    return view && { eventId, status: view.status, planItemIds: view.planItemIds };
  }

  /**
   * The events held for these items of the plan, as its fulfilment read model has them (consistent
   * with the log's head): what a closing that leaves an item out resolves it `held` by. Their
   * status and the items they name are then looked up again as the other facts are (`realisingEventIds`).
   */
  async heldEventIdsOf(department: string, planId: string, planItemIds: readonly string[], today: IsoDate): Promise<string[]> {
    if (!planItemIds.length) return [];
    const consistentWith = await this.store.headPosition();
    const fulfilment = await this.unlessNotFound(new GetPlanFulfilmentQuery(department, planId, { consistentWith }, today));
    const wanted = new Set(planItemIds);
    return [...new Set((fulfilment?.items ?? []).filter((i) => wanted.has(i.planItemId)).flatMap((i) => i.held.map((e) => e.eventId)))];
  }

  /** Last year's plan of the department, folded from its stream; null when not recorded (or another department's). */
  async previousPlanOf(department: string, planId: string): Promise<PreviousPlanFacts | null> {
    return this.previousPlan(department, planId);
  }

  private async previousPlan(department: string, planId: string): Promise<PreviousPlanFacts | null> {
    const state = fold(planDecider, eventsOf(planEvents, await this.store.readStream(planStream(planId))));
    return state.status !== 'none' && state.department === department ? previousPlanFactsOf(state) : null;
  }

  /** The query's answer; null when it answers 404 (not the department's). */
  private async unlessNotFound<T>(query: Query<T>): Promise<T | null> {
    try {
      return await this.queries.execute(query);
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }
}
