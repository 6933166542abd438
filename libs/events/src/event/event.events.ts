import { EntityRef, EventContracts, IsoDate, LocalText, eventTypes, streamName } from '@app/kernel';
import { printWhenIn } from './print-when';
import { When } from './when';
import { AudienceCategory, EVENT_KIND_LABELS, EventFormatMode, EventKind, EventLevel, EventRole, ParticipantCategory } from './event-vocabulary';

/** Stream of one event. */
export const eventStream = (eventId: string): string => streamName('Event', eventId);

export * from './event-vocabulary';
/** When an event takes place is part of its data: its shape, checking, sorting, periods and printing. */
export * from './when';
export * from './print-when';

/** How the event is held; the platform and link only online or hybrid ("платформа ZOOM"). */
export interface EventFormat {
  mode: EventFormatMode;
  platform: string | null;
  link: string | null;
}

/** A person in the event, by id: the name is personal data, kept in the vault (libs/personal-data). */
export interface EventPerson {
  personId: string;
  role: EventRole;
}

/** A link to materials or to a publication ("размещено на сайте базовой школы"). */
export interface EventLink {
  url: string;
  title: string | null;
}

/** What the department says an event is: set when it is planned, changed only by corrections. */
export interface EventDetails {
  kind: EventKind;
  /** As the department writes it. */
  topic: string;
  description: string | null;
  /** The networks that hold it: one, or several for a joint event. */
  networkIds: string[];
  /** Networks it is held for, besides its own ("семинар для школ образовательного округа №1"). */
  audienceNetworkIds: string[];
  /** The institutions it is held at or by ("на базе МБОУ Рябцевской ОШ"); members or not. */
  hostIds: string[];
  format: EventFormat;
  level: EventLevel;
  audience: AudienceCategory[];
  people: EventPerson[];
  /** The recurring event it is one of, if any. */
  seriesId: string | null;
}
export const EVENT_DETAIL_FIELDS = [
  'kind',
  'topic',
  'description',
  'networkIds',
  'audienceNetworkIds',
  'hostIds',
  'format',
  'level',
  'audience',
  'people',
  'seriesId',
] as const;

/** Participants counted per category; a category not counted is absent (unknown is not zero). */
export type ParticipationCounts = Partial<Record<ParticipantCategory, number>>;

/** Who took part: the counts, and the institutions (members of its networks or not). */
export interface Participation {
  counts: ParticipationCounts;
  institutionIds: string[];
}

/** What holding an event records. */
export interface HeldDetails {
  /** When it actually took place (as precisely as is known, but known at least to the academic year). */
  when: When;
  participation: Participation;
  /** What came of it, in words. */
  outcome: string | null;
  materials: EventLink[];
  publications: EventLink[];
}
export const HELD_DETAIL_FIELDS = ['when', 'participation', 'outcome', 'materials', 'publications'] as const;

/**
 * The decider's verdicts, recorded with the facts they were made on: which hosts, and which
 * participating institutions, were members of none of the event's own networks on its date.
 */
export interface MembershipVerdicts {
  /** The hosts that were not members ("outside hosts": a partner university, a school of another district). */
  outsideHostIds: string[];
}
export interface ParticipationVerdicts {
  /** The participating institutions that were not members. */
  outsideInstitutionIds: string[];
}

/** What a correction before holding may change: the details, the date, and the verdict that follows. */
export type PlannedEventFields = EventDetails & { when: When } & MembershipVerdicts;
/** What a correction after holding may change: the details and what holding recorded, and the verdicts. */
export type HeldEventFields = EventDetails & HeldDetails & MembershipVerdicts & ParticipationVerdicts;

/*
 * Every event of an event's stream names the event's networks (as they are after it), so that
 * a network's calendar and history find it without reading the stream.
 */

export type EventPlanned = {
  type: 'EventPlanned';
  data: { eventId: string; department: string } & EventDetails & { when: When; planItemIds: string[] } & MembershipVerdicts;
};
/** A correction before holding (a mistyped topic, another host); the reason is optional. Earlier values in `previous`. */
export type EventDetailsCorrected = {
  type: 'EventDetailsCorrected';
  data: { eventId: string; networkIds: string[]; corrections: Partial<PlannedEventFields>; previous: Partial<PlannedEventFields>; reason: string | null };
};
export type EventPostponed = {
  type: 'EventPostponed';
  data: { eventId: string; networkIds: string[]; when: When; previousWhen: When; reason: string } & MembershipVerdicts;
};
export type EventCancelled = { type: 'EventCancelled'; data: { eventId: string; networkIds: string[]; reason: string } };
export type EventHeld = {
  type: 'EventHeld';
  data: { eventId: string; networkIds: string[]; hostIds: string[] } & HeldDetails & MembershipVerdicts & ParticipationVerdicts;
};
/** A correction after holding: a reason always; the values it replaces in `previous`. */
export type HeldEventCorrected = {
  type: 'HeldEventCorrected';
  data: { eventId: string; networkIds: string[]; corrections: Partial<HeldEventFields>; previous: Partial<HeldEventFields>; reason: string };
};
export type EventLinkedToPlanItem = {
  type: 'EventLinkedToPlanItem';
  data: { eventId: string; networkIds: string[]; planItemId: string; reason: string | null };
};
export type EventUnlinkedFromPlanItem = {
  type: 'EventUnlinkedFromPlanItem';
  data: { eventId: string; networkIds: string[]; planItemId: string; reason: string };
};

/** Every event of an event's stream (`Event-<event id>`). */
export type EventEvent =
  | EventPlanned
  | EventDetailsCorrected
  | EventPostponed
  | EventCancelled
  | EventHeld
  | HeldEventCorrected
  | EventLinkedToPlanItem
  | EventUnlinkedFromPlanItem;

const ref = (kind: EntityRef['kind']) => (id: string): EntityRef => ({ kind, id });
const event = ref('event');
const network = ref('network');
const institution = ref('institution');
const person = ref('person');
const series = ref('event-series');

/** The refs, each once, in the order first named. */
const unique = (refs: EntityRef[]): EntityRef[] => {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Everything a set of (partial) event fields names. */
const named = (fields: Partial<HeldEventFields & PlannedEventFields>): EntityRef[] => [
  ...(fields.networkIds ?? []).map(network),
  ...(fields.audienceNetworkIds ?? []).map(network),
  ...(fields.hostIds ?? []).map(institution),
  ...(fields.participation?.institutionIds ?? []).map(institution),
  ...(fields.seriesId ? [series(fields.seriesId)] : []),
  ...(fields.people ?? []).map((p) => person(p.personId)),
];

/** The fields a correction names, as a history lists them. */
const fieldsOf = (corrections: object): string => Object.keys(corrections).join(', ');

const kindText = (kind: EventKind): LocalText => EVENT_KIND_LABELS[kind];

/** What the platform knows of each event of an event's stream. */
export const eventEvents: EventContracts<EventEvent> = {
  EventPlanned: {
    effectiveOn: () => null,
    concerns: (d) => unique([event(d.eventId), ...named(d)]),
    describe: (d) => {
      const when = printWhenIn(d.when);
      const kind = kindText(d.kind);
      return { uk: `Заплановано ${kind.uk} «${d.topic}», ${when.uk}`, ru: `Запланировано: ${kind.ru} «${d.topic}», ${when.ru}`, en: `Planned: ${kind.en} «${d.topic}», ${when.en}` };
    },
  },
  EventDetailsCorrected: {
    effectiveOn: () => null,
    // The networks, hosts, people it had and has: the history of each shows the change.
    concerns: (d) => unique([event(d.eventId), ...d.networkIds.map(network), ...named(d.corrections), ...named(d.previous)]),
    describe: (d) => ({
      uk: `Виправлено відомості заходу: ${fieldsOf(d.corrections)}`,
      ru: `Исправлены сведения о мероприятии: ${fieldsOf(d.corrections)}`,
      en: `Event details corrected: ${fieldsOf(d.corrections)}`,
    }),
  },
  EventPostponed: {
    effectiveOn: () => null,
    concerns: (d) => unique([event(d.eventId), ...d.networkIds.map(network)]),
    describe: (d) => {
      const when = printWhenIn(d.when);
      return { uk: `Захід перенесено: ${when.uk}`, ru: `Мероприятие перенесено: ${when.ru}`, en: `Event postponed: ${when.en}` };
    },
  },
  EventCancelled: {
    effectiveOn: () => null,
    concerns: (d) => unique([event(d.eventId), ...d.networkIds.map(network)]),
    describe: () => ({ uk: 'Захід скасовано', ru: 'Мероприятие отменено', en: 'Event cancelled' }),
  },
  EventHeld: {
    // The day it was held, when it is known to the day; a less precise date has none to give.
    effectiveOn: (d): IsoDate | null => (d.when.precision === 'date' ? d.when.from : null),
    concerns: (d) => unique([event(d.eventId), ...named(d)]),
    describe: (d) => {
      const when = printWhenIn(d.when);
      const counted = Object.values(d.participation.counts).reduce((sum, n) => sum + (n ?? 0), 0);
      return {
        uk: `Захід проведено ${when.uk} (учасників: ${counted})`,
        ru: `Мероприятие проведено ${when.ru} (участников: ${counted})`,
        en: `Event held ${when.en} (${counted} participants)`,
      };
    },
  },
  HeldEventCorrected: {
    effectiveOn: () => null,
    concerns: (d) => unique([event(d.eventId), ...d.networkIds.map(network), ...named(d.corrections), ...named(d.previous)]),
    describe: (d) => ({
      uk: `Виправлено відомості проведеного заходу: ${fieldsOf(d.corrections)}`,
      ru: `Исправлены сведения о проведённом мероприятии: ${fieldsOf(d.corrections)}`,
      en: `Held event corrected: ${fieldsOf(d.corrections)}`,
    }),
  },
  EventLinkedToPlanItem: {
    effectiveOn: () => null,
    concerns: (d) => unique([event(d.eventId), ...d.networkIds.map(network)]),
    describe: () => ({ uk: 'Захід пов’язано з пунктом плану', ru: 'Мероприятие связано с пунктом плана', en: 'Event linked to a plan item' }),
  },
  EventUnlinkedFromPlanItem: {
    effectiveOn: () => null,
    concerns: (d) => unique([event(d.eventId), ...d.networkIds.map(network)]),
    describe: () => ({ uk: 'Захід відв’язано від пункту плану', ru: 'Мероприятие отвязано от пункта плана', en: 'Event unlinked from a plan item' }),
  },
};

export const EVENT_EVENT_TYPES = eventTypes(eventEvents);
