import { InvalidInput, RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { InstitutionEvent, InstitutionRegistered, institutionDecider } from './institution.decider';

const spec = DeciderSpecification.for(institutionDecider);
const id = '3f6c2a9e-1111-4c2b-9d3e-000000000007';

const registered: InstitutionRegistered = {
  type: 'InstitutionRegistered',
  data: {
    institutionId: id,
    department: 'bakhmut',
    fullName: 'Бахмутська загальноосвітня школа I-III ступенів № 7',
    shortName: 'ЗОШ № 7',
    kind: 'general-school',
    settlement: 'Бахмут',
    externalCode: 'UA-7',
    website: null,
  },
};
const closed: InstitutionEvent = { type: 'InstitutionClosed', data: { institutionId: id, closedOn: '2021-06-30', reason: 'Реорганізація' } };

describe('institution decider', () => {
  describe('when not yet registered', () => {
    it('registers it', () => {
      spec.given([]).when({ type: 'RegisterInstitution', data: { ...registered.data, externalCodeHeldBy: null } }).then([registered]);
    });
    it('refuses a second institution with the same external code in the department', () => {
      spec
        .given([])
        .when({ type: 'RegisterInstitution', data: { ...registered.data, externalCodeHeldBy: 'another-institution' } })
        .thenThrows(RuleViolated, /external code UA-7 already belongs/);
    });
    it('refuses to rename, correct, close or reopen it', () => {
      spec
        .given([])
        .when({ type: 'CloseInstitution', data: { institutionId: id, closedOn: '2021-01-01', reason: 'x' } })
        .thenThrows(RuleViolated, /not registered/);
      spec
        .given([])
        .when({ type: 'RenameInstitution', data: { institutionId: id, fullName: 'a', shortName: 'b', renamedOn: '2021-01-01' } })
        .thenThrows(RuleViolated, /not registered/);
    });
  });

  describe('when open', () => {
    it('refuses to register it again', () => {
      spec.given([registered]).when({ type: 'RegisterInstitution', data: registered.data }).thenThrows(RuleViolated, /already registered/);
    });
    it('renames it', () => {
      const data = { institutionId: id, fullName: 'Бахмутський ліцей № 7', shortName: 'Ліцей № 7', renamedOn: '2020-09-01' };
      spec.given([registered]).when({ type: 'RenameInstitution', data }).then([{ type: 'InstitutionRenamed', data }]);
    });
    it('refuses a rename that changes nothing', () => {
      spec
        .given([registered])
        .when({ type: 'RenameInstitution', data: { institutionId: id, fullName: registered.data.fullName, shortName: 'ЗОШ № 7', renamedOn: '2020-09-01' } })
        .thenThrows(RuleViolated, /already has this name/);
    });
    it('corrects only the fields that differ, with the reason', () => {
      spec
        .given([registered])
        .when({
          type: 'CorrectInstitutionDetails',
          data: { institutionId: id, corrections: { settlement: 'м. Бахмут', kind: 'general-school' }, reason: ' Помилка введення ' },
        })
        .then([{ type: 'InstitutionDetailsCorrected', data: { institutionId: id, corrections: { settlement: 'м. Бахмут' }, reason: 'Помилка введення' } }]);
    });
    it('refuses a correction without a reason', () => {
      spec
        .given([registered])
        .when({ type: 'CorrectInstitutionDetails', data: { institutionId: id, corrections: { settlement: 'м. Бахмут' }, reason: '  ' } })
        .thenThrows(RuleViolated, /needs a reason/);
    });
    it('refuses a correction that changes nothing', () => {
      spec
        .given([registered])
        .when({ type: 'CorrectInstitutionDetails', data: { institutionId: id, corrections: { settlement: 'Бахмут' }, reason: 'check' } })
        .thenThrows(RuleViolated, /changes nothing/);
    });
    it('refuses a correction that clears required details, naming each field, and keeps the optional ones clearable', () => {
      spec
        .given([registered])
        .when({
          type: 'CorrectInstitutionDetails',
          data: { institutionId: id, corrections: { fullName: null, shortName: '  ', kind: null, settlement: '' } as never, reason: 'x' },
        })
        .thenThrows(InvalidInput, (e) => expect((e as InvalidInput).errors.map((f) => f.field)).toEqual(['fullName', 'shortName', 'kind', 'settlement']));
      spec
        .given([registered])
        .when({ type: 'CorrectInstitutionDetails', data: { institutionId: id, corrections: { kind: 'no-such-kind' as never }, reason: 'x' } })
        .thenThrows(InvalidInput, (e) => expect((e as InvalidInput).errors.map((f) => f.field)).toEqual(['kind']));
      spec
        .given([registered])
        .when({ type: 'CorrectInstitutionDetails', data: { institutionId: id, corrections: { externalCode: null, website: null }, reason: 'x' } })
        .then([{ type: 'InstitutionDetailsCorrected', data: { institutionId: id, corrections: { externalCode: null }, reason: 'x' } }]);
    });
    it('refuses a correction to an external code another institution holds', () => {
      spec
        .given([registered])
        .when({
          type: 'CorrectInstitutionDetails',
          data: { institutionId: id, corrections: { externalCode: 'UA-11' }, reason: 'typo', externalCodeHeldBy: 'institution-11' },
        })
        .thenThrows(RuleViolated, /UA-11 already belongs/);
    });
    it('closes it on a date with a reason', () => {
      spec.given([registered]).when({ type: 'CloseInstitution', data: closed.data as never }).then([closed]);
    });
    it('refuses to close without a reason', () => {
      spec
        .given([registered])
        .when({ type: 'CloseInstitution', data: { institutionId: id, closedOn: '2021-06-30', reason: '' } })
        .thenThrows(RuleViolated, /needs a reason/);
    });
    it('refuses to reopen an open institution', () => {
      spec
        .given([registered])
        .when({ type: 'ReopenInstitution', data: { institutionId: id, reopenedOn: '2021-09-01', reason: null } })
        .thenThrows(RuleViolated, /only a closed institution/);
    });
  });

  describe('when closed', () => {
    it('refuses to close it again', () => {
      spec
        .given([registered, closed])
        .when({ type: 'CloseInstitution', data: { institutionId: id, closedOn: '2021-07-01', reason: 'again' } })
        .thenThrows(RuleViolated, /already closed since 2021-06-30/);
    });
    it('refuses to rename it', () => {
      spec
        .given([registered, closed])
        .when({ type: 'RenameInstitution', data: { institutionId: id, fullName: 'a', shortName: 'b', renamedOn: '2021-07-01' } })
        .thenThrows(RuleViolated, /closed institution cannot be renamed/);
    });
    it('still accepts corrections', () => {
      spec
        .given([registered, closed])
        .when({ type: 'CorrectInstitutionDetails', data: { institutionId: id, corrections: { website: 'https://school7.example' }, reason: 'found' } })
        .then([{ type: 'InstitutionDetailsCorrected', data: { institutionId: id, corrections: { website: 'https://school7.example' }, reason: 'found' } }]);
    });
    it('reopens it on or after the closing date', () => {
      const data = { institutionId: id, reopenedOn: '2021-09-01', reason: 'Рішення сесії' };
      spec.given([registered, closed]).when({ type: 'ReopenInstitution', data }).then([{ type: 'InstitutionReopened', data }]);
    });
    it('refuses to reopen before it was closed', () => {
      spec
        .given([registered, closed])
        .when({ type: 'ReopenInstitution', data: { institutionId: id, reopenedOn: '2021-06-01', reason: null } })
        .thenThrows(RuleViolated, /cannot reopen on 2021-06-01/);
    });
  });
});
