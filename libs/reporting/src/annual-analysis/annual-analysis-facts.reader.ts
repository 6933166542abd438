import { Inject, Injectable } from '@nestjs/common';
import { Query, QueryBus } from '@nestjs/cqrs';
import { Clock, IsoDate, NotFound, ReportingPeriod, dayBefore, daySpanOfReportingPeriod, toIsoDate } from '@app/kernel';
import { EVENT_KINDS, EventSummary, GetEventQuery, ListEventsQuery, PARTICIPANT_CATEGORIES, ParticipantCategory } from '@app/events';
import { GetAcademicYearStartQuery, GetChangesQuery, GetCompositionQuery, GetInstitutionQuery, GetNetworkQuery, GetTimelineQuery, Network, NetworkChanges, TimelineEntry } from '@app/networks';
import { GetNetworkPlanQuery, GetPlanFulfilmentQuery, PlanAnswer } from '@app/planning';
import { CLOCK } from '@app/platform';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';
import type { AnnualAnalysisFacts, ChangeFact, HeldEventFact, InstitutionName } from './annual-analysis-facts';
import type { AnnualAnalysis, ReportLanguage } from './annual-analysis.model';
import { ComposeOptions, composeAnnualAnalysis } from './compose-annual-analysis';
import { heldBy } from '../report/as-of';

/** What a report is built at: the log position every query waits for, and optionally the day the records are read as of. */
export interface AnnualAnalysisBasis {
  position: number;
  asOf?: IsoDate | null;
  /**
   * The day the report is made on, for what depends on it (an item not held once its period is
   * over, the report's date of an open period); the clock's today when not given. A report's
   * job gives the day it was requested, so that generating it again gives the same report.
   */
  today?: IsoDate;
}

/** A calendar's page: the largest the events module answers. */
const EVENTS_PAGE = 500;
/** A page of changes and of a timeline: the largest the networks module answers. */
const CHANGES_PAGE = 1000;

const earliest = (...days: IsoDate[]): IsoDate => days.reduce((a, b) => (b < a ? b : a));
/** Recorded by the end of the day (UTC), or always when no day is asked: as planning's fulfilment reads `asOf`. */
const knownBy = (recordedAt: string, asOf: IsoDate | null): boolean => asOf === null || recordedAt.slice(0, 10) <= asOf;

/**
 * Gathers the facts of a network's annual analysis ({@link AnnualAnalysisFacts}) through the
 * other modules' public queries on the QueryBus, each with `consistentWith` the basis's position:
 * the network, its composition, changes and timeline (networks), its plan and the plan's
 * fulfilment (planning), the events it held (events), the names of the institutions and networks
 * they name (networks), and the heads' names from the personal-data vault, as the other modules'
 * readers get them. `build` composes the report from them.
 *
 * `asOf` reads the records as they stood at the end of that day, where the queries can tell: the
 * plan's text in force and its fulfilment as recorded then (planning's own `asOf`), the
 * composition on that day when it is before the period's end, the changes and timeline entries
 * recorded by then, the events whose holding was recorded by then.
 */
@Injectable()
export class AnnualAnalysisFactsReader {
  constructor(
    private readonly queries: QueryBus,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The report itself: the facts, composed in the language. */
  async build(department: string, networkId: string, period: ReportingPeriod, language: ReportLanguage, basis: AnnualAnalysisBasis & ComposeOptions): Promise<AnnualAnalysis> {
    const facts = await this.read(department, networkId, period, basis);
    return composeAnnualAnalysis(facts, language, { reportDate: basis.reportDate });
  }

  /** The facts; a network the department does not have answers NotFound (404), as the networks module does. */
  async read(department: string, networkId: string, period: ReportingPeriod, basis: AnnualAnalysisBasis): Promise<AnnualAnalysisFacts> {
    const consistentWith = basis.position;
    const asOf = basis.asOf ?? null;
    const gatheredOn = basis.today ?? toIsoDate(this.clock.now());
    const today = asOf ?? gatheredOn;
    const [network, yearStart] = await Promise.all([
      this.queries.execute(new GetNetworkQuery(department, networkId, consistentWith)),
      this.queries.execute(new GetAcademicYearStartQuery(department)),
    ]);
    const span = daySpanOfReportingPeriod(period, yearStart);
    const days = { from: span.first, to: span.last };
    // The composition on the period's last day; the network's last day in it when dissolved; the day asked when earlier.
    const last = earliest(days.to, ...(asOf ? [asOf] : []), ...(network.dissolvedOn ? [dayBefore(network.dissolvedOn)] : []));
    const compositionOn = last < days.from ? days.from : last;
    const periodFilter = period.kind === 'academic-year' ? { academicYear: period.academicYear } : { year: period.year };

    const [composition, changes, timeline, plan, events] = await Promise.all([
      this.queries.execute(new GetCompositionQuery(department, networkId, compositionOn, consistentWith)),
      last < days.from ? Promise.resolve([]) : this.changes(department, networkId, days.from, last, consistentWith, today),
      this.timeline(department, networkId, consistentWith),
      this.unlessNotFound<PlanAnswer>(new GetNetworkPlanQuery(department, networkId, { ...periodFilter, consistentWith, ...(asOf ? { asOf } : {}) }, today)),
      this.eventsHeld(department, networkId, periodFilter, consistentWith),
    ]);
    const fulfilment = plan ? await this.queries.execute(new GetPlanFulfilmentQuery(department, plan.planId, { consistentWith, ...(asOf ? { asOf } : {}) }, today)) : null;

    const inPeriod = (day: IsoDate) => day >= days.from && day <= last;
    const entries = timeline.filter((e) => e.position <= basis.position && knownBy(e.recordedAt, asOf));
    const changeFacts = this.changeFacts(changes.filter((c) => knownBy(c.recordedAt, asOf)), entries, networkId, inPeriod);
    const held = events.filter((e) => e.networkIds.includes(networkId) && e.held && heldBy(e.held, basis.position, asOf)).map(heldEventFact);

    // The other events a project names, and the names of everything named.
    const heldIds = new Set(held.map((e) => e.eventId));
    const projectEventIds = [...new Set((plan?.content.projects ?? []).flatMap((p) => p.eventIds))].filter((id) => !heldIds.has(id));
    const institutionIds = new Set<string>([
      ...composition.members.map((m) => m.institutionId),
      ...(composition.anchor ? [composition.anchor.institutionId] : []),
      ...changeFacts.flatMap((c) => (c.institutionId ? [c.institutionId] : [])),
      ...held.flatMap((e) => [...e.hostIds, ...e.participantIds]),
      ...(plan?.content.projects ?? []).flatMap((p) => p.partnerInstitutionIds),
      ...(plan?.content.agreements ?? []).flatMap((a) => a.partyInstitutionIds),
      ...(plan?.items ?? []).flatMap((i) => i.hostIds),
    ]);
    const networkIds = new Set<string>([...changeFacts.flatMap((c) => (c.otherNetworkId ? [c.otherNetworkId] : [])), ...held.flatMap((e) => e.audienceNetworkIds)]);
    networkIds.delete(networkId);
    const personIds = [...new Set([...(composition.head ? [composition.head.personId] : []), ...changeFacts.flatMap((c) => (c.head ? [c.head.personId] : []))])];
    const [institutions, networks, otherEvents, people] = await Promise.all([
      this.institutions(department, [...institutionIds], consistentWith),
      this.networks(department, [...networkIds], consistentWith),
      this.otherEvents(department, projectEventIds, consistentWith),
      personIds.length ? this.vault.lookup(department, personIds) : Promise.resolve(new Map()),
    ]);
    const person = (personId: string) => {
      const found = people.get(personId);
      return { name: found?.status === 'present' ? found.fullName : null, erased: found?.status === 'erased' };
    };

    return {
      department,
      period,
      days,
      yearStart,
      basis: { position: basis.position, asOf, gatheredOn },
      network: {
        networkId,
        name: network.name,
        kind: network.kind,
        number: network.number,
        reportingPeriod: network.reportingPeriod,
        status: network.status,
        dissolvedOn: network.dissolvedOn,
      },
      composition: {
        on: compositionOn,
        anchor: composition.anchor ? { institutionId: composition.anchor.institutionId, since: composition.anchor.since } : null,
        head: composition.head ? { personId: composition.head.personId, position: composition.head.position, since: composition.head.since, ...person(composition.head.personId) } : null,
        members: composition.members.map((m) => ({ institutionId: m.institutionId, role: m.role, since: m.since })),
      },
      changes: changeFacts.map((c) => (c.head ? { ...c, head: { ...c.head, ...person(c.head.personId) } } : c)),
      plan: plan
        ? { planId: plan.planId, status: plan.status, revision: plan.revision, content: plan.content, items: plan.items, closedOn: plan.closedOn, closing: plan.closing }
        : null,
      fulfilment: (fulfilment?.items ?? []).map((i) => ({
        planItemId: i.planItemId,
        kind: i.kind,
        topic: i.topic,
        plannedWhen: i.plannedWhen,
        status: i.status,
        reason: i.reason,
        heldEventIds: i.held.map((e) => e.eventId),
      })),
      eventsHeld: held,
      otherEvents,
      participation: participationOf(held),
      institutions,
      networks,
    };
  }

  private async changes(department: string, networkId: string, from: IsoDate, to: IsoDate, consistentWith: number, today: IsoDate): Promise<NetworkChanges['changes']> {
    const all: NetworkChanges['changes'] = [];
    for (;;) {
      const page = await this.queries.execute(new GetChangesQuery(department, networkId, { from, to, consistentWith, offset: all.length, limit: CHANGES_PAGE }, today));
      all.push(...page.changes);
      if (!page.more || page.changes.length === 0) return all;
    }
  }

  private async timeline(department: string, networkId: string, consistentWith: number): Promise<TimelineEntry[]> {
    const all: TimelineEntry[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await this.queries.execute(new GetTimelineQuery(department, networkId, consistentWith, after, CHANGES_PAGE));
      all.push(...page.entries);
      if (page.next === null) return all;
      after = page.next;
    }
  }

  /**
   * The composition's changes (the networks' own account of who joined, left, moved) with the
   * moves a merge or a split made told from transfers, and the heads appointed and the renamings
   * of the period from the timeline.
   */
  private changeFacts(changes: NetworkChanges['changes'], entries: TimelineEntry[], networkId: string, inPeriod: (day: IsoDate) => boolean): ChangeFact[] {
    const restructurings = entries.filter((e) => e.type === 'NetworksMerged' || e.type === 'NetworkSplit');
    const byOf = (on: IsoDate, other: string | undefined): ChangeFact['by'] => {
      const entry = restructurings.find((e) => {
        const data = e.data as { on: string; networkId: string; intoNetworkId?: string; newNetworkId?: string };
        return data.on === on && [data.networkId, data.intoNetworkId, data.newNetworkId].includes(other);
      });
      return entry ? (entry.type === 'NetworksMerged' ? 'merge' : 'split') : 'transfer';
    };
    const membership: ChangeFact[] = changes.map((c) => ({
      change: c.change,
      on: c.on,
      institutionId: c.institutionId,
      role: c.role ?? null,
      otherNetworkId: c.otherNetworkId ?? null,
      by: c.change === 'moved-in' || c.change === 'moved-out' ? byOf(c.on, c.otherNetworkId) : null,
      reason: c.reason,
      recordedAt: c.recordedAt,
    }));
    const ofTimeline = entries.flatMap((e): ChangeFact[] => {
      if (e.type === 'HeadAppointed') {
        const data = e.data as { networkId: string; personId: string; position: string; appointedOn: IsoDate };
        if (data.networkId !== networkId || !inPeriod(data.appointedOn)) return [];
        const head = { personId: data.personId, position: data.position, name: null, erased: false };
        return [{ change: 'head-appointed', on: data.appointedOn, institutionId: null, role: null, otherNetworkId: null, by: null, reason: e.reason, recordedAt: e.recordedAt, head }];
      }
      if (e.type === 'NetworkRenamed') {
        const data = e.data as { networkId: string; name: string; renamedOn: IsoDate };
        if (data.networkId !== networkId || !inPeriod(data.renamedOn)) return [];
        return [{ change: 'renamed', on: data.renamedOn, institutionId: null, role: null, otherNetworkId: null, by: null, reason: e.reason, recordedAt: e.recordedAt, name: data.name }];
      }
      return [];
    });
    // By effective date; on one day in the order recorded (a network's members before the anchor set among them).
    return [...membership, ...ofTimeline].sort((a, b) => a.on.localeCompare(b.on) || a.recordedAt.localeCompare(b.recordedAt));
  }

  private async eventsHeld(department: string, networkId: string, periodFilter: { academicYear: string } | { year: number }, consistentWith: number): Promise<EventSummary[]> {
    const all: EventSummary[] = [];
    for (;;) {
      const page = await this.queries.execute(new ListEventsQuery(department, { network: networkId, status: 'held', ...periodFilter, consistentWith, offset: all.length, limit: EVENTS_PAGE }));
      all.push(...page.items);
      if (all.length >= page.total || page.items.length === 0) return all;
    }
  }

  private async institutions(department: string, ids: string[], consistentWith: number): Promise<Record<string, InstitutionName>> {
    const found = await Promise.all(ids.map((id) => this.unlessNotFound(new GetInstitutionQuery(department, id, consistentWith))));
    return Object.fromEntries(found.flatMap((i) => (i ? [[i.id, { shortName: i.shortName, fullName: i.fullName, kind: i.kind }]] : [])));
  }

  private async networks(department: string, ids: string[], consistentWith: number): Promise<AnnualAnalysisFacts['networks']> {
    const found = await Promise.all(ids.map((id) => this.unlessNotFound<Network>(new GetNetworkQuery(department, id, consistentWith))));
    return Object.fromEntries(found.flatMap((n) => (n ? [[n.id, { name: n.name, kind: n.kind, number: n.number }]] : [])));
  }

  private async otherEvents(department: string, ids: string[], consistentWith: number): Promise<AnnualAnalysisFacts['otherEvents']> {
    const found = await Promise.all(ids.map((id) => this.unlessNotFound(new GetEventQuery(department, id, consistentWith))));
    return Object.fromEntries(found.flatMap((e) => (e ? [[e.id, { kind: e.kind, topic: e.topic }]] : [])));
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

const heldEventFact = (e: EventSummary): HeldEventFact => ({
  eventId: e.id,
  kind: e.kind,
  topic: e.topic,
  description: e.description,
  when: e.when,
  format: e.format,
  level: e.level,
  audience: [...e.audience],
  audienceNetworkIds: [...e.audienceNetworkIds],
  hostIds: [...e.hostIds],
  outsideHostIds: [...e.outsideHostIds],
  planItemIds: [...e.planItemIds],
  seriesId: e.seriesId,
  counts: { ...e.held!.participation.counts },
  participantIds: [...e.held!.participation.institutionIds],
  outsideParticipantIds: [...e.held!.outsideInstitutionIds],
  outcome: e.held!.outcome,
  publications: e.held!.publications.map((p) => ({ url: p.url, title: p.title })),
});

/**
 * The events held added up, per category and per kind, in the vocabulary's order: what the
 * events module's participation totals say of the same events, here over exactly the events the
 * report lists (so that with `asOf` the counts and the list agree).
 */
const participationOf = (held: readonly HeldEventFact[]): AnnualAnalysisFacts['participation'] => {
  const counts = new Map<ParticipantCategory, number>();
  for (const e of held) for (const c of PARTICIPANT_CATEGORIES) if (e.counts[c] !== undefined) counts.set(c, (counts.get(c) ?? 0) + e.counts[c]!);
  const byCategory = PARTICIPANT_CATEGORIES.filter((c) => counts.has(c)).map((category) => ({ category, count: counts.get(category)! }));
  const byKind = EVENT_KINDS.map((kind) => ({ kind, events: held.filter((e) => e.kind === kind).length })).filter((k) => k.events > 0);
  return { events: held.length, participants: byCategory.reduce((sum, c) => sum + c.count, 0), byCategory, byKind };
};
