import { UpcasterRegistry, concernsOf, describeEvent, effectiveOnOf } from '@app/kernel';
import { identityEvents } from '@app/identity';
import { personEvents } from '@app/personal-data';
import { institutionEvents as institutionLife } from './institution/institution.fixtures';
import { institutionEvents } from './institution/institution.events';
import { bakhmutMap } from './network-map/network-map.fixtures';
import { networkMapEvents } from './network-map/network-map.events';
import { networksEvents } from './networks.events';

describe('the networks module’s event contracts', () => {
  const map = bakhmutMap();
  const institution = institutionLife();

  it('join the other modules’ in one registry: no event type has two contracts', () => {
    expect(() => UpcasterRegistry.of(identityEvents, networksEvents, personEvents)).not.toThrow();
  });

  it('give each event the date it takes effect, as the writers record it in effectiveAt', () => {
    expect(map.map((e) => [e.type, effectiveOnOf(networkMapEvents, e)])).toEqual([
      ['NetworkRegistered', null],
      ['NetworkRegistered', null],
      ['MemberAdmitted', '2017-09-01'],
      ['AnchorSet', '2017-09-01'],
      ['MemberAdmitted', '2017-09-01'],
      ['MemberTransferred', '2019-09-01'],
      ['MemberAdmitted', '2019-09-01'],
      ['MemberRoleChanged', '2020-09-01'],
      ['HeadAppointed', '2019-09-01'],
    ]);
    expect(institution.map((e) => effectiveOnOf(institutionEvents, e))).toEqual([null, '2020-09-01', null, '2021-06-30']);
  });

  it('name everything an event concerns: both networks of a transfer, the person appointed, by id', () => {
    expect(concernsOf(networkMapEvents, map[5])).toEqual([
      { kind: 'network', id: 'd-5' },
      { kind: 'network', id: 'd-11' },
      { kind: 'institution', id: 'school-7' },
    ]);
    expect(concernsOf(networkMapEvents, map[8])).toEqual([
      { kind: 'network', id: 'd-11' },
      { kind: 'person', id: 'p-1' },
    ]);
  });

  it('describe every event in Ukrainian, Russian and English', () => {
    expect(describeEvent(institutionEvents, institution[1])).toEqual({
      uk: 'Заклад перейменовано: Ліцей № 7',
      ru: 'Учреждение переименовано: Ліцей № 7',
      en: 'Institution renamed: Ліцей № 7',
    });
    expect(describeEvent(networkMapEvents, map[7])).toEqual({ uk: 'Роль закладу змінено: учасник', ru: 'Роль учреждения изменена: участник', en: 'Role changed: member' });
    expect(describeEvent(networkMapEvents, { type: 'NetworkReportingPeriodSet', data: { networkId: 'd-5', department: 'bakhmut', reportingPeriod: 'calendar-year', previous: 'academic-year' } })).toEqual({
      uk: 'Округ звітує за календарний рік',
      ru: 'Округ отчитывается за календарный год',
      en: 'The network reports by calendar year',
    });
    expect(describeEvent(networkMapEvents, { type: 'NetworkReportingPeriodSet', data: { networkId: 'd-5', department: 'bakhmut', reportingPeriod: 'academic-year', previous: 'calendar-year' } })).toEqual({
      uk: 'Округ звітує за навчальний рік',
      ru: 'Округ отчитывается за учебный год',
      en: 'The network reports by academic year',
    });
    for (const e of map) {
      const text = describeEvent(networkMapEvents, e);
      expect([text.uk, text.ru, text.en].every((t) => t.trim().length > 0)).toBe(true);
    }
  });
});
