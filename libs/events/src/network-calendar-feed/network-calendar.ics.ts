import { EVENT_KIND_LABELS, EVENT_STATUS_LABELS } from '../event/event-vocabulary';
import { Language } from '../event/print-when';
import { WhenOnDates } from '../event/when';
import { EventCalendarView } from '../event-calendar/event-calendar.projection';
import { Component, Property, dayAfter, escapeText, icsDate, icsLocalDateTime, icsUtc, serialize } from './ics';

/** What the feed says of itself and of what it leaves out, in the reader's language. */
const WORDS: Record<Language, { calendar: (network: string) => string; leftOut: (n: number) => string; all: string; hosts: string; outcome: string }> = {
  uk: {
    calendar: (network) => `Заходи: ${network}`,
    leftOut: (n) => `Заходи без точного дня (лише місяць, рік чи навчальний рік, або дату не визначено) у календар не внесено: ${n}. Їх видно в календарі заходів округу.`,
    all: 'Усі заходи мають точний день.',
    hosts: 'На базі',
    outcome: 'Підсумок',
  },
  ru: {
    calendar: (network) => `Мероприятия: ${network}`,
    leftOut: (n) => `Мероприятия без точного дня (только месяц, год или учебный год, либо дата не определена) в календарь не внесены: ${n}. Они есть в календаре мероприятий округа.`,
    all: 'У всех мероприятий есть точный день.',
    hosts: 'На базе',
    outcome: 'Итог',
  },
  en: {
    calendar: (network) => `Events: ${network}`,
    leftOut: (n) => `Events without an exact day (a month, a year or an academic year only, or no date yet) are left out of this feed: ${n}. The network's event calendar lists them.`,
    all: 'Every event has an exact day.',
    hosts: 'Hosted by',
    outcome: 'Outcome',
  },
};

export interface FeedInput {
  network: { id: string; name: string };
  /** The network's events (own or audience), in date order. */
  events: readonly EventCalendarView[];
  /** Names of the hosts, by id. */
  hostNames: ReadonlyMap<string, string>;
  lang: Language;
}

/** DTSTART and DTEND of a dated event: all-day dates, or local times when both ends are known. */
const datesOf = (when: WhenOnDates): Property[] => {
  const last = when.to ?? when.from;
  if (when.startTime && when.endTime) {
    return [
      { name: 'DTSTART', value: icsLocalDateTime(when.from, when.startTime) },
      { name: 'DTEND', value: icsLocalDateTime(last, when.endTime) },
    ];
  }
  // A start time alone: the event begins then, its end is not known (RFC 5545: it ends as it starts).
  if (when.startTime && when.to === null) return [{ name: 'DTSTART', value: icsLocalDateTime(when.from, when.startTime) }];
  return [
    { name: 'DTSTART', params: { VALUE: 'DATE' }, value: icsDate(when.from) },
    { name: 'DTEND', params: { VALUE: 'DATE' }, value: icsDate(dayAfter(last)) },
  ];
};

const vevent = (event: EventCalendarView & { when: WhenOnDates }, input: FeedInput): Component => {
  const words = WORDS[input.lang];
  const kind = EVENT_KIND_LABELS[event.kind][input.lang];
  const hosts = event.hostIds.map((id) => input.hostNames.get(id)).filter((n): n is string => !!n);
  const place = [...(event.format.mode !== 'online' ? hosts : []), ...(event.format.platform && event.format.mode !== 'in-person' ? [event.format.platform] : [])];
  const description = [
    event.description,
    hosts.length ? `${words.hosts}: ${hosts.join(', ')}` : null,
    `${EVENT_STATUS_LABELS[event.status][input.lang]}`,
    event.cancellation?.reason ?? null,
    event.held?.outcome ? `${words.outcome}: ${event.held.outcome}` : null,
  ].filter((line): line is string => !!line);
  return {
    name: 'VEVENT',
    properties: [
      // Stable across requests and changes: a calendar application updates the event it has.
      { name: 'UID', value: `${event.id}@okrug` },
      // With no METHOD, DTSTAMP is when the event last changed (RFC 5545 §3.8.7.2): the same on every request.
      { name: 'DTSTAMP', value: icsUtc(event.updatedAt) },
      { name: 'CREATED', value: icsUtc(event.plannedAt) },
      { name: 'LAST-MODIFIED', value: icsUtc(event.updatedAt) },
      { name: 'SEQUENCE', value: String(event.revision) },
      ...datesOf(event.when),
      { name: 'SUMMARY', value: escapeText(`${kind[0].toLocaleUpperCase(input.lang)}${kind.slice(1)}: ${event.topic}`) },
      ...(description.length ? [{ name: 'DESCRIPTION', value: escapeText(description.join('\n')) }] : []),
      ...(place.length ? [{ name: 'LOCATION', value: escapeText(place.join(', ')) }] : []),
      ...(event.format.link ? [{ name: 'URL', params: { VALUE: 'URI' }, value: event.format.link }] : []),
      { name: 'STATUS', value: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED' },
      { name: 'TRANSP', value: 'TRANSPARENT' },
    ],
  };
};

const isDated = (event: EventCalendarView): event is EventCalendarView & { when: WhenOnDates } => event.when.precision === 'date';

/**
 * A network's calendar as an iCalendar object that a calendar application can subscribe to.
 * Only events known to the day are in it: a calendar application needs a day, and the feed
 * never invents one, so an event known to the month, the year or the academic year only, or
 * not dated yet, is left out, and the calendar's description says how many were.
 */
export const networkCalendarIcs = (input: FeedInput): string => {
  const words = WORDS[input.lang];
  const dated = input.events.filter(isDated);
  const leftOut = input.events.length - dated.length;
  const name = escapeText(words.calendar(input.network.name));
  const about = escapeText(leftOut ? words.leftOut(leftOut) : words.all);
  return serialize({
    name: 'VCALENDAR',
    properties: [
      { name: 'VERSION', value: '2.0' },
      { name: 'PRODID', value: '-//okrug//network events//EN' },
      { name: 'CALSCALE', value: 'GREGORIAN' },
      { name: 'NAME', value: name },
      { name: 'X-WR-CALNAME', value: name },
      { name: 'DESCRIPTION', value: about },
      { name: 'X-WR-CALDESC', value: about },
      { name: 'REFRESH-INTERVAL', params: { VALUE: 'DURATION' }, value: 'PT1H' },
      { name: 'X-PUBLISHED-TTL', value: 'PT1H' },
    ],
    components: dated.map((event) => vevent(event, input)),
  });
};
