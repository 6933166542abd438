import { Decider, FieldError, InvalidInput, IsoDate, assertNever } from '@app/kernel';
import { EventFacts, assertNetworksOn, assertRegistered, outsideOn, refuse } from './event-facts';
import { When, daySpanOf, referenceDayOf, sameWhen, validWhen } from './when';
import {
  AUDIENCE_CATEGORIES,
  EVENT_DETAIL_FIELDS,
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_LEVELS,
  EVENT_ROLES,
  EventDetails,
  EventEvent,
  EventLink,
  EventPerson,
  HELD_DETAIL_FIELDS,
  HeldDetails,
  HeldEventFields,
  PARTICIPANT_CATEGORIES,
  Participation,
  PlannedEventFields,
} from './event.events';

/**
 * One event a network holds (a seminar, a council meeting, an open-door day), from its plan to
 * its holding: planned → held | cancelled | postponed (→ held | cancelled | postponed again).
 * Each event is an aggregate of its own: its rules concern only itself, and what they need of
 * networks, institutions and series comes in the command as facts ({@link EventFacts}).
 *
 * A host need not be a member of the event's networks (a partner university, a school of
 * another district): such a host is accepted and recorded as an outside host, in
 * `outsideHostIds`, by the members of the event's own networks on its date (its first possible
 * day; today while the date is not known). The same verdict is recorded for the participating
 * institutions when it is held (`outsideInstitutionIds`).
 */

export * from './event.events';


// ---- state -----------------------------------------------------------------------------------

export interface EventRecord extends EventDetails {
  eventId: string;
  department: string;
  status: 'planned' | 'postponed' | 'held' | 'cancelled';
  /** When it is planned; once held, when it took place. */
  when: When;
  outsideHostIds: string[];
  planItemIds: string[];
  /** What holding recorded; null before. */
  held: (Omit<HeldDetails, 'when'> & { outsideInstitutionIds: string[] }) | null;
  cancelReason: string | null;
}

export type EventState = { status: 'none' } | EventRecord;

export const initialEventState = (): EventState => ({ status: 'none' });

export const evolveEvent = (state: EventState, event: EventEvent): EventState => {
  if (event.type === 'EventPlanned') {
    const { eventId, department, when, planItemIds, outsideHostIds, ...details } = event.data;
    return { eventId, department, status: 'planned', when, outsideHostIds, planItemIds, held: null, cancelReason: null, ...details };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'EventDetailsCorrected':
      return { ...state, ...event.data.corrections };
    case 'EventPostponed':
      return { ...state, status: 'postponed', when: event.data.when, outsideHostIds: event.data.outsideHostIds };
    case 'EventCancelled':
      return { ...state, status: 'cancelled', cancelReason: event.data.reason };
    case 'EventHeld': {
      const { when, participation, outcome, materials, publications, outsideHostIds, outsideInstitutionIds } = event.data;
      return { ...state, status: 'held', when, outsideHostIds, held: { participation, outcome, materials, publications, outsideInstitutionIds } };
    }
    case 'HeldEventCorrected': {
      const { when, participation, outcome, materials, publications, outsideInstitutionIds, ...details } = event.data.corrections;
      const held = state.held ?? { participation: { counts: {}, institutionIds: [] }, outcome: null, materials: [], publications: [], outsideInstitutionIds: [] };
      return {
        ...state,
        ...details,
        ...(when ? { when } : {}),
        held: {
          ...held,
          ...(participation ? { participation } : {}),
          ...(outcome !== undefined ? { outcome } : {}),
          ...(materials ? { materials } : {}),
          ...(publications ? { publications } : {}),
          ...(outsideInstitutionIds ? { outsideInstitutionIds } : {}),
        },
      };
    }
    case 'EventLinkedToPlanItem':
      return { ...state, planItemIds: [...state.planItemIds, event.data.planItemId] };
    case 'EventUnlinkedFromPlanItem':
      return { ...state, planItemIds: state.planItemIds.filter((id) => id !== event.data.planItemId) };
    default:
      return assertNever(event);
  }
};

// ---- commands --------------------------------------------------------------------------------

/*
 * `today` is the department's calendar date when the request arrived (the injected clock, in
 * the command context): a decider never reads a clock.
 */

export type PlanEvent = {
  type: 'PlanEvent';
  data: { eventId: string; department: string; when: When; planItemIds: string[]; today: IsoDate; facts: EventFacts } & EventDetails;
};
/** Before holding: any detail or the date; the reason is optional (a mistyped topic needs none). */
export type CorrectEventDetails = {
  type: 'CorrectEventDetails';
  data: { eventId: string; corrections: Partial<EventDetails & { when: When }>; reason: string | null; today: IsoDate; facts: EventFacts };
};
export type PostponeEvent = { type: 'PostponeEvent'; data: { eventId: string; when: When; reason: string; today: IsoDate; facts: EventFacts } };
export type CancelEvent = { type: 'CancelEvent'; data: { eventId: string; reason: string } };
export type RecordEventHeld = { type: 'RecordEventHeld'; data: { eventId: string; today: IsoDate; facts: EventFacts } & HeldDetails };
/** After holding: any detail or anything holding recorded; always with a reason. */
export type CorrectHeldEvent = {
  type: 'CorrectHeldEvent';
  data: { eventId: string; corrections: Partial<EventDetails & HeldDetails>; reason: string; today: IsoDate; facts: EventFacts };
};
export type LinkEventToPlanItem = { type: 'LinkEventToPlanItem'; data: { eventId: string; planItemId: string; reason: string | null } };
export type UnlinkEventFromPlanItem = { type: 'UnlinkEventFromPlanItem'; data: { eventId: string; planItemId: string; reason: string } };

export type EventCommand =
  | PlanEvent
  | CorrectEventDetails
  | PostponeEvent
  | CancelEvent
  | RecordEventHeld
  | CorrectHeldEvent
  | LinkEventToPlanItem
  | UnlinkEventFromPlanItem;

// ---- input: the shape, field by field --------------------------------------------------------

/** Each once, in the order first given. */
const distinct = <T>(items: readonly T[], key: (item: T) => string = String): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
};

const trimmedOrNull = (text: string | null | undefined): string | null => text?.trim() || null;

const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

const oneOf = (list: readonly string[], value: unknown): boolean => typeof value === 'string' && list.includes(value);

/** The details, checked and in their one written form (trimmed, each id once); problems go to `problems`. */
const cleanDetails = <K extends keyof EventDetails>(given: Partial<EventDetails>, fields: readonly K[], problems: FieldError[]): Pick<EventDetails, K> => {
  const out: Partial<EventDetails> = {};
  const bad = (field: string, message: string) => problems.push({ field, messages: [message] });
  const ids = (field: 'networkIds' | 'audienceNetworkIds' | 'hostIds', value: unknown): string[] => {
    if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id.trim())) {
      bad(field, `${field} must be a list of ids`);
      return [];
    }
    return distinct(value.map((id: string) => id.trim()));
  };
  for (const field of fields as readonly (keyof EventDetails)[]) {
    const value: unknown = given[field];
    switch (field) {
      case 'kind':
        if (!oneOf(EVENT_KINDS, value)) bad(field, `kind must be one of ${EVENT_KINDS.join(', ')}`);
        else out.kind = value as EventDetails['kind'];
        break;
      case 'topic':
        if (typeof value !== 'string' || !value.trim()) bad(field, 'topic is required');
        else out.topic = value.trim();
        break;
      case 'description':
        out.description = trimmedOrNull(value as string | null);
        break;
      case 'networkIds':
        out.networkIds = ids(field, value);
        if (Array.isArray(value) && out.networkIds.length === 0) bad(field, 'an event is held by at least one network');
        break;
      case 'audienceNetworkIds':
        out.audienceNetworkIds = ids(field, value);
        break;
      case 'hostIds':
        out.hostIds = ids(field, value);
        break;
      case 'format': {
        const format = value as EventDetails['format'] | undefined;
        if (!format || !oneOf(EVENT_FORMATS, format.mode)) {
          bad('format.mode', `format.mode must be one of ${EVENT_FORMATS.join(', ')}`);
          break;
        }
        const platform = trimmedOrNull(format.platform);
        const link = trimmedOrNull(format.link);
        if (format.mode === 'in-person' && (platform || link)) bad('format.mode', 'an event held in person has no platform or link; make it online or hybrid');
        if (link && !isHttpUrl(link)) bad('format.link', 'format.link must be an http(s) address');
        out.format = { mode: format.mode, platform, link };
        break;
      }
      case 'level':
        if (!oneOf(EVENT_LEVELS, value)) bad(field, `level must be one of ${EVENT_LEVELS.join(', ')}`);
        else out.level = value as EventDetails['level'];
        break;
      case 'audience':
        if (!Array.isArray(value) || !value.every((c) => oneOf(AUDIENCE_CATEGORIES, c))) bad(field, `audience must be a list of ${AUDIENCE_CATEGORIES.join(', ')}`);
        else out.audience = distinct(value as EventDetails['audience']);
        break;
      case 'people': {
        const people = value as EventPerson[] | undefined;
        if (!Array.isArray(people) || !people.every((p) => typeof p?.personId === 'string' && p.personId.trim() && oneOf(EVENT_ROLES, p.role))) {
          bad(field, `people must be a list of { personId, role } with role one of ${EVENT_ROLES.join(', ')}`);
        } else {
          out.people = distinct(
            people.map((p) => ({ personId: p.personId.trim(), role: p.role })),
            (p) => `${p.personId}:${p.role}`,
          );
        }
        break;
      }
      case 'seriesId':
        out.seriesId = trimmedOrNull(value as string | null);
        break;
    }
  }
  return out as Pick<EventDetails, K>;
};

const cleanLinks = (field: string, value: unknown, problems: FieldError[]): EventLink[] => {
  if (!Array.isArray(value)) {
    problems.push({ field, messages: [`${field} must be a list of { url, title }`] });
    return [];
  }
  return value.flatMap((link: EventLink, i): EventLink[] => {
    if (!isHttpUrl(link?.url)) {
      problems.push({ field: `${field}[${i}].url`, messages: ['url must be an http(s) address'] });
      return [];
    }
    return [{ url: link.url, title: trimmedOrNull(link.title) }];
  });
};

const cleanParticipation = (value: Participation | undefined, problems: FieldError[]): Participation => {
  const counts: Participation['counts'] = {};
  const given = value?.counts;
  if (typeof given !== 'object' || given === null) problems.push({ field: 'participation.counts', messages: ['participation.counts is required (an empty object when nobody was counted)'] });
  else {
    for (const [category, n] of Object.entries(given)) {
      const field = `participation.counts.${category}`;
      if (!oneOf(PARTICIPANT_CATEGORIES, category)) problems.push({ field, messages: [`not a category: ${PARTICIPANT_CATEGORIES.join(', ')}`] });
      else if (!(Number.isInteger(n) && (n as number) >= 0)) problems.push({ field, messages: ['a count is a whole number, 0 or more'] });
    }
    // In the list's order, so that the same counts are written (and compared) alike.
    for (const category of PARTICIPANT_CATEGORIES) {
      const n: unknown = (given as Record<string, unknown>)[category];
      if (Number.isInteger(n) && (n as number) >= 0) counts[category] = n as number;
    }
  }
  const ids = value?.institutionIds;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id.trim())) {
    problems.push({ field: 'participation.institutionIds', messages: ['participation.institutionIds must be a list of institution ids'] });
    return { counts, institutionIds: [] };
  }
  return { counts, institutionIds: distinct(ids.map((id) => id.trim())) };
};

/** What holding records, checked; the fields given (all of them when holding). */
const cleanHeld = <K extends keyof HeldDetails>(given: Partial<HeldDetails>, fields: readonly K[], problems: FieldError[]): Pick<HeldDetails, K> => {
  const out: Partial<HeldDetails> = {};
  for (const field of fields as readonly (keyof HeldDetails)[]) {
    switch (field) {
      case 'when':
        try {
          out.when = validWhen(given.when);
        } catch (error) {
          if (error instanceof InvalidInput) problems.push(...error.errors);
          else throw error;
        }
        break;
      case 'participation':
        out.participation = cleanParticipation(given.participation, problems);
        break;
      case 'outcome':
        out.outcome = trimmedOrNull(given.outcome);
        break;
      case 'materials':
        out.materials = cleanLinks(field, given.materials, problems);
        break;
      case 'publications':
        out.publications = cleanLinks(field, given.publications, problems);
        break;
    }
  }
  return out as Pick<HeldDetails, K>;
};

const throwIfAny = (problems: FieldError[], what: string): void => {
  if (problems.length) throw new InvalidInput(what, problems);
};

/** The fields of a correction that are given (not undefined). */
const givenFields = <F extends string>(all: readonly F[], corrections: Partial<Record<F, unknown>>): F[] => all.filter((f) => corrections[f] !== undefined);

// ---- rules -----------------------------------------------------------------------------------

const requireReason = (reason: string | null | undefined, what: string): string => {
  const trimmed = reason?.trim();
  if (!trimmed) return refuse('reason-required', `${what} needs a reason`);
  return trimmed;
};

const existing = (state: EventState, eventId: string): EventRecord => {
  if (state.status === 'none') return refuse('event-not-planned', `event ${eventId} is not recorded`);
  return state;
};

const notCancelled = (event: EventRecord): EventRecord => {
  if (event.status === 'cancelled') refuse('event-cancelled', `the event was cancelled (${event.cancelReason}); it changes no more`);
  return event;
};

/** Planned or postponed: not yet held, not cancelled. */
const notYetHeld = (event: EventRecord, what: string): EventRecord => {
  notCancelled(event);
  if (event.status === 'held') refuse('event-already-held', `the event was held; ${what}`);
  return event;
};

/**
 * The rules an event's networks, institutions, series and date must keep, checked on what the
 * event will be after the command; the hosts that were not members on its date.
 */
const checkEvent = (
  details: EventDetails,
  when: When,
  today: IsoDate,
  facts: EventFacts,
  before: EventRecord | null,
  participants: readonly string[] = [],
): string[] => {
  const day = referenceDayOf(when, today, facts.yearStart);
  const knownNetworks = before ? [...before.networkIds, ...before.audienceNetworkIds] : [];
  const knownInstitutions = before ? [...before.hostIds, ...(before.held?.participation.institutionIds ?? [])] : [];
  assertNetworksOn(facts, [...details.networkIds, ...details.audienceNetworkIds], day, knownNetworks);
  assertRegistered(facts, details.hostIds, 'host', knownInstitutions);
  assertRegistered(facts, participants, 'participating institution', knownInstitutions);
  if (details.seriesId !== null) {
    const series = facts.series?.seriesId === details.seriesId ? facts.series : null;
    if (!series) refuse('series-not-established', `event series ${details.seriesId} is not established`);
    else {
      if (series.kind !== details.kind) refuse('series-kind-mismatch', `the series is of kind ${series.kind}; an event of kind ${details.kind} is not one of it`);
      if (!series.networkIds.some((id) => details.networkIds.includes(id))) {
        refuse('series-network-mismatch', `the series belongs to ${series.networkIds.join(', ')}; the event shares none of those networks`);
      }
    }
  }
  return outsideOn(facts, details.hostIds, details.networkIds, day);
};

/** A held event has a date, known at least to the academic year, and it is not after today. */
const assertHeldWhen = (when: When, today: IsoDate, facts: EventFacts): void => {
  const span = daySpanOf(when, facts.yearStart);
  if (!span) return refuse('held-date-required', 'a held event has a date: a day, a month, a year or at least the academic year');
  // To the day: it is over, so its last day has come. Less precise: it has begun, at the earliest.
  const latestDay = when.precision === 'date' ? span.last : span.first;
  if (latestDay > today) refuse('event-held-in-future', `an event held ${latestDay > span.first ? `until ${span.last}` : `on ${span.first}`} is in the future (today is ${today})`);
};

/** Drops the (aside) audience networks that are the event's own. */
const withoutOwnAudience = <D extends Partial<EventDetails>>(details: D, networkIds: readonly string[]): D =>
  details.audienceNetworkIds ? { ...details, audienceNetworkIds: details.audienceNetworkIds.filter((id) => !networkIds.includes(id)) } : details;

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value changes, with their new and earlier values. */
const changesOf = <T extends object>(current: T, proposed: Partial<T>): { corrections: Partial<T>; previous: Partial<T> } => {
  const corrections: Partial<T> = {};
  const previous: Partial<T> = {};
  for (const field of Object.keys(proposed) as (keyof T)[]) {
    const value = proposed[field];
    if (value === undefined) continue;
    const was = current[field];
    const same = field === 'when' ? sameWhen(value as When, was as When) : sameValue(value, was);
    if (!same) {
      corrections[field] = value;
      previous[field] = was;
    }
  }
  return { corrections, previous };
};

const detailsOf = (event: EventRecord): EventDetails => {
  const { kind, topic, description, networkIds, audienceNetworkIds, hostIds, format, level, audience, people, seriesId } = event;
  return { kind, topic, description, networkIds, audienceNetworkIds, hostIds, format, level, audience, people, seriesId };
};

// ---- decisions -------------------------------------------------------------------------------

const planEvent = (command: PlanEvent, state: EventState): EventEvent[] => {
  if (state.status !== 'none') refuse('event-already-planned', `event ${command.data.eventId} is already recorded`);
  const { eventId, department, today, facts } = command.data;
  const problems: FieldError[] = [];
  const cleaned = cleanDetails(command.data, EVENT_DETAIL_FIELDS, problems);
  let when: When = command.data.when;
  try {
    when = validWhen(command.data.when);
  } catch (error) {
    if (error instanceof InvalidInput) problems.push(...error.errors);
    else throw error;
  }
  const planItemIds = Array.isArray(command.data.planItemIds) ? distinct(command.data.planItemIds) : [];
  throwIfAny(problems, 'the event is invalid');
  const details = withoutOwnAudience(cleaned, cleaned.networkIds);
  const outsideHostIds = checkEvent(details, when, today, facts, null);
  return [{ type: 'EventPlanned', data: { eventId, department, ...details, when, planItemIds, outsideHostIds } }];
};

const correctEventDetails = (command: CorrectEventDetails, state: EventState): EventEvent[] => {
  const event = notYetHeld(existing(state, command.data.eventId), 'correct it as a held event, with a reason');
  const { corrections: given, today, facts } = command.data;
  const problems: FieldError[] = [];
  const cleaned: Partial<EventDetails & { when: When }> = cleanDetails(given, givenFields(EVENT_DETAIL_FIELDS, given), problems);
  if (given.when !== undefined) {
    try {
      cleaned.when = validWhen(given.when);
    } catch (error) {
      if (error instanceof InvalidInput) problems.push(...error.errors);
      else throw error;
    }
  }
  throwIfAny(problems, 'the correction is invalid');
  const details = withoutOwnAudience({ ...detailsOf(event), ...cleaned }, cleaned.networkIds ?? event.networkIds);
  const when = cleaned.when ?? event.when;
  const outsideHostIds = checkEvent(details, when, today, facts, event);
  const proposed: Partial<PlannedEventFields> = { ...cleaned, audienceNetworkIds: given.audienceNetworkIds !== undefined || cleaned.networkIds ? details.audienceNetworkIds : undefined, outsideHostIds };
  const { corrections, previous } = changesOf<PlannedEventFields>({ ...detailsOf(event), when: event.when, outsideHostIds: event.outsideHostIds }, proposed);
  if (Object.keys(corrections).every((f) => f === 'outsideHostIds')) refuse('nothing-to-change', 'the correction changes nothing');
  return [
    { type: 'EventDetailsCorrected', data: { eventId: event.eventId, networkIds: details.networkIds, corrections, previous, reason: trimmedOrNull(command.data.reason) } },
  ];
};

const postponeEvent = (command: PostponeEvent, state: EventState): EventEvent[] => {
  const event = notYetHeld(existing(state, command.data.eventId), 'a held event cannot be postponed');
  const reason = requireReason(command.data.reason, 'postponing an event');
  const when = validWhen(command.data.when);
  if (sameWhen(when, event.when)) refuse('nothing-to-change', 'the event is already planned for this date');
  const outsideHostIds = checkEvent(detailsOf(event), when, command.data.today, command.data.facts, event);
  return [{ type: 'EventPostponed', data: { eventId: event.eventId, networkIds: event.networkIds, when, previousWhen: event.when, reason, outsideHostIds } }];
};

const cancelEvent = (command: CancelEvent, state: EventState): EventEvent[] => {
  const event = existing(state, command.data.eventId);
  if (event.status === 'cancelled') refuse('event-already-cancelled', `the event was already cancelled (${event.cancelReason})`);
  if (event.status === 'held') refuse('event-already-held', 'the event was held; a held event cannot be cancelled');
  const reason = requireReason(command.data.reason, 'cancelling an event');
  return [{ type: 'EventCancelled', data: { eventId: event.eventId, networkIds: event.networkIds, reason } }];
};

const recordEventHeld = (command: RecordEventHeld, state: EventState): EventEvent[] => {
  const event = notYetHeld(existing(state, command.data.eventId), 'it is recorded once; correct it with a reason');
  const { today, facts } = command.data;
  const problems: FieldError[] = [];
  const held = cleanHeld(command.data, HELD_DETAIL_FIELDS, problems);
  throwIfAny(problems, 'the record of holding is invalid');
  assertHeldWhen(held.when, today, facts);
  const details = detailsOf(event);
  const outsideHostIds = checkEvent(details, held.when, today, facts, event, held.participation.institutionIds);
  const day = referenceDayOf(held.when, today, facts.yearStart);
  const outsideInstitutionIds = outsideOn(facts, held.participation.institutionIds, details.networkIds, day);
  return [{ type: 'EventHeld', data: { eventId: event.eventId, networkIds: event.networkIds, hostIds: event.hostIds, ...held, outsideHostIds, outsideInstitutionIds } }];
};

const correctHeldEvent = (command: CorrectHeldEvent, state: EventState): EventEvent[] => {
  const event = notCancelled(existing(state, command.data.eventId));
  if (event.status !== 'held' || !event.held) return refuse('event-not-held', 'the event has not been held; correct its details, or record its holding');
  const reason = requireReason(command.data.reason, 'a correction of a held event');
  const { corrections: given, today, facts } = command.data;
  const problems: FieldError[] = [];
  const details: Partial<EventDetails> = cleanDetails(given, givenFields(EVENT_DETAIL_FIELDS, given), problems);
  const heldGiven: Partial<HeldDetails> = cleanHeld(given, givenFields(HELD_DETAIL_FIELDS, given), problems);
  throwIfAny(problems, 'the correction is invalid');
  const current: HeldEventFields = {
    ...detailsOf(event),
    when: event.when,
    participation: event.held.participation,
    outcome: event.held.outcome,
    materials: event.held.materials,
    publications: event.held.publications,
    outsideHostIds: event.outsideHostIds,
    outsideInstitutionIds: event.held.outsideInstitutionIds,
  };
  const next = withoutOwnAudience({ ...current, ...details, ...heldGiven }, details.networkIds ?? current.networkIds);
  if (heldGiven.when) assertHeldWhen(next.when, today, facts);
  const outsideHostIds = checkEvent(next, next.when, today, facts, event, next.participation.institutionIds);
  const day = referenceDayOf(next.when, today, facts.yearStart);
  const outsideInstitutionIds = outsideOn(facts, next.participation.institutionIds, next.networkIds, day);
  const proposed: Partial<HeldEventFields> = {
    ...details,
    ...heldGiven,
    ...(details.audienceNetworkIds || details.networkIds ? { audienceNetworkIds: next.audienceNetworkIds } : {}),
    outsideHostIds,
    outsideInstitutionIds,
  };
  const { corrections, previous } = changesOf(current, proposed);
  if (Object.keys(corrections).every((f) => f === 'outsideHostIds' || f === 'outsideInstitutionIds')) refuse('nothing-to-change', 'the correction changes nothing');
  return [{ type: 'HeldEventCorrected', data: { eventId: event.eventId, networkIds: next.networkIds, corrections, previous, reason } }];
};

const linkEventToPlanItem = (command: LinkEventToPlanItem, state: EventState): EventEvent[] => {
  const event = notCancelled(existing(state, command.data.eventId));
  const planItemId = command.data.planItemId?.trim();
  if (!planItemId) throw new InvalidInput('a plan item is required', [{ field: 'planItemId', messages: ['planItemId is required'] }]);
  if (event.planItemIds.includes(planItemId)) refuse('nothing-to-change', `the event already realises plan item ${planItemId}`);
  return [{ type: 'EventLinkedToPlanItem', data: { eventId: event.eventId, networkIds: event.networkIds, planItemId, reason: trimmedOrNull(command.data.reason) } }];
};

const unlinkEventFromPlanItem = (command: UnlinkEventFromPlanItem, state: EventState): EventEvent[] => {
  const event = existing(state, command.data.eventId);
  const planItemId = command.data.planItemId?.trim();
  if (!event.planItemIds.includes(planItemId)) refuse('plan-item-not-linked', `the event does not realise plan item ${planItemId}`);
  const reason = requireReason(command.data.reason, 'unlinking an event from a plan item');
  return [{ type: 'EventUnlinkedFromPlanItem', data: { eventId: event.eventId, networkIds: event.networkIds, planItemId, reason } }];
};

export const decideEvent = (command: EventCommand, state: EventState): EventEvent[] => {
  switch (command.type) {
    case 'PlanEvent':
      return planEvent(command, state);
    case 'CorrectEventDetails':
      return correctEventDetails(command, state);
    case 'PostponeEvent':
      return postponeEvent(command, state);
    case 'CancelEvent':
      return cancelEvent(command, state);
    case 'RecordEventHeld':
      return recordEventHeld(command, state);
    case 'CorrectHeldEvent':
      return correctHeldEvent(command, state);
    case 'LinkEventToPlanItem':
      return linkEventToPlanItem(command, state);
    case 'UnlinkEventFromPlanItem':
      return unlinkEventFromPlanItem(command, state);
    default:
      return assertNever(command);
  }
};

export const eventDecider: Decider<EventState, EventCommand, EventEvent> = {
  initialState: initialEventState,
  evolve: evolveEvent,
  decide: decideEvent,
};
