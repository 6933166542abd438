import { UpcasterRegistry, concernsOf, describeEvent, effectiveOnOf, eventTypes, metadataExtrasOf } from '@app/kernel';
import { identityEvents } from '@app/identity';
import { networksEvents } from '@app/networks';
import { personEvents } from '@app/personal-data';
import { BAKHMUT, MURYGINO, bakhmutConsilium, muryginoHeadsSeminar, plannedFrom } from './event/event.fixtures';
import { EventsEvent, eventsEvents } from './events.events';
import { inAcademicYear, inMonth, onDay } from './event/when';

const seminar = plannedFrom(muryginoHeadsSeminar(onDay('2021-03-15')));
const consilium = bakhmutConsilium();
const withPeople = plannedFrom(
  { ...consilium, data: { ...consilium.data, hostIds: [BAKHMUT.school7, BAKHMUT.university], seriesId: 'consilium-series', people: [{ personId: 'p-7', role: 'speaker' }] } },
  [BAKHMUT.university],
);

/** One event of every type. */
const samples: EventsEvent[] = [
  withPeople,
  {
    type: 'EventDetailsCorrected',
    data: { eventId: 'e', networkIds: [BAKHMUT.district11], corrections: { hostIds: [BAKHMUT.school1] }, previous: { hostIds: [BAKHMUT.school7] }, reason: null },
  },
  { type: 'EventPostponed', data: { eventId: 'e', networkIds: [MURYGINO.district3], when: inMonth('2021-04'), previousWhen: onDay('2021-03-15'), reason: 'Карантин', outsideHostIds: [] } },
  { type: 'EventCancelled', data: { eventId: 'e', networkIds: [MURYGINO.district3], reason: 'Карантин' } },
  {
    type: 'EventHeld',
    data: {
      eventId: 'e',
      networkIds: [BAKHMUT.district11],
      hostIds: [BAKHMUT.school7],
      when: onDay('2020-02-12'),
      participation: { counts: { teachers: 9, preschoolers: 30 }, institutionIds: [BAKHMUT.school7, BAKHMUT.dnz25] },
      outcome: null,
      materials: [],
      publications: [],
      outsideHostIds: [],
      outsideInstitutionIds: [BAKHMUT.dnz25],
    },
  },
  {
    type: 'HeldEventCorrected',
    data: {
      eventId: 'e',
      networkIds: [BAKHMUT.district11],
      corrections: { people: [{ personId: 'p-8', role: 'speaker' }] },
      previous: { people: [{ personId: 'p-7', role: 'speaker' }] },
      reason: 'Другой докладчик',
    },
  },
  { type: 'EventLinkedToPlanItem', data: { eventId: 'e', networkIds: [MURYGINO.district3], planItemId: 'item-1', reason: null } },
  { type: 'EventUnlinkedFromPlanItem', data: { eventId: 'e', networkIds: [MURYGINO.district3], planItemId: 'item-1', reason: 'Другой пункт' } },
  { type: 'EventSeriesEstablished', data: { seriesId: 's', department: 'remontnoye', name: 'Единый день открытых дверей', kind: 'open-door-day', networkIds: ['central'] } },
  { type: 'EventSeriesRenamed', data: { seriesId: 's', name: 'День открытых дверей', networkIds: ['central'] } },
];

describe('the events module’s event contracts', () => {
  it('join the other modules’ in one registry: no event type has two contracts', () => {
    expect(() => UpcasterRegistry.of(identityEvents, networksEvents, personEvents, eventsEvents)).not.toThrow();
  });

  it('has a sample of every type here', () => {
    expect([...new Set(samples.map((e) => e.type))].sort()).toEqual(eventTypes(eventsEvents).sort());
  });

  it('give a held event the day it was held, when it is known to the day, and no day otherwise', () => {
    expect(samples.map((e) => [e.type, effectiveOnOf(eventsEvents, e)]).filter(([, on]) => on !== null)).toEqual([['EventHeld', '2020-02-12']]);
    const held = samples[4] as Extract<EventsEvent, { type: 'EventHeld' }>;
    expect(effectiveOnOf(eventsEvents, { ...held, data: { ...held.data, when: inAcademicYear('2019/2020') } })).toBeNull();
    expect(metadataExtrasOf(eventsEvents, samples[3])).toEqual({ reason: 'Карантин' });
  });

  it('name everything an event concerns: the event, its networks, hosts, series and people, by id', () => {
    expect(concernsOf(eventsEvents, withPeople)).toEqual([
      { kind: 'event', id: consilium.data.eventId },
      { kind: 'network', id: BAKHMUT.district11 },
      { kind: 'institution', id: BAKHMUT.school7 },
      { kind: 'institution', id: BAKHMUT.university },
      { kind: 'event-series', id: 'consilium-series' },
      { kind: 'person', id: 'p-7' },
    ]);
    // A correction concerns what it removes as well as what it adds.
    expect(concernsOf(eventsEvents, samples[1], 'institution')).toEqual([
      { kind: 'institution', id: BAKHMUT.school1 },
      { kind: 'institution', id: BAKHMUT.school7 },
    ]);
    expect(concernsOf(eventsEvents, samples[5], 'person').map((r) => r.id)).toEqual(['p-8', 'p-7']);
    // The participating institutions of a holding, each once.
    expect(concernsOf(eventsEvents, samples[4], 'institution').map((r) => r.id)).toEqual([BAKHMUT.school7, BAKHMUT.dnz25]);
    expect(concernsOf(eventsEvents, samples[9])).toEqual([
      { kind: 'event-series', id: 's' },
      { kind: 'network', id: 'central' },
    ]);
    for (const e of samples) expect(concernsOf(eventsEvents, e, 'network').length).toBeGreaterThan(0);
  });

  it('describe every event in Ukrainian, Russian and English, with its date as a report prints it', () => {
    expect(describeEvent(eventsEvents, seminar)).toEqual({
      uk: `Заплановано семінар «${seminar.data.topic}», 15 березня 2021 р.`,
      ru: `Запланировано: семинар «${seminar.data.topic}», 15 марта 2021 г.`,
      en: `Planned: seminar «${seminar.data.topic}», 15 March 2021`,
    });
    expect(describeEvent(eventsEvents, samples[2])).toEqual({ uk: 'Захід перенесено: у квітні 2021 р.', ru: 'Мероприятие перенесено: в апреле 2021 г.', en: 'Event postponed: in April 2021' });
    expect(describeEvent(eventsEvents, samples[4]).ru).toBe('Мероприятие проведено 12 февраля 2020 г. (участников: 39)');
    for (const e of samples) {
      const text = describeEvent(eventsEvents, e);
      expect([text.uk, text.ru, text.en].every((t) => t.trim().length > 0)).toBe(true);
    }
  });
});
