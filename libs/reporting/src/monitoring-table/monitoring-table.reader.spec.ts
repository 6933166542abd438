import type { QueryBus } from '@nestjs/cqrs';
import { academicYearPeriod } from '@app/kernel';
import { ListEventSeriesQuery, ListEventsQuery, When, inMonth, onDay } from '@app/events';
import { GetAcademicYearStartQuery, GetInstitutionQuery, GetNetworkQuery } from '@app/networks';
import { MonitoringRequest, MonitoringTableFactsReader } from './monitoring-table.reader';

const NET = 'net-1';

/** An event as the calendar answers it: held, its holding recorded at `recordedAt`. */
const heldEvent = (id: string, seriesId: string | null, recordedAt: string, when: When = onDay('2021-11-15')) => ({
  id,
  kind: 'seminar',
  topic: `Тема ${id}`,
  seriesId,
  when,
  hostIds: ['i-1'],
  networkIds: [NET],
  status: 'held',
  held: { participation: { counts: {}, institutionIds: [] }, participantTotal: 0, outsideInstitutionIds: [], outcome: null, materials: [], publications: [], recordedAt },
});

/** The answers the events and networks modules' queries give, by query: what the reader is handed over the bus. */
const answers = (sent: object[]) => ({
  execute: async (query: object): Promise<unknown> => {
    sent.push(query);
    if (query instanceof GetAcademicYearStartQuery) return { month: 9, day: 1 };
    if (query instanceof GetNetworkQuery) return { id: NET, name: 'Освітній округ № 2' };
    if (query instanceof ListEventSeriesQuery) {
      return {
        items: [
          // Renamed on 1 June 2022; established in 2021.
          { id: 's-1', name: 'Методичні наради', kind: 'seminar', networkIds: [NET], establishedAt: '2021-09-01T08:00:00Z', names: [{ name: 'Наради', recordedAt: '2021-09-01T08:00:00Z' }, { name: 'Методичні наради', recordedAt: '2022-06-01T08:00:00Z' }] },
          // Established on 1 May 2022.
          { id: 's-2', name: 'Відкриті уроки', kind: 'open-lesson', networkIds: [NET], establishedAt: '2022-05-01T08:00:00Z', names: [{ name: 'Відкриті уроки', recordedAt: '2022-05-01T08:00:00Z' }] },
        ],
      };
    }
    if (query instanceof ListEventsQuery) {
      return {
        items: [
          heldEvent('early', 's-1', '2021-11-16T09:00:00Z'),
          // Held in November 2021, its holding recorded only in June 2022.
          heldEvent('late', 's-1', '2022-06-10T09:00:00Z', inMonth('2021-11')),
          heldEvent('lesson', 's-2', '2022-05-20T09:00:00Z', onDay('2022-05-20')),
        ],
      };
    }
    if (query instanceof GetInstitutionQuery) return { id: 'i-1', shortName: 'Ліцей № 4', fullName: 'Ліцей № 4' };
    throw new Error(`unexpected query ${query.constructor.name}`);
  },
});

describe('the monitoring table facts reader', () => {
  const read = async (over: Partial<MonitoringRequest> = {}) => {
    const sent: object[] = [];
    const reader = new MonitoringTableFactsReader(answers(sent) as unknown as QueryBus);
    const request: MonitoringRequest = { department: 'dept', networkId: NET, periods: [academicYearPeriod('2021/2022')], position: 50, reportDate: '2022-10-25', ...over };
    return { facts: await reader.read(request), sent };
  };

  it('given the records at a position, when read without asOf, then every query waits for that position and everything held is in', async () => {
    const { facts, sent } = await read();
    const waited = sent.flatMap((q) => {
      const c = q as { consistentWith?: number; filter?: { consistentWith?: number } };
      return q instanceof GetAcademicYearStartQuery ? [] : [c.consistentWith ?? c.filter?.consistentWith];
    });
    expect(new Set(waited)).toEqual(new Set([50]));
    expect(facts.series.map((s) => [s.seriesId, s.name])).toEqual([
      ['s-1', 'Методичні наради'],
      ['s-2', 'Відкриті уроки'],
    ]);
    expect(facts.events.map((e) => e.eventId)).toEqual(['early', 'late', 'lesson']);
    expect(facts).toMatchObject({ position: 50, reportDate: '2022-10-25', institutionNames: { 'i-1': 'Ліцей № 4' } });
  });

  it('given a day, when read as of it, then only the holdings recorded by its end are in, and the series established by then under the name they had', async () => {
    const { facts, sent } = await read({ asOf: '2022-01-31', reportDate: '2022-01-31' });
    expect(facts.events.map((e) => e.eventId)).toEqual(['early']);
    expect(facts.series.map((s) => [s.seriesId, s.name])).toEqual([['s-1', 'Наради']]);
    expect(facts.reportDate).toBe('2022-01-31');
    // Still at the position: the day filters, the position is what the read models wait for.
    expect((sent.find((q) => q instanceof ListEventsQuery) as ListEventsQuery).filter).toMatchObject({ status: 'held', consistentWith: 50 });
  });

  it('given the day a holding was recorded, then it is in (the whole day counts)', async () => {
    const { facts } = await read({ asOf: '2022-06-10' });
    expect(facts.events.map((e) => e.eventId)).toEqual(['early', 'late', 'lesson']);
    expect(facts.series.map((s) => s.name)).toEqual(['Методичні наради', 'Відкриті уроки']);
  });
});
