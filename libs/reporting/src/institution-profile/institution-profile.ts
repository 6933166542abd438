import { AcademicYearStart, IsoDate, dayBefore } from '@app/kernel';
import { EVENT_KINDS, EventKind, When, compareWhen, onDay, printWhen } from '@app/events';
import type { ReportCount, ReportLanguage } from '../annual-analysis/annual-analysis.model';
import { countText } from '../wording/plural';
import { capitalize } from '../wording/text';
import { wordingFor } from '../wording/wording';
import type { InstitutionProfile, ProfileEvent, ProfileLabel, ProfileStay } from './institution-profile.model';

/** What a profile is made of, gathered once (`InstitutionProfileFactsReader`). */
export interface ProfileFacts {
  department: string;
  institution: { institutionId: string; fullName: string; shortName: string; settlement: string; status: 'open' | 'closed'; closedOn: IsoDate | null };
  /** Each rename: the day it took effect and the names it replaced. */
  renames: readonly { on: IsoDate; fullName: string; shortName: string }[];
  memberships: readonly { networkId: string; networkName: string | null; kind: string; role: string; from: IsoDate; to: IsoDate | null; wasAnchor: boolean }[];
  events: readonly ProfileFactEvent[];
  yearStart: AcademicYearStart;
  position: number;
  reportDate: IsoDate;
  /** The period the events were asked for (null: all). */
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface ProfileFactEvent {
  eventId: string;
  kind: EventKind;
  topic: string;
  when: When;
  hosted: boolean;
  outsideHost: boolean;
  tookPart: boolean;
  outsideParticipant: boolean;
}

interface ProfileWords {
  title(name: string): string;
  closed(day: string): string;
  stay(from: string, to: string | null, network: string, kind: string, role: string, anchor: boolean): string;
  until(day: string, name: string): string;
  outside: string;
  period(from: string, to: string): string;
  labels: Record<ProfileLabel, string>;
}

const WORDS: Record<ReportLanguage, ProfileWords> = {
  uk: {
    title: (name) => `Профіль закладу: ${name}`,
    closed: (day) => `закрито ${day}`,
    stay: (from, to, network, kind, role, anchor) => `З ${from}${to ? ` по ${to}` : ' дотепер'}: ${network} (${kind}), ${role}${anchor ? ', опорний заклад' : ''}`,
    until: (day, name) => `До ${day}: ${name}`,
    outside: 'поза мережами заходу',
    period: (from, to) => `Заходи з ${from} по ${to}`,
    labels: { networks: 'Мережі, до яких входив заклад', names: 'Попередні назви', hosted: 'Заходи, які заклад проводив', tookPart: 'Заходи, у яких заклад брав участь', eventsByKind: 'Заходи за видами' },
  },
  ru: {
    title: (name) => `Профиль учреждения: ${name}`,
    closed: (day) => `закрыто ${day}`,
    stay: (from, to, network, kind, role, anchor) => `С ${from}${to ? ` по ${to}` : ' по настоящее время'}: ${network} (${kind}), ${role}${anchor ? ', базовое учреждение' : ''}`,
    until: (day, name) => `До ${day}: ${name}`,
    outside: 'вне сетей мероприятия',
    period: (from, to) => `Мероприятия с ${from} по ${to}`,
    labels: { networks: 'Сети, в которые входило учреждение', names: 'Прежние названия', hosted: 'Мероприятия, проведённые учреждением', tookPart: 'Мероприятия, в которых учреждение участвовало', eventsByKind: 'Мероприятия по видам' },
  },
  en: {
    title: (name) => `Institution profile: ${name}`,
    closed: (day) => `closed on ${day}`,
    stay: (from, to, network, kind, role, anchor) => `From ${from}${to ? ` to ${to}` : ' to date'}: ${network} (${kind}), ${role}${anchor ? ', anchor' : ''}`,
    until: (day, name) => `Until ${day}: ${name}`,
    outside: 'outside the event’s networks',
    period: (from, to) => `Events from ${from} to ${to}`,
    labels: { networks: 'Networks it belonged to', names: 'Former names', hosted: 'Events it hosted', tookPart: 'Events it took part in', eventsByKind: 'Events by kind' },
  },
};

/**
 * The institution's profile, worded in `language`: its former names (each until the day of the
 * rename that replaced it), its stays in networks oldest first (from the first day to the last, in what role,
 * whether it was the anchor, under the network's name as it is now), the events it hosted and
 * those it only took part in (in date order, each marked when it was outside the event's
 * networks), and both counted by kind with the language's plural forms.
 */
export const composeInstitutionProfile = (facts: ProfileFacts, language: ReportLanguage): InstitutionProfile => {
  const words = WORDS[language];
  const wording = wordingFor(language);
  const day = (date: IsoDate) => printWhen(onDay(date), language);
  const { institution } = facts;
  const stays: ProfileStay[] = [...facts.memberships]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((m) => {
      const name = m.networkName ?? m.networkId;
      const kindLabel = wording.networkKind(m.kind).label;
      const roleLabel = wording.memberRole(m.role === 'partner' ? 'partner' : 'member');
      return { networkId: m.networkId, name, kindLabel, role: m.role, roleLabel, from: m.from, to: m.to, wasAnchor: m.wasAnchor, text: words.stay(day(m.from), m.to ? day(dayBefore(m.to)) : null /* a stay is [from, to) */, name, kindLabel, roleLabel, m.wasAnchor) };
    });
  const eventOf = (e: ProfileFactEvent, outside: boolean): ProfileEvent => {
    const kindLabel = wording.eventKind(e.kind);
    const when = printWhen(e.when, language);
    return { eventId: e.eventId, kind: e.kind, kindLabel, topic: e.topic, when, outside, text: `${capitalize(kindLabel)} ${wording.quote(e.topic)}, ${when}${outside ? ` (${words.outside})` : ''}` };
  };
  const byDate = (a: ProfileFactEvent, b: ProfileFactEvent) => compareWhen(a.when, b.when, facts.yearStart);
  const hosted = facts.events.filter((e) => e.hosted).sort(byDate);
  const tookPart = facts.events.filter((e) => !e.hosted && e.tookPart).sort(byDate);
  const counted = [...hosted, ...tookPart];
  const eventsByKind: ReportCount[] = EVENT_KINDS.map((kind) => ({ kind, count: counted.filter((e) => e.kind === kind).length }))
    .filter((k) => k.count > 0)
    .map(({ kind, count }) => ({ key: kind, label: wording.eventKind(kind), count, text: countText(count, wording.eventKinds[kind], language) }));
  return {
    report: 'institution-profile',
    schemaVersion: 1,
    language,
    department: facts.department,
    title: words.title(institution.shortName || institution.fullName),
    institution: {
      ...institution,
      text: [`${institution.fullName}, ${institution.settlement}`, institution.status === 'closed' && institution.closedOn ? words.closed(day(institution.closedOn)) : null].filter(Boolean).join('; '),
    },
    names: [...facts.renames]
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      .map((r) => ({ until: r.on, fullName: r.fullName, shortName: r.shortName, text: words.until(day(r.on), r.fullName) })),
    networks: stays,
    hosted: hosted.map((e) => eventOf(e, e.outsideHost)),
    tookPart: tookPart.map((e) => eventOf(e, e.outsideParticipant)),
    eventsByKind,
    labels: words.labels,
    basis: {
      position: facts.position,
      reportDate: facts.reportDate,
      reportDateText: day(facts.reportDate),
      from: facts.from,
      to: facts.to,
      periodText: facts.from && facts.to ? words.period(day(facts.from), day(facts.to)) : null,
    },
  };
};
