import type { QueryBus } from '@nestjs/cqrs';
import { FixedClock, NotFound, academicYearPeriod } from '@app/kernel';
import { GetEventQuery, ListEventsQuery, When, inAcademicYear, inMonth } from '@app/events';
import { GetAcademicYearStartQuery, GetChangesQuery, GetCompositionQuery, GetInstitutionQuery, GetNetworkQuery, GetTimelineQuery } from '@app/networks';
import { GetNetworkPlanQuery, GetPlanFulfilmentQuery } from '@app/planning';
import type { PersonalDataVault } from '@app/personal-data';
import { AnnualAnalysisFactsReader } from './annual-analysis-facts.reader';

const NET = 'net-1';
const OTHER = 'net-0';

/** The answers the other modules' queries give, by query: what the reader is handed over the bus. */
const answers = (sent: object[]) => ({
  execute: async (query: object): Promise<unknown> => {
    sent.push(query);
    if (query instanceof GetAcademicYearStartQuery) return { month: 9, day: 1 };
    if (query instanceof GetNetworkQuery) {
      if (query.networkId === NET) return { id: NET, name: 'Освітній округ № 2', kind: 'educational-district', number: '2', reportingPeriod: 'academic-year', status: 'active', dissolvedOn: null };
      if (query.networkId === OTHER) return { id: OTHER, name: 'Освітній округ № 1', kind: 'educational-district', number: '1' };
      throw new NotFound('network', query.networkId);
    }
    if (query instanceof GetCompositionQuery) {
      return { on: query.on, anchor: null, head: { personId: 'p-1', position: 'Керівник округу', since: '2020-09-01' }, members: [{ institutionId: 'i-1', role: 'member', since: '2020-09-01' }] };
    }
    if (query instanceof GetChangesQuery) {
      const all = [
        { change: 'moved-in', institutionId: 'i-1', on: '2020-09-01', role: 'member', otherNetworkId: OTHER, reason: 'merge', recordedAt: '2020-08-01T10:00:00Z', actor: { id: 'a', role: 'admin' } },
        { change: 'left', institutionId: 'i-2', on: '2021-02-01', reason: 'closed', recordedAt: '2021-03-05T10:00:00Z', actor: { id: 'a', role: 'admin' } },
      ];
      // one change a page, to see the reader follow `more`
      const offset = query.period.offset ?? 0;
      return { changes: all.slice(offset, offset + 1), more: offset + 1 < all.length };
    }
    if (query instanceof GetTimelineQuery) {
      const entries = [
        { type: 'NetworksMerged', position: 10, recordedAt: '2020-08-01T10:00:00Z', reason: 'merge', data: { networkId: OTHER, intoNetworkId: NET, on: '2020-09-01', moved: [] } },
        { type: 'HeadAppointed', position: 11, recordedAt: '2020-08-02T10:00:00Z', reason: null, data: { networkId: NET, personId: 'p-1', position: 'Керівник округу', appointedOn: '2020-09-01' } },
        { type: 'NetworkRenamed', position: 99, recordedAt: '2020-08-03T10:00:00Z', reason: null, data: { networkId: NET, name: 'Новий', renamedOn: '2020-10-01' } },
      ];
      return query.after === undefined ? { entries: entries.slice(0, 2), next: 11 } : { entries: entries.slice(2), next: null };
    }
    if (query instanceof GetNetworkPlanQuery) throw new NotFound('plan', 'x');
    if (query instanceof GetPlanFulfilmentQuery) throw new Error('no plan, so no fulfilment is asked for');
    if (query instanceof ListEventsQuery) {
      const event = (id: string, networkIds: string[], recordedAt: string, when: When = inAcademicYear('2020/2021')) => ({
        id,
        kind: 'seminar',
        topic: id,
        description: null,
        networkIds,
        audienceNetworkIds: [],
        hostIds: ['i-1'],
        outsideHostIds: [],
        when,
        seriesId: null,
        format: { mode: 'in-person', platform: null, link: null },
        level: 'network',
        audience: [],
        people: [],
        planItemIds: [],
        status: 'held',
        held: { participation: { counts: { teachers: 4 }, institutionIds: [] }, participantTotal: 4, outsideInstitutionIds: [], outcome: null, materials: [], publications: [], recordedAt },
      });
      const all = [event('own', [NET], '2020-11-01T10:00:00Z', inMonth('2020-11')), event('late', [NET], '2021-03-10T10:00:00Z'), event('audience-only', [OTHER], '2020-11-01T10:00:00Z')];
      // two events a page, to see the reader follow the pages
      const offset = query.filter.offset ?? 0;
      return { items: all.slice(offset, offset + 2), total: all.length };
    }
    if (query instanceof GetInstitutionQuery) {
      if (query.institutionId === 'i-1') return { id: 'i-1', shortName: 'Ліцей № 4', fullName: 'Ліцей № 4', kind: 'lyceum' };
      throw new NotFound('institution', query.institutionId);
    }
    if (query instanceof GetEventQuery) throw new NotFound('event', query.eventId);
    throw new Error(`unexpected query ${query.constructor.name}`);
  },
});

const vault = { lookup: async () => new Map([['p-1', { personId: 'p-1', status: 'present', fullName: 'Н. В. Коваль' }]]) } as unknown as PersonalDataVault;

describe('the annual analysis facts reader', () => {
  const read = async (basis: { position: number; asOf?: string }) => {
    const sent: object[] = [];
    const reader = new AnnualAnalysisFactsReader(answers(sent) as unknown as QueryBus, vault, new FixedClock(new Date('2021-10-25T08:00:00Z')));
    return { facts: await reader.read('dept', NET, academicYearPeriod('2020/2021'), basis), sent };
  };

  it('given the records at a position, then every query waits for that position, the composition is of the period’s last day and the pages are followed', async () => {
    const { facts, sent } = await read({ position: 50 });
    const waited = sent.flatMap((q) => {
      const c = q as { consistentWith?: number; filter?: { consistentWith?: number }; period?: { consistentWith?: number } };
      return q instanceof GetAcademicYearStartQuery ? [] : [c.consistentWith ?? c.filter?.consistentWith ?? c.period?.consistentWith];
    });
    expect(new Set(waited)).toEqual(new Set([50]));
    expect(facts.composition.on).toBe('2021-08-31');
    expect(sent.filter((q) => q instanceof GetChangesQuery)).toHaveLength(2);
    expect(sent.filter((q) => q instanceof GetTimelineQuery)).toHaveLength(2);
    expect(sent.filter((q) => q instanceof ListEventsQuery)).toHaveLength(2);
    expect(facts.basis).toEqual({ position: 50, asOf: null, gatheredOn: '2021-10-25' });
  });

  it('then a move made by a merge says so; the head’s name is the vault’s; a timeline entry after the position is left out', async () => {
    const { facts } = await read({ position: 50 });
    expect(facts.changes.map((c) => [c.change, c.on, c.by])).toEqual([
      ['moved-in', '2020-09-01', 'merge'],
      ['head-appointed', '2020-09-01', null],
      ['left', '2021-02-01', null],
    ]);
    expect(facts.changes[1].head).toEqual({ personId: 'p-1', position: 'Керівник округу', name: 'Н. В. Коваль', erased: false });
    expect(facts.composition.head).toMatchObject({ name: 'Н. В. Коваль', erased: false });
    expect(facts.networks).toEqual({ [OTHER]: { name: 'Освітній округ № 1', kind: 'educational-district', number: '1' } });
  });

  it('then the events are those the network holds itself (not those it is only the audience of), added up', async () => {
    const { facts } = await read({ position: 50 });
    expect(facts.eventsHeld.map((e) => e.eventId)).toEqual(['own', 'late']);
    expect(facts.participation).toEqual({ events: 2, participants: 8, byCategory: [{ category: 'teachers', count: 8 }], byKind: [{ kind: 'seminar', events: 2 }] });
    expect(facts.plan).toBeNull();
    expect(facts.institutions).toEqual({ 'i-1': { shortName: 'Ліцей № 4', fullName: 'Ліцей № 4', kind: 'lyceum' } });
  });

  it('given a day to read the records as of, then the composition is of that day, and what was recorded later is left out', async () => {
    const { facts, sent } = await read({ position: 50, asOf: '2021-03-01' });
    expect(facts.composition.on).toBe('2021-03-01');
    expect((sent.find((q) => q instanceof GetNetworkPlanQuery) as GetNetworkPlanQuery).filter.asOf).toBe('2021-03-01');
    expect((sent.find((q) => q instanceof GetChangesQuery) as GetChangesQuery).period.to).toBe('2021-03-01');
    expect(facts.changes.map((c) => c.change)).toEqual(['moved-in', 'head-appointed']);
    expect(facts.eventsHeld.map((e) => e.eventId)).toEqual(['own']);
    expect(facts.basis.asOf).toBe('2021-03-01');
  });
});
