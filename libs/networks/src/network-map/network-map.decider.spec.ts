import { InvalidInput, RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { NetworkMapEvent, NetworkRegistered, networkMapDecider, evolveNetworkMap, initialNetworkMapState } from './network-map.decider';

const spec = DeciderSpecification.for(networkMapDecider);

const district = (networkId: string, name: string, number: string | null = null): NetworkRegistered => ({
  type: 'NetworkRegistered',
  data: { networkId, department: 'bakhmut', kind: 'educational-district', name, number, description: null, website: null },
});
const admitted = (networkId: string, institutionId: string, from: string, role: 'member' | 'partner' = 'member'): NetworkMapEvent => ({
  type: 'MemberAdmitted',
  data: { networkId, institutionId, role, from },
});
const open = (institutionId: string) => ({ institutionId, closedOn: null });

const D11 = district('d-11', 'Освітній округ НВК № 11');
const D5 = district('d-5', 'Освітній округ ЗОШ № 5');
const history: NetworkMapEvent[] = [
  D11,
  D5,
  admitted('d-11', 'nvk-11', '2018-09-01'),
  { type: 'AnchorSet', data: { networkId: 'd-11', institutionId: 'nvk-11', from: '2018-09-01' } },
  admitted('d-5', 'school-7', '2018-09-01'),
];

describe('network map decider', () => {
  describe('registering networks', () => {
    it('registers a network', () => {
      spec.given([]).when({ type: 'RegisterNetwork', data: D11.data }).then([D11]);
    });
    it('refuses a second active network with the same name and number', () => {
      spec.given([D11]).when({ type: 'RegisterNetwork', data: { ...D11.data, networkId: 'd-other' } }).thenThrows(RuleViolated, /already exists/);
    });
    it('refuses to register the same id twice', () => {
      spec.given([D11]).when({ type: 'RegisterNetwork', data: { ...D11.data, name: 'Інший' } }).thenThrows(RuleViolated, /already registered/);
    });
  });

  describe('a network’s reporting period', () => {
    const COUNCIL: NetworkRegistered = {
      type: 'NetworkRegistered',
      data: { networkId: 'c-1', department: 'bakhmut', kind: 'educational-district', reportingPeriod: 'calendar-year', name: 'Рада директорів', number: null, description: null, website: null },
    };
    const periodOf = (events: NetworkMapEvent[], networkId: string) => events.reduce(evolveNetworkMap, initialNetworkMapState()).networks[networkId].reportingPeriod;

    it('registers a network that reports by calendar year, recording it; one registered without it reports by academic year', () => {
      spec.given([]).when({ type: 'RegisterNetwork', data: COUNCIL.data }).then([COUNCIL]);
      expect(periodOf([COUNCIL], 'c-1')).toBe('calendar-year');
      // Every registration recorded before the setting existed has no reportingPeriod.
      expect(periodOf([D11], 'd-11')).toBe('academic-year');
    });
    it('refuses a registration with an unknown reporting period (400 on the field)', () => {
      spec
        .given([])
        .when({ type: 'RegisterNetwork', data: { ...D11.data, reportingPeriod: 'school-year' as never } })
        .thenThrows(InvalidInput, (e) => expect((e as InvalidInput).errors.map((f) => f.field)).toEqual(['reportingPeriod']));
    });
    it('sets it, recording the department and what it was', () => {
      spec
        .given(history)
        .when({ type: 'SetNetworkReportingPeriod', data: { networkId: 'd-5', reportingPeriod: 'calendar-year' } })
        .then([{ type: 'NetworkReportingPeriodSet', data: { networkId: 'd-5', department: 'bakhmut', reportingPeriod: 'calendar-year', previous: 'academic-year' } }]);
      const back: NetworkMapEvent = { type: 'NetworkReportingPeriodSet', data: { networkId: 'd-5', department: 'bakhmut', reportingPeriod: 'calendar-year', previous: 'academic-year' } };
      expect(periodOf([...history, back], 'd-5')).toBe('calendar-year');
      spec
        .given([...history, back])
        .when({ type: 'SetNetworkReportingPeriod', data: { networkId: 'd-5', reportingPeriod: 'academic-year' } })
        .then([{ type: 'NetworkReportingPeriodSet', data: { networkId: 'd-5', department: 'bakhmut', reportingPeriod: 'academic-year', previous: 'calendar-year' } }]);
    });
    it('refuses what it already is (nothing-to-change), by default and once set', () => {
      spec
        .given(history)
        .when({ type: 'SetNetworkReportingPeriod', data: { networkId: 'd-5', reportingPeriod: 'academic-year' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('nothing-to-change'));
      spec
        .given([COUNCIL])
        .when({ type: 'SetNetworkReportingPeriod', data: { networkId: 'c-1', reportingPeriod: 'calendar-year' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('nothing-to-change'));
    });
    it('refuses a dissolved network (network-dissolved), an unknown one (network-not-registered), an unknown period (400)', () => {
      spec
        .given([...history, { type: 'NetworkDissolved', data: { networkId: 'd-5', on: '2019-09-01', reason: 'x', released: ['school-7'] } }])
        .when({ type: 'SetNetworkReportingPeriod', data: { networkId: 'd-5', reportingPeriod: 'calendar-year' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('network-dissolved'));
      spec
        .given(history)
        .when({ type: 'SetNetworkReportingPeriod', data: { networkId: 'd-none', reportingPeriod: 'calendar-year' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('network-not-registered'));
      spec
        .given(history)
        .when({ type: 'SetNetworkReportingPeriod', data: { networkId: 'd-5', reportingPeriod: 'quarter' as never } })
        .thenThrows(InvalidInput, (e) => expect((e as InvalidInput).errors.map((f) => f.field)).toEqual(['reportingPeriod']));
    });
    it('gives a network split off a calendar-year network its setting, recorded in the split', () => {
      const council = [COUNCIL, admitted('c-1', 'school-7', '2018-09-01'), admitted('c-1', 'school-9', '2018-09-01')];
      const split = { type: 'SplitNetwork' as const, data: { networkId: 'c-1', newNetworkId: 'c-2', institutionIds: ['school-9'], on: '2020-01-01', reason: 'Дві ради', name: 'Рада 2', number: null, description: null, website: null } };
      spec.given(council).when(split).then([
        {
          type: 'NetworkSplit',
          data: { networkId: 'c-1', newNetworkId: 'c-2', department: 'bakhmut', kind: 'educational-district', on: '2020-01-01', reason: 'Дві ради', moved: [{ institutionId: 'school-9', role: 'member' }], reportingPeriod: 'calendar-year', name: 'Рада 2', number: null, description: null, website: null },
        },
      ]);
      const events = [...council, ...networkMapDecider.decide(split, council.reduce(evolveNetworkMap, initialNetworkMapState()))];
      expect(periodOf(events, 'c-2')).toBe('calendar-year');
    });
  });

  describe('admitting members', () => {
    it('admits an institution as a partner from a date', () => {
      spec
        .given(history)
        .when({ type: 'AdmitMember', data: { networkId: 'd-11', institution: open('dnz-3'), role: 'partner', from: '2019-09-01' } })
        .then([admitted('d-11', 'dnz-3', '2019-09-01', 'partner')]);
    });
    it('refuses an institution that is in another network of the same kind on that date', () => {
      spec
        .given(history)
        .when({ type: 'AdmitMember', data: { networkId: 'd-11', institution: open('school-7'), role: 'member', from: '2019-09-01' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('one-network-per-kind'));
    });
    it('accepts a past admission that ends before the other membership began (a correction)', () => {
      const left: NetworkMapEvent = { type: 'MemberLeft', data: { networkId: 'd-5', institutionId: 'school-7', on: '2019-09-01', reason: 'Перерозподіл' } };
      spec
        .given([...history, left])
        .when({ type: 'AdmitMember', data: { networkId: 'd-11', institution: open('school-7'), role: 'member', from: '2019-09-01' } })
        .then([admitted('d-11', 'school-7', '2019-09-01')]);
    });
    it('refuses an admission that would overlap a later membership', () => {
      spec
        .given([...history, admitted('d-11', 'dnz-3', '2020-09-01')])
        .when({ type: 'AdmitMember', data: { networkId: 'd-5', institution: open('dnz-3'), role: 'member', from: '2019-09-01' } })
        .thenThrows(RuleViolated, /at most one network of a kind/);
    });
    it('refuses a current member again', () => {
      spec
        .given(history)
        .when({ type: 'AdmitMember', data: { networkId: 'd-5', institution: open('school-7'), role: 'member', from: '2020-01-01' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('already-a-member'));
    });
    it('refuses a closed institution after its closing date', () => {
      spec
        .given(history)
        .when({ type: 'AdmitMember', data: { networkId: 'd-11', institution: { institutionId: 'old', closedOn: '2019-06-30' }, role: 'member', from: '2019-09-01' } })
        .thenThrows(RuleViolated, /closed on 2019-06-30/);
    });
    it('accepts a closed institution for a period before its closing date', () => {
      spec
        .given(history)
        .when({ type: 'AdmitMember', data: { networkId: 'd-11', institution: { institutionId: 'old', closedOn: '2019-06-30' }, role: 'member', from: '2018-09-01' } })
        .then([admitted('d-11', 'old', '2018-09-01')]);
    });
  });

  describe('leaving and roles', () => {
    it('records that a member leaves on a date with a reason', () => {
      spec
        .given(history)
        .when({ type: 'RecordMemberLeaving', data: { networkId: 'd-5', institutionId: 'school-7', on: '2019-09-01', reason: ' Перерозподіл ' } })
        .then([{ type: 'MemberLeft', data: { networkId: 'd-5', institutionId: 'school-7', on: '2019-09-01', reason: 'Перерозподіл' } }]);
    });
    it('refuses leaving before joining', () => {
      spec
        .given(history)
        .when({ type: 'RecordMemberLeaving', data: { networkId: 'd-5', institutionId: 'school-7', on: '2018-01-01', reason: 'x' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('left-before-joined'));
    });
    it('refuses leaving without a reason', () => {
      spec
        .given(history)
        .when({ type: 'RecordMemberLeaving', data: { networkId: 'd-5', institutionId: 'school-7', on: '2019-09-01', reason: '' } })
        .thenThrows(RuleViolated, /needs a reason/);
    });
    it('refuses to let the anchor leave while it is the anchor', () => {
      spec
        .given(history)
        .when({ type: 'RecordMemberLeaving', data: { networkId: 'd-11', institutionId: 'nvk-11', on: '2020-09-01', reason: 'x' } })
        .thenThrows(RuleViolated, /set another anchor first/);
    });
    it('changes a member’s role from a date', () => {
      const data = { networkId: 'd-5', institutionId: 'school-7', role: 'partner' as const, from: '2019-01-01' };
      spec.given(history).when({ type: 'ChangeMemberRole', data }).then([{ type: 'MemberRoleChanged', data }]);
    });
    it('refuses a role change for a non-member', () => {
      spec
        .given(history)
        .when({ type: 'ChangeMemberRole', data: { networkId: 'd-11', institutionId: 'school-7', role: 'partner', from: '2019-01-01' } })
        .thenThrows(RuleViolated, /not a current member/);
    });
  });

  describe('anchor and head', () => {
    it('sets a member as the anchor from a date', () => {
      const data = { networkId: 'd-5', institutionId: 'school-7', from: '2019-09-01' };
      spec.given(history).when({ type: 'SetAnchor', data }).then([{ type: 'AnchorSet', data }]);
    });
    it('refuses an anchor that is not a member', () => {
      spec
        .given(history)
        .when({ type: 'SetAnchor', data: { networkId: 'd-11', institutionId: 'school-7', from: '2019-09-01' } })
        .thenThrows(RuleViolated, /not a current member/);
    });
    it('refuses an anchor from before it joined', () => {
      spec
        .given(history)
        .when({ type: 'SetAnchor', data: { networkId: 'd-5', institutionId: 'school-7', from: '2018-01-01' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('anchor-must-be-member'));
    });
    it('appoints and replaces the head', () => {
      const first = { networkId: 'd-11', personId: 'p-1', position: 'директор НВК № 11', appointedOn: '2019-09-01' };
      const second = { networkId: 'd-11', personId: 'p-2', position: 'директор НВК № 11', appointedOn: '2021-09-01' };
      spec.given(history).when({ type: 'AppointHead', data: first }).then([{ type: 'HeadAppointed', data: first }]);
      spec.given([...history, { type: 'HeadAppointed', data: first }]).when({ type: 'AppointHead', data: second }).then([{ type: 'HeadAppointed', data: second }]);
      spec
        .given([...history, { type: 'HeadAppointed', data: second }])
        .when({ type: 'AppointHead', data: first })
        .thenThrows(RuleViolated, /cannot take over on 2019-09-01/);
    });
  });

  describe('restructuring', () => {
    it('transfers an institution between networks on a date, keeping its role', () => {
      spec
        .given(history)
        .when({
          type: 'TransferMember',
          data: { institution: open('school-7'), fromNetworkId: 'd-5', toNetworkId: 'd-11', role: null, on: '2019-09-01', reason: 'Рішення управління освіти' },
        })
        .then([
          {
            type: 'MemberTransferred',
            data: { institutionId: 'school-7', fromNetworkId: 'd-5', toNetworkId: 'd-11', role: 'member', on: '2019-09-01', reason: 'Рішення управління освіти' },
          },
        ]);
    });
    it('refuses a transfer to the network it is already in', () => {
      spec
        .given(history)
        .when({ type: 'TransferMember', data: { institution: open('school-7'), fromNetworkId: 'd-5', toNetworkId: 'd-5', role: null, on: '2019-09-01', reason: 'x' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('transfer-to-same-network'));
    });
    it('merges a network into another: members move, the first is dissolved', () => {
      spec
        .given(history)
        .when({ type: 'MergeNetworks', data: { networkId: 'd-5', intoNetworkId: 'd-11', on: '2019-09-01', reason: 'Укрупнення' } })
        .then([
          {
            type: 'NetworksMerged',
            data: { networkId: 'd-5', intoNetworkId: 'd-11', on: '2019-09-01', reason: 'Укрупнення', moved: [{ institutionId: 'school-7', role: 'member' }] },
          },
        ]);
    });
    it('splits members off into a new network', () => {
      spec
        .given([...history, admitted('d-11', 'dnz-3', '2018-09-01', 'partner')])
        .when({
          type: 'SplitNetwork',
          data: { networkId: 'd-11', newNetworkId: 'd-new', institutionIds: ['dnz-3'], on: '2020-09-01', reason: 'Новий округ', name: 'Округ № 2', number: '2', description: null, website: null },
        })
        .then([
          {
            type: 'NetworkSplit',
            data: { networkId: 'd-11', newNetworkId: 'd-new', department: 'bakhmut', kind: 'educational-district', on: '2020-09-01', reason: 'Новий округ', moved: [{ institutionId: 'dnz-3', role: 'partner' }], name: 'Округ № 2', number: '2', description: null, website: null },
          },
        ]);
    });
    it('refuses to split the anchor away', () => {
      spec
        .given(history)
        .when({
          type: 'SplitNetwork',
          data: { networkId: 'd-11', newNetworkId: 'd-new', institutionIds: ['nvk-11'], on: '2020-09-01', reason: 'x', name: 'N', number: null, description: null, website: null },
        })
        .thenThrows(RuleViolated, /set another anchor first/);
    });
    it('dissolves a network on a date, releasing its members', () => {
      spec
        .given(history)
        .when({ type: 'DissolveNetwork', data: { networkId: 'd-5', on: '2019-09-01', reason: 'Реорганізація' } })
        .then([{ type: 'NetworkDissolved', data: { networkId: 'd-5', on: '2019-09-01', reason: 'Реорганізація', released: ['school-7'] } }]);
    });
  });

  describe('correcting details', () => {
    it('refuses to clear the name (null or blank), and clears the optional details with null', () => {
      for (const name of [null, '', '   ']) {
        spec
          .given(history)
          .when({ type: 'CorrectNetworkDetails', data: { networkId: 'd-5', corrections: { name: name as never, website: 'https://school5.example' }, reason: 'x' } })
          .thenThrows(InvalidInput, (e) => expect((e as InvalidInput).errors.map((f) => f.field)).toEqual(['name']));
      }
      spec
        .given([...history, { type: 'NetworkDetailsCorrected', data: { networkId: 'd-5', corrections: { number: '5' }, reason: 'x' } }])
        .when({ type: 'CorrectNetworkDetails', data: { networkId: 'd-5', corrections: { number: null, description: null }, reason: 'x' } })
        .then([{ type: 'NetworkDetailsCorrected', data: { networkId: 'd-5', corrections: { number: null }, reason: 'x' } }]);
    });
  });

  describe('a dissolved network', () => {
    const dissolved: NetworkMapEvent[] = [...history, { type: 'NetworkDissolved', data: { networkId: 'd-5', on: '2019-09-01', reason: 'x', released: ['school-7'] } }];
    it('accepts no changes', () => {
      spec.given(dissolved).when({ type: 'RenameNetwork', data: { networkId: 'd-5', name: 'Новий', renamedOn: '2020-01-01' } }).thenThrows(RuleViolated, /dissolved/);
      spec
        .given(dissolved)
        .when({ type: 'AdmitMember', data: { networkId: 'd-5', institution: open('x'), role: 'member', from: '2020-01-01' } })
        .thenThrows(RuleViolated, (e) => expect((e as RuleViolated).code).toBe('network-dissolved'));
    });
    it('still accepts corrections', () => {
      spec
        .given(dissolved)
        .when({ type: 'CorrectNetworkDetails', data: { networkId: 'd-5', corrections: { website: 'https://school5.example' }, reason: 'Архів' } })
        .then([{ type: 'NetworkDetailsCorrected', data: { networkId: 'd-5', corrections: { website: 'https://school5.example' }, reason: 'Архів' } }]);
    });
    it('frees its former members to join another network from the dissolution date', () => {
      spec
        .given(dissolved)
        .when({ type: 'AdmitMember', data: { networkId: 'd-11', institution: open('school-7'), role: 'member', from: '2019-09-01' } })
        .then([admitted('d-11', 'school-7', '2019-09-01')]);
    });
  });

  it('folds a restructuring into memberships over time', () => {
    const state = [
      ...history,
      { type: 'MemberTransferred', data: { institutionId: 'school-7', fromNetworkId: 'd-5', toNetworkId: 'd-11', role: 'member', on: '2019-09-01', reason: 'x' } } as NetworkMapEvent,
    ].reduce(evolveNetworkMap, initialNetworkMapState());
    expect(state.memberships.filter((s) => s.institutionId === 'school-7')).toEqual([
      { networkId: 'd-5', institutionId: 'school-7', role: 'member', from: '2018-09-01', to: '2019-09-01' },
      { networkId: 'd-11', institutionId: 'school-7', role: 'member', from: '2019-09-01', to: null },
    ]);
  });
});
