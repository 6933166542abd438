import { Actor, EventMetadata, RecordedEvent } from '@app/kernel';
import { BAKHMUT, bakhmutConsilium, muryginoHeadsSeminar, plannedFrom } from '../event/event.fixtures';
import { EventSeriesEvent, eventSeriesStream } from '../event/event-series.events';
import { EventEvent, eventStream, inAcademicYear, inMonth, onDay } from '../event/event.events';

/*
 * Recorded lives of events, for the read models' specs: the events of the domain core's
 * fixtures with an envelope, each stream's revisions from 0 and positions that interleave.
 */

const OPERATOR: Actor = { id: 'operator-1', role: 'operator' };
const HEAD: Actor = { id: 'head-1', role: 'network-head' };

let clock = 0;

/** Events of one stream, recorded: revisions from 0, positions from `firstPosition` every `step`. */
export const recorded = <E extends { type: string; data: unknown }>(
  streamId: string,
  events: Array<{ event: E; at: string; actor?: Actor; reason?: string; effectiveAt?: string }>,
  firstPosition: number,
  department = 'bakhmut',
  step = 2,
): Array<RecordedEvent<E>> =>
  events.map(({ event, at, actor, reason, effectiveAt }, i) => {
    const metadata: EventMetadata = {
      actor: actor ?? OPERATOR,
      department,
      correlationId: `corr-${++clock}`,
      causationId: `cmd-${clock}`,
      commandId: `cmd-${clock}`,
      source: 'api',
      recordedAt: at,
      schemaVersion: 1,
      ...(reason ? { reason } : {}),
      ...(effectiveAt ? { effectiveAt } : {}),
    };
    return { ...event, id: `${streamId}-${i}`, streamId, revision: i, position: firstPosition + i * step, metadata } as RecordedEvent<E>;
  });

/**
 * Bakhmut's consilium: planned for 2019/2020, corrected (another topic, and ЗОШ № 1 as a second
 * host, an outside one), postponed to March 2020, held on 12 March 2020 with the kindergartens
 * № 25 and 36, its counts corrected, linked to a plan item.
 */
export const consiliumLife = (): Array<RecordedEvent<EventEvent>> => {
  const planned = plannedFrom(bakhmutConsilium());
  const id = planned.data.eventId;
  const net = [BAKHMUT.district11];
  return recorded<EventEvent>(
    eventStream(id),
    [
      { event: planned, at: '2019-09-10T08:00:00.000Z' },
      {
        event: {
          type: 'EventDetailsCorrected',
          data: {
            eventId: id,
            networkIds: net,
            corrections: { topic: 'Адаптація першокласників до навчання', hostIds: [BAKHMUT.school7, BAKHMUT.school1], outsideHostIds: [BAKHMUT.school1] },
            previous: { topic: 'Адаптація першокласників', hostIds: [BAKHMUT.school7], outsideHostIds: [] },
            reason: null,
          },
        },
        at: '2019-09-20T08:00:00.000Z',
        actor: HEAD,
      },
      {
        event: { type: 'EventPostponed', data: { eventId: id, networkIds: net, when: inMonth('2020-03'), previousWhen: inAcademicYear('2019/2020'), reason: 'Карантин', outsideHostIds: [BAKHMUT.school1] } },
        at: '2019-12-01T08:00:00.000Z',
        reason: 'Карантин',
      },
      {
        event: {
          type: 'EventHeld',
          data: {
            eventId: id,
            networkIds: net,
            hostIds: [BAKHMUT.school7, BAKHMUT.school1],
            when: onDay('2020-03-12', '10:00', '12:00'),
            participation: { counts: { teachers: 14, preschoolers: 0, heads: 3 }, institutionIds: [BAKHMUT.school7, BAKHMUT.dnz25, BAKHMUT.dnz36] },
            outcome: 'Погоджено план адаптації',
            materials: [],
            publications: [{ url: 'https://nvk11.example.org/news/1', title: 'На сайті НВК' }],
            outsideHostIds: [BAKHMUT.school1],
            outsideInstitutionIds: [BAKHMUT.dnz25, BAKHMUT.dnz36],
          },
        },
        at: '2020-03-12T15:00:00.000Z',
        effectiveAt: '2020-03-12',
      },
      {
        event: {
          type: 'HeldEventCorrected',
          data: {
            eventId: id,
            networkIds: net,
            corrections: { participation: { counts: { teachers: 16, preschoolers: 0, heads: 3 }, institutionIds: [BAKHMUT.school7, BAKHMUT.dnz25, BAKHMUT.dnz36] } },
            previous: { participation: { counts: { teachers: 14, preschoolers: 0, heads: 3 }, institutionIds: [BAKHMUT.school7, BAKHMUT.dnz25, BAKHMUT.dnz36] } },
            reason: 'Двох учителів не враховано',
          },
        },
        at: '2020-03-20T08:00:00.000Z',
        reason: 'Двох учителів не враховано',
      },
      { event: { type: 'EventLinkedToPlanItem', data: { eventId: id, networkIds: net, planItemId: 'plan-item-7', reason: null } }, at: '2020-04-01T08:00:00.000Z' },
    ],
    100,
  );
};

/** Murygino's heads' seminar, planned for a day and cancelled; in another department. */
export const cancelledSeminarLife = (): Array<RecordedEvent<EventEvent>> => {
  const planned = plannedFrom(muryginoHeadsSeminar(onDay('2021-03-15')));
  const id = planned.data.eventId;
  return recorded<EventEvent>(
    eventStream(id),
    [
      { event: planned, at: '2021-01-10T08:00:00.000Z' },
      { event: { type: 'EventCancelled', data: { eventId: id, networkIds: planned.data.networkIds, reason: 'Немає платформи' } }, at: '2021-03-01T08:00:00.000Z', reason: 'Немає платформи' },
    ],
    101,
    'pochinok',
  );
};

/** Bakhmut's yearly open-door day as a series, established and renamed. */
export const openDoorSeriesLife = (seriesId = 'series-odd'): Array<RecordedEvent<EventSeriesEvent>> =>
  recorded<EventSeriesEvent>(
    eventSeriesStream(seriesId),
    [
      { event: { type: 'EventSeriesEstablished', data: { seriesId, department: 'bakhmut', name: 'День відкритих дверей', kind: 'open-door-day', networkIds: [BAKHMUT.district11] } }, at: '2019-09-01T08:00:00.000Z' },
      { event: { type: 'EventSeriesRenamed', data: { seriesId, name: 'Єдиний день відкритих дверей', networkIds: [BAKHMUT.district11] } }, at: '2020-09-01T08:00:00.000Z' },
    ],
    50,
  );
