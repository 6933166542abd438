import { Inject, Injectable } from '@nestjs/common';
import { Query, QueryBus } from '@nestjs/cqrs';
import { NotFound, eventsOf, fold } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { GetAcademicYearStartQuery, GetInstitutionMembershipsQuery, GetNetworkQuery } from '@app/networks';
import { EventFacts, MembershipFacts, NetworkFacts, SeriesFacts } from '../event/event-facts';
import { eventSeriesDecider, eventSeriesStream, seriesFactsOf } from '../event/event-series.decider';
import { eventSeriesEvents } from '../event/event-series.events';

/** What a command names outside the event's stream, and what the event already has. */
export interface FactsWanted {
  networkIds: readonly string[];
  institutionIds: readonly string[];
  seriesId: string | null;
}

/**
 * Gathers the facts the events deciders take ({@link EventFacts}), once per command (a
 * prepare step): networks and institutions through the networks module's public queries on
 * the QueryBus, each consistent with the log as it stood when the facts were asked for (so
 * every network and institution a request could have seen is there); the series from its
 * stream; the academic year's start through the networks module's `GetAcademicYearStartQuery`.
 *
 * An institution is looked up with `GetInstitutionMembershipsQuery` alone: it answers 404 for
 * an institution the department has not registered (the decider then refuses it) and
 * otherwise its memberships, which are what the outside-host verdict needs.
 */
@Injectable()
export class EventFactsReader {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async gather(department: string, wanted: FactsWanted): Promise<EventFacts> {
    const consistentWith = await this.store.headPosition();
    const networkIds = [...new Set(wanted.networkIds)];
    const institutionIds = [...new Set(wanted.institutionIds)];
    const [networks, institutions, series, yearStart] = await Promise.all([
      Promise.all(networkIds.map((id) => this.network(department, id, consistentWith))),
      Promise.all(institutionIds.map((id) => this.memberships(department, id, consistentWith))),
      wanted.seriesId ? this.series(department, wanted.seriesId) : Promise.resolve(null),
      this.queries.execute(new GetAcademicYearStartQuery(department)),
    ]);
    const own = new Set(networkIds);
    return {
      networks: networks.filter((n): n is NetworkFacts => n !== null),
      registeredInstitutionIds: institutionIds.filter((_, i) => institutions[i] !== null),
      // Only the stays in the networks named: any superset will do, and these are all a verdict reads.
      memberships: institutions.flatMap((stays) => (stays ?? []).filter((m) => own.has(m.networkId))),
      series,
      yearStart,
    };
  }

  /** The facts of the networks alone (a series' establishment). */
  async networks(department: string, networkIds: readonly string[]): Promise<Pick<EventFacts, 'networks'>> {
    const consistentWith = await this.store.headPosition();
    const found = await Promise.all([...new Set(networkIds)].map((id) => this.network(department, id, consistentWith)));
    return { networks: found.filter((n): n is NetworkFacts => n !== null) };
  }

  private async network(department: string, networkId: string, consistentWith: number): Promise<NetworkFacts | null> {
    const view = await this.unlessNotFound(new GetNetworkQuery(department, networkId, consistentWith));
    return view && { networkId, dissolvedOn: view.status === 'dissolved' ? view.dissolvedOn : null };
  }

  private async memberships(department: string, institutionId: string, consistentWith: number): Promise<MembershipFacts[] | null> {
    const answer = await this.unlessNotFound(new GetInstitutionMembershipsQuery(department, institutionId, consistentWith));
    return answer && answer.memberships.map(({ networkId, from, to }) => ({ networkId, institutionId, from, to }));
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

  /** The series of the department, folded from its stream; null when not established (or another department's). */
  async series(department: string, seriesId: string): Promise<SeriesFacts | null> {
    const state = fold(eventSeriesDecider, eventsOf(eventSeriesEvents, await this.store.readStream(eventSeriesStream(seriesId))));
    return state.status === 'established' && state.department === department ? seriesFactsOf(state) : null;
  }
}
