import type { QueryBus } from '@nestjs/cqrs';
import { GetInstitutionEventsQuery, onDay } from '@app/events';
import { GetAcademicYearStartQuery, GetInstitutionHistoryQuery, GetInstitutionMembershipsQuery, GetInstitutionQuery } from '@app/networks';
import { InstitutionProfileFactsReader, ProfileRequest } from './institution-profile.reader';

const INSTITUTION = 'i-7';

/** A history entry as the networks module answers it: what changed, from what, at which position and when recorded. */
const entry = (type: string, position: number, recordedAt: string, effectiveAt: string | null, changes: { field: string; from: unknown; to: unknown }[]) => ({
  eventId: `e-${position}`,
  type,
  revision: position,
  position,
  recordedAt,
  effectiveAt,
  actor: { id: 'admin', role: 'admin' },
  source: 'api',
  reason: null,
  correlationId: 'c',
  changes,
});

/** An event it hosted, held, its holding recorded at `recordedAt`. */
const hosted = (id: string, recordedAt: string) => ({
  id,
  kind: 'open-lesson',
  topic: `Урок ${id}`,
  when: onDay('2021-03-10'),
  status: 'held',
  held: { participation: { counts: {}, institutionIds: [] }, participantTotal: 0, outsideInstitutionIds: [], outcome: null, materials: [], publications: [], recordedAt },
  involvement: { hosted: true, outsideHost: false, tookPart: false, outsideParticipant: false },
});

/** The answers the networks and events modules' queries give: a school renamed in 2021 (position 30) and closed in 2023 (position 60). */
const answers = (sent: object[]) => ({
  execute: async (query: object): Promise<unknown> => {
    sent.push(query);
    if (query instanceof GetAcademicYearStartQuery) return { month: 9, day: 1 };
    if (query instanceof GetInstitutionQuery) {
      return { id: INSTITUTION, fullName: 'Ліцей № 7', shortName: 'Ліцей № 7', settlement: 'м. Бахмут', status: 'closed', closedOn: '2023-06-30', kind: 'lyceum' };
    }
    if (query instanceof GetInstitutionHistoryQuery) {
      return {
        institutionId: INSTITUTION,
        entries: [
          entry('InstitutionRegistered', 10, '2019-08-01T08:00:00Z', null, [
            { field: 'fullName', from: null, to: 'ЗОШ № 7' },
            { field: 'shortName', from: null, to: 'ЗОШ № 7' },
          ]),
          entry('InstitutionRenamed', 30, '2021-08-20T08:00:00Z', '2021-09-01', [
            { field: 'fullName', from: 'ЗОШ № 7', to: 'Ліцей № 7' },
            { field: 'shortName', from: 'ЗОШ № 7', to: 'Ліцей № 7' },
          ]),
          entry('InstitutionClosed', 60, '2023-07-01T08:00:00Z', '2023-06-30', [
            { field: 'status', from: 'open', to: 'closed' },
            { field: 'closedOn', from: null, to: '2023-06-30' },
          ]),
        ],
      };
    }
    if (query instanceof GetInstitutionMembershipsQuery) {
      return {
        institutionId: INSTITUTION,
        memberships: [
          { networkId: 'n-1', networkName: 'Попередній округ', kind: 'educational-district', role: 'member', from: '2017-09-01', to: '2019-09-01', wasAnchor: false },
          { networkId: 'n-2', networkName: 'Округ НВК № 11', kind: 'educational-district', role: 'member', from: '2019-09-01', to: '2023-06-30', wasAnchor: false },
          { networkId: 'n-3', networkName: 'Новий округ', kind: 'educational-district', role: 'partner', from: '2023-09-01', to: null, wasAnchor: false },
        ],
      };
    }
    if (query instanceof GetInstitutionEventsQuery) return { items: [hosted('early', '2021-03-11T08:00:00Z'), hosted('late', '2022-02-01T08:00:00Z')] };
    throw new Error(`unexpected query ${query.constructor.name}`);
  },
});

describe('the institution profile facts reader', () => {
  const read = async (over: Partial<ProfileRequest> = {}) => {
    const sent: object[] = [];
    const reader = new InstitutionProfileFactsReader(answers(sent) as unknown as QueryBus);
    return { facts: await reader.read({ department: 'dept', institutionId: INSTITUTION, position: 100, reportDate: '2023-10-25', ...over }), sent };
  };

  it('given the records at a position, when read without asOf, then every query waits for it, and the institution, its renames, stays and events are as recorded', async () => {
    const { facts, sent } = await read();
    const waited = sent.flatMap((q) => {
      const c = q as { consistentWith?: number; filter?: { consistentWith?: number } };
      return q instanceof GetAcademicYearStartQuery ? [] : [c.consistentWith ?? c.filter?.consistentWith];
    });
    expect(new Set(waited)).toEqual(new Set([100]));
    expect(facts.institution).toMatchObject({ fullName: 'Ліцей № 7', status: 'closed', closedOn: '2023-06-30' });
    expect(facts.renames).toEqual([{ on: '2021-09-01', fullName: 'ЗОШ № 7', shortName: 'ЗОШ № 7' }]);
    expect(facts.memberships.map((m) => [m.networkId, m.to])).toEqual([
      ['n-1', '2019-09-01'],
      ['n-2', '2023-06-30'],
      ['n-3', null],
    ]);
    expect(facts.events.map((e) => e.eventId)).toEqual(['early', 'late']);
  });

  it('given a day, when read as of it, then what was recorded later is undone, the stays are those of that day, and only the holdings recorded by then are in', async () => {
    const { facts, sent } = await read({ asOf: '2021-06-30', reportDate: '2021-06-30' });
    // Renamed (recorded 20 August 2021) and closed later: the school as it stood.
    expect(facts.institution).toMatchObject({ fullName: 'ЗОШ № 7', shortName: 'ЗОШ № 7', status: 'open', closedOn: null });
    expect(facts.renames).toEqual([]);
    // The stay in NVK No. 11's district still lasted on that day; the later one had not begun.
    expect(facts.memberships.map((m) => [m.networkId, m.to])).toEqual([
      ['n-1', '2019-09-01'],
      ['n-2', null],
    ]);
    expect(facts.events.map((e) => e.eventId)).toEqual(['early']);
    expect(facts.reportDate).toBe('2021-06-30');
    expect((sent.find((q) => q instanceof GetInstitutionEventsQuery) as GetInstitutionEventsQuery).filter).toMatchObject({ status: 'held', consistentWith: 100 });
  });

  it('given an older position, then the history’s entries after it are undone (its registration never)', async () => {
    const { facts } = await read({ position: 50 });
    expect(facts.institution).toMatchObject({ fullName: 'Ліцей № 7', status: 'open', closedOn: null });
    expect(facts.renames).toHaveLength(1);
    const { facts: first } = await read({ position: 5 });
    expect(first.institution).toMatchObject({ fullName: 'ЗОШ № 7', shortName: 'ЗОШ № 7' });
  });
});
