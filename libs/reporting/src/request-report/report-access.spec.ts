import { CommandContext, Forbidden } from '@app/kernel';
import type { ReportSpec } from '../report/report.events';
import { assertMayProfile, assertMayRequest } from './report-access';

const NETWORK = '0190a1b2-0000-7000-8000-00000000b001';
const OTHER = '0190a1b2-0000-7000-8000-00000000b002';
const period = { kind: 'academic-year', academicYear: '2020/2021' } as const;

const as = (role: string, networkIds?: string[]): CommandContext =>
  ({ actor: { id: role, role }, department: 'murygino', commandId: 'c', correlationId: 'c', source: 'api', receivedAt: new Date('2021-10-25T06:00:00Z'), networkIds }) as CommandContext;

const analysis = (networkId = NETWORK): ReportSpec => ({ report: 'annual-analysis', parameters: { networkId, period, language: 'ru', asOf: null } });
const table = (networkId: string | null = NETWORK): ReportSpec => ({
  report: 'monitoring-table',
  parameters: { networkId, periods: { kind: 'calendar-year', from: 2020, to: 2022 }, rowsBy: 'series', language: 'ru', asOf: null },
});
const summary: ReportSpec = { report: 'department-summary', parameters: { period, language: 'ru', asOf: null } };
const profile: ReportSpec = { report: 'institution-profile', parameters: { institutionId: 'i', from: null, to: null, language: 'ru', asOf: null } };

describe('who may ask for which report', () => {
  it('given an admin or an operator, when they ask for any kind, then nothing is refused', () => {
    for (const role of ['admin', 'operator']) {
      for (const spec of [analysis(OTHER), table(null), table(OTHER), summary, profile]) expect(() => assertMayRequest(as(role), spec)).not.toThrow();
      expect(() => assertMayProfile(as(role), [])).not.toThrow();
    }
  });

  it('given a network head, when it asks for its own network’s analysis or table, then it may; another network’s, then 403', () => {
    const head = as('network-head', [NETWORK]);
    expect(() => assertMayRequest(head, analysis())).not.toThrow();
    expect(() => assertMayRequest(head, table())).not.toThrow();
    expect(() => assertMayRequest(head, analysis(OTHER))).toThrow(Forbidden);
    expect(() => assertMayRequest(head, table(OTHER))).toThrow(Forbidden);
  });

  it('given a network head, when it asks for the whole department’s table or the department summary, then 403', () => {
    const head = as('network-head', [NETWORK]);
    expect(() => assertMayRequest(head, table(null))).toThrow('the monitoring table of the whole department is asked for by operators and admins');
    expect(() => assertMayRequest(head, summary)).toThrow('the department summary covers every network');
  });

  it('given a network head, when it asks for a profile, then it may for an institution that is or was in its networks, else 403', () => {
    const head = as('network-head', [NETWORK]);
    expect(() => assertMayRequest(head, profile)).not.toThrow();
    expect(() => assertMayProfile(head, [{ networkId: OTHER }, { networkId: NETWORK }])).not.toThrow();
    expect(() => assertMayProfile(head, [{ networkId: OTHER }])).toThrow(Forbidden);
    expect(() => assertMayProfile(head, [])).toThrow(Forbidden);
    expect(() => assertMayProfile(as('network-head'), [{ networkId: NETWORK }])).toThrow(Forbidden);
  });
});
