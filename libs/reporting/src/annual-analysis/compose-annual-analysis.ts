import { IsoDate, nextReportingPeriod, printReportingPeriod, reportingPeriodLabel } from '@app/kernel';
import { EVENT_KIND_LABELS, EventKind, PARTICIPANT_CATEGORIES, PARTICIPANT_CATEGORY_LABELS, When, onDay, printWhen, whenSortKey } from '@app/events';
import { countText, genitivePlural } from '../wording/plural';
import { capitalize, endSentence, sentence } from '../wording/text';
import { ChangeWording, Wording, wordingFor } from '../wording/wording';
import type { AnnualAnalysisFacts, ChangeFact, HeldEventFact } from './annual-analysis-facts';
import type {
  AnnualAnalysis,
  ReportChange,
  ReportChart,
  ReportClosing,
  ReportComposition,
  ReportCount,
  ReportEvent,
  ReportItemNotHeld,
  ReportLanguage,
  ReportOutsideInstitution,
  ReportPlan,
  ReportPublication,
} from './annual-analysis.model';

export interface ComposeOptions {
  /**
   * The report's date, its signature's. By default: the day the records are read as of, else
   * the plan's closing, else the period's last day or the day the facts were gathered, whichever
   * is earlier (so a report of a past year built twice from the same facts reads the same).
   */
  reportDate?: IsoDate;
}

/** The statuses of a planned event that the analysis lists as not held (the others were held, or are still to come). */
const NOT_HELD = ['cancelled', 'postponed', 'carried-over', 'not-held'] as const;
type NotHeldStatus = (typeof NOT_HELD)[number];

/** How precisely an event's date is known, in the model's words. */
const precisionOf = (when: When): string => {
  switch (when.precision) {
    case 'date':
      return when.to === null ? 'day' : 'range';
    case 'not-known':
      return 'unknown';
    default:
      return when.precision;
  }
};

const wordsOf = (text: string): string[] =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}’'-]+/u)
    .filter(Boolean);

/** Two words of one stem: a common beginning of four letters or more, short of at most two letters of the shorter ("консультации", "консультация"). */
const sameStem = (a: string, b: string): boolean => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 4 && i >= Math.min(a.length, b.length) - 2;
};

/**
 * True when the topic's first words already name the kind ("Научно-практическая конференция в
 * рамках округа", "Форум молодых педагогов", "Педконсиліум з адаптації першокласників"): a word
 * of the kind's stem, or one that ends with a long word of the kind.
 */
const topicNamesKind = (topic: string, kindLabel: string): boolean => {
  const kindWords = wordsOf(kindLabel).filter((w) => w.length >= 4);
  return wordsOf(topic)
    .slice(0, 4)
    .some((t) => kindWords.some((k) => sameStem(t, k) || (k.length >= 6 && t.endsWith(k))));
};

/**
 * The composer's state for one report: the facts, the language's wording and the helpers that
 * name and date things in it. Every text of the report is made here or in the wording.
 */
class Composer {
  readonly w: Wording;
  readonly kind: string;
  private readonly collator: Intl.Collator;

  constructor(
    readonly facts: AnnualAnalysisFacts,
    readonly language: ReportLanguage,
  ) {
    this.w = wordingFor(language);
    this.kind = facts.network.kind;
    this.collator = new Intl.Collator(language, { numeric: true });
  }

  name = (institutionId: string): string => this.facts.institutions[institutionId]?.shortName ?? institutionId;
  institutionKind = (institutionId: string): string => this.facts.institutions[institutionId]?.kind ?? 'other';
  byName = (a: string, b: string): number => this.collator.compare(a, b);
  day = (date: IsoDate): string => printWhen(onDay(date), this.language);
  when = (when: When): string =>
    printWhen(when, this.language, this.facts.period.kind === 'academic-year' ? { academicYear: this.facts.period.academicYear } : {});
  kindLabel = (kind: EventKind): string => EVENT_KIND_LABELS[kind][this.language];
  /** Another network after a genitive ("з освітнього округу …"). */
  otherNetwork = (networkId: string): string => {
    const other = this.facts.networks[networkId];
    return other ? this.w.networkGenitive(other.name, other.kind) : networkId;
  };

  /** "Семинар «…»", or the topic alone when it names the kind itself or the kind is `other`. */
  kindAndTopic = (kind: EventKind, topic: string): string =>
    kind === 'other' || topicNamesKind(topic, this.kindLabel(kind)) ? capitalize(topic.trim()) : `${this.w.eventKind(kind)} ${this.w.quote(topic.trim())}`;

  composition(): ReportComposition {
    const { members } = this.facts.composition;
    const rows = members
      .map((m) => ({
        institutionId: m.institutionId,
        name: this.name(m.institutionId),
        role: m.role,
        roleLabel: m.role === 'anchor' ? this.w.anchorRole(this.institutionKind(m.institutionId)) : this.w.memberRole(m.role),
        outsideSince: null,
      }))
      .sort((a, b) => this.byName(a.name, b.name) || a.institutionId.localeCompare(b.institutionId));
    const text = this.w.composition(
      this.kind,
      rows.filter((r) => r.role !== 'partner').map((r) => r.name),
      rows.filter((r) => r.role === 'partner').map((r) => r.name),
    );
    return { members: rows, text };
  }

  /** The changes, several of one kind on one day for one reason said once ("входят: …"). */
  changes(): ReportChange[] {
    const groups = new Map<string, { code: string; direction: 'in' | 'out' | null; facts: ChangeFact[] }>();
    this.facts.changes.forEach((c, index) => {
      const { code, direction } = this.codeOf(c);
      const groupable = c.institutionId !== null && c.change !== 'anchor-set';
      const key = groupable ? [code, direction, c.on, c.reason ?? '', c.otherNetworkId ?? '', c.role ?? ''].join('|') : `#${index}`;
      const group = groups.get(key);
      if (group) group.facts.push(c);
      else groups.set(key, { code, direction, facts: [c] });
    });
    return [...groups.values()].map(({ code, direction, facts }) => {
      const first = facts[0];
      const ids = facts.flatMap((c) => (c.institutionId ? [c.institutionId] : []));
      const wording: ChangeWording = {
        change: code,
        direction,
        on: this.day(first.on),
        names: ids.map(this.name),
        role: code === 'anchor-set' && ids[0] ? this.w.anchorRole(this.institutionKind(ids[0])) : first.role,
        otherNetwork: first.otherNetworkId ? this.otherNetwork(first.otherNetworkId) : null,
        head: first.head ? { name: first.head.name, erased: first.head.erased, position: first.head.position } : undefined,
        newName: first.name,
      };
      const text = [sentence(this.w.change(this.kind, wording)), first.reason ? sentence(first.reason) : ''].filter(Boolean).join(' ');
      return { on: first.on, change: code, institutionId: ids.length === 1 ? ids[0] : null, institutionIds: ids, text, reason: first.reason };
    });
  }

  private codeOf(c: ChangeFact): { code: string; direction: 'in' | 'out' | null } {
    switch (c.change) {
      case 'joined':
        return { code: 'admitted', direction: null };
      case 'moved-in':
      case 'moved-out': {
        const direction = c.change === 'moved-in' ? 'in' : 'out';
        if (c.by === 'merge') return { code: 'merged', direction };
        if (c.by === 'split') return { code: 'split', direction };
        return { code: direction === 'in' ? 'transferred-in' : 'transferred-out', direction };
      }
      default:
        return { code: c.change, direction: null };
    }
  }

  plan(): ReportPlan | null {
    const plan = this.facts.plan;
    if (!plan) return null;
    const { content } = plan;
    const items = new Map(plan.items.map((i) => [i.planItemId, i]));
    const eventTopic = (eventId: string): string | null => {
      const e = this.facts.eventsHeld.find((h) => h.eventId === eventId) ?? this.facts.otherEvents[eventId];
      return e ? this.w.quote(e.topic) : null;
    };
    return {
      planId: plan.planId,
      status: plan.status,
      revision: plan.revision || null,
      theme: content.theme,
      goal: content.goal,
      tasks: content.tasks.map((t, i) => ({ taskId: t.taskId, number: i + 1, text: t.text, expectedResult: t.expectedResult })),
      activityKinds: [...content.activityKinds],
      projects: content.projects.map((p) => {
        const partners = p.partnerInstitutionIds.map(this.name);
        const events = [
          ...p.planItemIds.flatMap((id) => (items.has(id) ? [this.w.quote(items.get(id)!.topic)] : [])),
          ...p.eventIds.flatMap((id) => eventTopic(id) ?? []),
        ].filter((topic, i, all) => all.indexOf(topic) === i);
        return { projectId: p.projectId, name: p.name, goal: p.goal, partners, events, text: this.w.project(p.name, p.goal, partners, events) };
      }),
      agreements: content.agreements.map((a) => {
        const parties = a.partyInstitutionIds.map(this.name);
        const text = this.w.agreement({
          number: a.number,
          signedOn: a.signedOn ? this.day(a.signedOn) : null,
          parties,
          subject: a.subject,
          validUntil: a.validUntil ? this.day(a.validUntil) : null,
        });
        return { agreementId: a.agreementId, number: a.number, signedOn: a.signedOn, parties, subject: a.subject, validUntil: a.validUntil, text };
      }),
    };
  }

  private outsideName = (institutionId: string): string => `${this.name(institutionId)} (${this.w.outsideMark(this.kind)})`;

  event(e: HeldEventFact, number: number): ReportEvent {
    const outside = new Set(e.outsideHostIds);
    const hosts = e.hostIds.map((id) => ({ institutionId: id, name: this.name(id), outside: outside.has(id) }));
    // A topic that says whom it is for ("Екскурсії для батьків…") is not followed by its audience again.
    const forWhom = wordsOf(e.topic).includes(this.w.forWhom);
    const audience = this.w.audience(
      forWhom ? [] : e.audience.map((c) => genitivePlural(this.w.categories[c])),
      e.audienceNetworkIds.map((id) => {
        const other = this.facts.networks[id];
        return other ? this.w.networkGenitive(other.name, other.kind) : id;
      }),
    );
    const format = this.w.format(e.format.mode, e.format.platform);
    const when = this.when(e.when);
    const head = [this.kindAndTopic(e.kind, e.topic), audience].filter(Boolean).join(' ');
    const line = [head, format, hosts.length ? this.w.hosts(hosts.map((h) => (h.outside ? this.outsideName(h.institutionId) : h.name))) : '', when]
      .filter(Boolean)
      .join(', ');
    const counts = PARTICIPANT_CATEGORIES.flatMap((c) => (e.counts[c] !== undefined ? [countText(e.counts[c]!, this.w.categories[c], this.language)] : []));
    const outsideParticipants = new Set(e.outsideParticipantIds);
    const hostIds = new Set(e.hostIds);
    const institutions = e.participantIds
      .filter((id) => !hostIds.has(id))
      .map((id) => (outsideParticipants.has(id) ? this.outsideName(id) : this.name(id)));
    const participants = counts.length || institutions.length ? this.w.participants([...counts, ...institutions]) : '';
    const text = [endSentence(line), participants, e.outcome ? this.w.outcome(e.outcome) : ''].filter(Boolean).join(' ');
    return {
      number,
      eventId: e.eventId,
      kind: e.kind,
      kindLabel: this.kindLabel(e.kind),
      topic: e.topic,
      format,
      hosts,
      when,
      precision: precisionOf(e.when),
      planItemIds: [...e.planItemIds],
      text,
    };
  }

  /**
   * The events held in date order (the events module's `whenSortKey`, by the department's year
   * start); those of one date in the order of the plan's items they realise, the others after
   * them in the order given.
   */
  eventsInOrder(): HeldEventFact[] {
    const itemAt = new Map((this.facts.plan?.items ?? []).map((item, i) => [item.planItemId, i]));
    const planned = (e: HeldEventFact) => Math.min(Infinity, ...e.planItemIds.map((id) => itemAt.get(id) ?? Infinity));
    return this.facts.eventsHeld
      .map((e, i) => ({ e, i, key: whenSortKey(e.when, this.facts.yearStart), planned: planned(e) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.planned - b.planned || a.i - b.i)
      .map(({ e }) => e);
  }

  notHeld(): ReportItemNotHeld[] {
    return this.facts.fulfilment
      .filter((f): f is typeof f & { status: NotHeldStatus } => (NOT_HELD as readonly string[]).includes(f.status))
      .map((f) => {
        const statusLabel = this.w.itemStatus(f.status);
        const when = this.when(f.plannedWhen);
        const line = `${this.kindAndTopic(f.kind, f.topic)}, ${when}`;
        return {
          planItemId: f.planItemId,
          kind: f.kind,
          kindLabel: this.kindLabel(f.kind),
          topic: f.topic,
          when,
          status: f.status,
          statusLabel,
          reason: f.reason,
          text: this.w.notHeld(line, statusLabel, f.reason),
        };
      });
  }

  participation(): ReportCount[] {
    return this.facts.participation.byCategory.map(({ category, count }) => ({
      key: category,
      label: PARTICIPANT_CATEGORY_LABELS[category][this.language],
      count,
      text: countText(count, this.w.categories[category], this.language),
    }));
  }

  eventsByKind(): ReportCount[] {
    return this.facts.participation.byKind.map(({ kind, events }) => ({
      key: kind,
      label: this.kindLabel(kind),
      count: events,
      text: countText(events, this.w.eventKinds[kind], this.language),
    }));
  }

  outside(): ReportOutsideInstitution[] {
    const found = new Map<string, { hosted: string[]; tookPart: string[]; eventIds: Set<string> }>();
    const entry = (id: string) => found.get(id) ?? found.set(id, { hosted: [], tookPart: [], eventIds: new Set() }).get(id)!;
    for (const e of this.facts.eventsHeld) {
      const topic = this.w.quote(e.topic);
      const hosted = new Set(e.outsideHostIds);
      for (const id of hosted) {
        const o = entry(id);
        o.hosted.push(topic);
        o.eventIds.add(e.eventId);
      }
      for (const id of e.outsideParticipantIds.filter((p) => !hosted.has(p))) {
        const o = entry(id);
        o.tookPart.push(topic);
        o.eventIds.add(e.eventId);
      }
    }
    return [...found.entries()]
      .map(([institutionId, o]) => ({ institutionId, name: this.name(institutionId), eventIds: [...o.eventIds], text: this.w.outside(this.name(institutionId), o.hosted, o.tookPart) }))
      .sort((a, b) => this.byName(a.name, b.name) || a.institutionId.localeCompare(b.institutionId));
  }

  publications(): ReportPublication[] {
    const found = new Map<string, { title: string | null; eventIds: Set<string> }>();
    for (const e of this.facts.eventsHeld) {
      for (const link of e.publications) {
        const p = found.get(link.url) ?? found.set(link.url, { title: null, eventIds: new Set() }).get(link.url)!;
        p.title = p.title ?? link.title;
        p.eventIds.add(e.eventId);
      }
    }
    return [...found.entries()].map(([url, p]) => ({ url, title: p.title, eventIds: [...p.eventIds], text: this.w.publication(p.title, url) }));
  }

  closing(): ReportClosing | null {
    const plan = this.facts.plan;
    if (!plan?.closing || !plan.closedOn) return null;
    const { closing } = plan;
    const label = closing.assessment.label[this.language];
    const tasks = plan.content.tasks;
    const nextYear = closing.nextYear;
    return {
      closedOn: plan.closedOn,
      assessment: { grade: closing.assessment.grade, label, comment: closing.assessment.comment, text: this.w.assessment(this.kind, label, closing.assessment.comment) },
      conclusions: closing.conclusions,
      problems: [...closing.problems],
      taskResults: closing.taskResults.flatMap((r) => {
        const at = tasks.findIndex((t) => t.taskId === r.taskId);
        if (at < 0) return [];
        const resultLabel = this.w.taskResults[r.result];
        return [{ taskId: r.taskId, number: at + 1, task: tasks[at].text, result: r.result, resultLabel, reason: r.reason, text: this.w.taskResult(at + 1, tasks[at].text, resultLabel, r.reason) }];
      }),
      nextYear:
        nextYear.goal || nextYear.tasks.length
          ? { title: this.w.nextYearTitle(printReportingPeriod(nextReportingPeriod(this.facts.period), this.language)), goal: nextYear.goal, tasks: nextYear.tasks.map((t) => t.text) }
          : null,
    };
  }

  charts(eventsByKind: ReportCount[], participation: ReportCount[]): ReportChart[] {
    const charts: ReportChart[] = [];
    if (eventsByKind.length) charts.push({ chart: 'events-by-kind', title: this.w.charts.eventsByKind, bars: eventsByKind.map((c) => ({ label: capitalize(c.label), value: c.count })) });
    if (participation.length) charts.push({ chart: 'participation-by-category', title: this.w.charts.participation, bars: participation.map((c) => ({ label: capitalize(c.label), value: c.count })) });
    const items = this.facts.fulfilment;
    if (this.facts.plan && items.length) {
      const count = (...statuses: string[]) => items.filter((i) => statuses.includes(i.status)).length;
      const bars = (
        [
          ['held', count('held')],
          ['cancelled', count('cancelled')],
          ['postponed', count('postponed')],
          ['carried-over', count('carried-over')],
          ['not-held', count('not-held')],
          ['pending', count('scheduled', 'awaiting')],
        ] as const
      )
        .filter(([, value]) => value > 0)
        .map(([bar, value]) => ({ label: capitalize(this.w.fulfilmentBars[bar]), value }));
      charts.push({ chart: 'fulfilment', title: this.w.charts.fulfilment, bars });
    }
    return charts;
  }

  reportDate(options: ComposeOptions): IsoDate {
    const { basis, plan, days } = this.facts;
    if (options.reportDate) return options.reportDate;
    if (basis.asOf) return basis.asOf;
    if (plan?.closedOn) return plan.closedOn;
    return basis.gatheredOn < days.to ? basis.gatheredOn : days.to;
  }
}

/**
 * The annual analysis of a network for a period, in one language, from its facts: pure, so the
 * same facts give the same report. What is said and in what order is decided here; the words
 * are the language's (`libs/reporting/src/wording/`). A section with nothing to say is empty.
 */
export const composeAnnualAnalysis = (facts: AnnualAnalysisFacts, language: ReportLanguage, options: ComposeOptions = {}): AnnualAnalysis => {
  const c = new Composer(facts, language);
  const { network, composition, period, days } = facts;
  const periodText = printReportingPeriod(period, language);
  const reportDate = c.reportDate(options);
  const anchor = composition.anchor
    ? {
        institutionId: composition.anchor.institutionId,
        name: c.name(composition.anchor.institutionId),
        text: `${c.w.anchorRole(c.institutionKind(composition.anchor.institutionId))} – ${c.name(composition.anchor.institutionId)}`,
      }
    : null;
  const eventsByKind = c.eventsByKind();
  const participation = c.participation();
  const head = composition.head;
  return {
    report: 'annual-analysis',
    schemaVersion: 1,
    language,
    department: facts.department,
    title: c.w.title(c.w.networkGenitive(network.name, network.kind), periodText),
    network: { networkId: network.networkId, name: network.name, kind: network.kind, kindLabel: c.w.networkKind(network.kind).label, number: network.number },
    period: { kind: period.kind, label: reportingPeriodLabel(period), text: periodText, from: days.from, to: days.to },
    basis: { position: facts.basis.position, asOf: facts.basis.asOf, reportDate, reportDateText: c.day(reportDate) },
    labels: c.w.labels(network.kind),
    anchor,
    composition: c.composition(),
    changes: c.changes(),
    plan: c.plan(),
    eventsHeld: c.eventsInOrder().map((e, i) => c.event(e, i + 1)),
    notHeld: c.notHeld(),
    participation,
    eventsByKind,
    outside: c.outside(),
    publications: c.publications(),
    sections: (facts.plan?.closing?.sections ?? []).map((s) => ({ title: s.title, text: s.text })),
    closing: c.closing(),
    charts: c.charts(eventsByKind, participation),
    signature: { position: head?.position ?? null, name: head?.name ?? null, date: reportDate, dateText: c.day(reportDate) },
  };
};
