import type { QueryBus } from '@nestjs/cqrs';
import { NotFound, academicYearPeriod } from '@app/kernel';
import { GetParticipationTotalsQuery } from '@app/events';
import { GetNetworkPlanQuery, GetPlanFulfilmentQuery, GetPlanOverviewQuery, NetworkPlanRow } from '@app/planning';
import { DepartmentSummaryFactsReader, SummaryRequest } from './department-summary.reader';

const CLOSED = 'net-closed';
const DRAFTED = 'net-drafted';
const LATE = 'net-late';

const row = (networkId: string, over: Partial<NetworkPlanRow>): NetworkPlanRow => ({
  networkId,
  name: networkId,
  dissolvedOn: null,
  planId: `plan-${networkId}`,
  status: 'approved',
  revision: 1,
  items: { planned: 4, held: 4, cancelled: 0, carriedOver: 0, notHeld: 0, shareHeld: 1 },
  assessment: null,
  ...over,
});

/**
 * The answers the planning and events modules' queries give. In 2020/2021: a plan approved on
 * 1 October 2020 and closed (assessed) on 30 June 2021; a plan drafted on 1 March 2021 and
 * approved on 1 May 2021; a plan drafted on 1 August 2021, after the day the spec reads as of.
 */
const answers = (sent: object[]) => ({
  execute: async (query: object): Promise<unknown> => {
    sent.push(query);
    if (query instanceof GetPlanOverviewQuery) {
      const rows = query.filter.academicYear === '2020/2021' ? [row(CLOSED, { status: 'closed', assessment: { grade: 'high' } as never }), row(DRAFTED, {}), row(LATE, { status: 'draft', revision: 0 })] : [];
      return { period: academicYearPeriod(query.filter.academicYear!), periodLabel: query.filter.academicYear, networks: rows, totals: { networks: rows.length } };
    }
    if (query instanceof GetNetworkPlanQuery) {
      const asOf = query.filter.asOf;
      const plan = (status: string, draftedAt: string, closing: object | null = null) => ({ planId: `plan-${query.networkId}`, status, revision: 1, draftedAt, closing });
      if (query.networkId === CLOSED) return asOf && asOf < '2021-06-30' ? plan('approved', '2020-09-01T08:00:00Z') : plan('closed', '2020-09-01T08:00:00Z', { assessment: { grade: 'high' } });
      if (query.networkId === DRAFTED) {
        if (asOf && asOf < '2021-05-01') throw new NotFound('plan revision in force', 'x');
        return plan('approved', '2021-03-01T08:00:00Z');
      }
      if (asOf) throw new NotFound('plan revision in force', 'x');
      return { ...plan('draft', '2021-08-01T08:00:00Z'), revision: 0 };
    }
    if (query instanceof GetPlanFulfilmentQuery) {
      return { totals: { items: 4, held: query.filter.asOf ? 2 : 4, cancelled: 0, postponed: 0, carriedOver: 0, scheduled: 0, awaiting: 2, notHeld: 0, shareHeld: query.filter.asOf ? 0.5 : 1 } };
    }
    if (query instanceof GetParticipationTotalsQuery) return { events: 9, participants: 99, byKind: [], byCategory: [], heldUpTo: query.heldUpTo };
    throw new Error(`unexpected query ${query.constructor.name}`);
  },
});

describe('the department summary facts reader', () => {
  const read = async (over: Partial<SummaryRequest> = {}) => {
    const sent: object[] = [];
    const reader = new DepartmentSummaryFactsReader(answers(sent) as unknown as QueryBus);
    return { facts: await reader.read({ department: 'dept', period: academicYearPeriod('2020/2021'), position: 80, reportDate: '2021-10-25', ...over }), sent };
  };

  it('given the records at a position, when read without asOf, then the overview is planning’s own, and the totals the events module’s of the holdings recorded up to the position, each query consistent with it', async () => {
    const { facts, sent } = await read();
    expect(sent.some((q) => q instanceof GetNetworkPlanQuery)).toBe(false);
    expect(sent.every((q) => (q as { filter: { consistentWith?: number } }).filter.consistentWith === 80)).toBe(true);
    expect(facts.overview.networks.map((r) => r.status)).toEqual(['closed', 'approved', 'draft']);
    expect(facts.participation[CLOSED]).toMatchObject({ events: 9, participants: 99, heldUpTo: { position: 80, recordedBy: null } });
  });

  it('given a day, when read as of it, then each plan is as planning reads it on that day, its fulfilment as recorded by then, and the totals added up again', async () => {
    const { facts, sent } = await read({ asOf: '2021-03-31', reportDate: '2021-03-31' });
    expect(facts.overview.networks.map((r) => [r.networkId, r.status, r.planId, r.assessment, r.items.held])).toEqual([
      [CLOSED, 'approved', `plan-${CLOSED}`, null, 2],
      [DRAFTED, 'draft', `plan-${DRAFTED}`, null, 2],
      [LATE, 'none', null, null, 0],
    ]);
    expect(facts.overview.totals).toMatchObject({ networks: 3, withPlan: 2, byStatus: { approved: 1, draft: 1, closed: 0, none: 1 }, planned: 8, held: 4 });
    const asked = sent.filter((q) => q instanceof GetNetworkPlanQuery || q instanceof GetPlanFulfilmentQuery) as (GetNetworkPlanQuery | GetPlanFulfilmentQuery)[];
    expect(asked.filter((q) => q.filter.asOf === '2021-03-31').length).toBeGreaterThanOrEqual(5);
    expect(asked.every((q) => q.filter.consistentWith === 80 && q.today === '2021-03-31')).toBe(true);
  });

  it('then each network’s participants are of the holdings recorded by the position and by the end of the day, in both periods', async () => {
    const { facts, sent } = await read({ asOf: '2021-03-31', reportDate: '2021-03-31' });
    const totals = sent.filter((q) => q instanceof GetParticipationTotalsQuery) as GetParticipationTotalsQuery[];
    expect(totals.length).toBe(6);
    expect(totals.every((q) => q.heldUpTo?.position === 80 && q.heldUpTo.recordedBy === '2021-03-31' && q.filter.consistentWith === 80)).toBe(true);
    expect(facts.previousParticipation[CLOSED]).toMatchObject({ heldUpTo: { position: 80, recordedBy: '2021-03-31' } });
  });

  it('given the day a plan was closed, then it is closed with its assessment', async () => {
    const { facts } = await read({ asOf: '2021-06-30', reportDate: '2021-06-30' });
    expect(facts.overview.networks[0]).toMatchObject({ status: 'closed', assessment: { grade: 'high' } });
    expect(facts.participation[CLOSED]).toMatchObject({ heldUpTo: { position: 80, recordedBy: '2021-06-30' } });
  });
});
