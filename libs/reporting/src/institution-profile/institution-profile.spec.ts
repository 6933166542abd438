import { DEFAULT_YEAR_START } from '@app/kernel';
import { inMonth, onDay } from '@app/events';
import { ProfileFacts, composeInstitutionProfile } from './institution-profile';

/** ЗОШ № 7 of Bakhmut: moved from its own district to NVK № 11's in 2019, renamed once, two events. */
const given = (over: Partial<ProfileFacts> = {}): ProfileFacts => ({
  department: 'bakhmut',
  institution: { institutionId: 'zosh-7', fullName: 'Бахмутська загальноосвітня школа І–ІІІ ступенів № 7', shortName: 'ЗОШ № 7', settlement: 'Бахмут', status: 'open', closedOn: null },
  renames: [{ on: '2016-02-04', fullName: 'Артемівська загальноосвітня школа І–ІІІ ступенів № 7', shortName: 'ЗОШ № 7' }],
  memberships: [
    { networkId: 'd11', networkName: 'Освітній округ НВК № 11', kind: 'educational-district', role: 'member', from: '2019-09-01', to: null, wasAnchor: false },
    { networkId: 'old', networkName: 'Попередній освітній округ ЗОШ № 7', kind: 'educational-district', role: 'member', from: '2017-09-01', to: '2019-09-01', wasAnchor: true },
  ],
  events: [
    { eventId: 'e2', kind: 'seminar', topic: 'Наступність дошкільної та початкової освіти', when: inMonth('2020-02'), hosted: false, outsideHost: false, tookPart: true, outsideParticipant: false },
    { eventId: 'e1', kind: 'open-lessons', topic: 'Відкриті уроки для студентів', when: onDay('2019-11-12'), hosted: true, outsideHost: false, tookPart: true, outsideParticipant: false },
    { eventId: 'e3', kind: 'seminar', topic: 'Семінар сусіднього округу', when: onDay('2020-03-03'), hosted: false, outsideHost: false, tookPart: true, outsideParticipant: true },
  ],
  yearStart: DEFAULT_YEAR_START,
  position: 77,
  reportDate: '2020-06-30',
  from: null,
  to: null,
  ...over,
});

describe('composeInstitutionProfile', () => {
  it('given its stays in networks, when composed, then they are told oldest first, from when to when, in what role, the anchor marked', () => {
    const profile = composeInstitutionProfile(given(), 'uk');
    expect(profile.title).toBe('Профіль закладу: ЗОШ № 7');
    expect(profile.networks.map((s) => s.text)).toEqual([
      'З 1 вересня 2017 р. по 31 серпня 2019 р.: Попередній освітній округ ЗОШ № 7 (освітній округ), учасник, опорний заклад',
      'З 1 вересня 2019 р. дотепер: Освітній округ НВК № 11 (освітній округ), учасник',
    ]);
  });

  it('given a rename, when composed, then the former name is given until the day it changed', () => {
    expect(composeInstitutionProfile(given(), 'uk').names.map((n) => n.text)).toEqual(['До 4 лютого 2016 р.: Артемівська загальноосвітня школа І–ІІІ ступенів № 7']);
  });

  it('given events, when composed, then those it hosted and those it only took part in are listed apart, in date order, with their real precision and the outside ones marked', () => {
    const profile = composeInstitutionProfile(given(), 'ru');
    expect(profile.hosted.map((e) => e.text)).toEqual(['Открытые уроки «Відкриті уроки для студентів», 12 ноября 2019 г.']);
    expect(profile.tookPart.map((e) => e.text)).toEqual([
      'Семинар «Наступність дошкільної та початкової освіти», в феврале 2020 г.',
      'Семинар «Семінар сусіднього округу», 3 марта 2020 г. (вне сетей мероприятия)',
    ]);
    expect(profile.eventsByKind.map((k) => k.text)).toEqual(['2 семинара', '1 открытый урок']);
    expect(profile.eventsByKind[0]).toMatchObject({ key: 'seminar', count: 2 });
  });

  it('given a closed institution, when composed in English, then its line says when it closed', () => {
    const profile = composeInstitutionProfile(given({ institution: { ...given().institution, status: 'closed', closedOn: '2022-06-30' } }), 'en');
    expect(profile.institution.text).toBe('Бахмутська загальноосвітня школа І–ІІІ ступенів № 7, Бахмут; closed on 30 June 2022');
    expect(profile.networks[1].text).toBe('From 1 September 2019 to date: Освітній округ НВК № 11 (educational district), member');
  });

  it('given the days its events were asked for, when composed, then its basis says them in words; asked for all, nothing', () => {
    expect(composeInstitutionProfile(given({ from: '2019-09-01', to: '2020-05-31' }), 'uk').basis).toMatchObject({ from: '2019-09-01', to: '2020-05-31', periodText: 'Заходи з 1 вересня 2019 р. по 31 травня 2020 р.' });
    expect(composeInstitutionProfile(given({ from: '2019-09-01', to: '2020-05-31' }), 'ru').basis.periodText).toBe('Мероприятия с 1 сентября 2019 г. по 31 мая 2020 г.');
    expect(composeInstitutionProfile(given({ from: '2019-09-01', to: '2020-05-31' }), 'en').basis.periodText).toBe('Events from 1 September 2019 to 31 May 2020');
    expect(composeInstitutionProfile(given(), 'uk').basis.periodText).toBeNull();
  });
});
