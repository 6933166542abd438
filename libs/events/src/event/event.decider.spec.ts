import { ConcurrencyConflict, InvalidInput, RuleViolated } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { NOT_KNOWN, When, inAcademicYear, inMonth, onDay, onDays } from './when';
import { EventEvent, EventHeld, HeldDetails, PlanEvent, RecordEventHeld, eventDecider, eventStream } from './event.decider';
import {
  BAKHMUT,
  MURYGINO,
  REMONTNOYE,
  bakhmutConsilium,
  bakhmutFacts,
  muryginoFacts,
  muryginoHeadsSeminar,
  muryginoSeminarForDistrict1,
  plannedFrom,
  remontnoyeFacts,
  remontnoyeNovemberSeminar,
} from './event.fixtures';

const spec = DeciderSpecification.for(eventDecider);

/** Checks the refusal's stable code (the problem type the API answers with). */
const code = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);
/** Checks the fields an invalid input names. */
const fields = (...expected: string[]) => (error: Error) => expect((error as InvalidInput).errors.map((e) => e.field)).toEqual(expected);

const seminar = muryginoHeadsSeminar();
const planned = plannedFrom(seminar);
const id = seminar.data.eventId;

const withData = (command: PlanEvent, data: Partial<PlanEvent['data']>): PlanEvent => ({ ...command, data: { ...command.data, ...data } });

const heldDetails = (overrides: Partial<HeldDetails> = {}): HeldDetails => ({
  when: inAcademicYear('2020/2021'),
  participation: { counts: { heads: 12, 'deputy-heads': 4 }, institutionIds: [MURYGINO.murygino, MURYGINO.losnya] },
  outcome: 'Обобщён опыт организации индивидуальных проектов',
  materials: [],
  publications: [{ url: MURYGINO.website, title: 'Сетевое взаимодействие' }],
  ...overrides,
});
const hold = (overrides: Partial<HeldDetails> = {}, today = '2021-06-30'): RecordEventHeld => ({
  type: 'RecordEventHeld',
  data: { eventId: id, today, facts: muryginoFacts(), ...heldDetails(overrides) },
});
const held: EventHeld = {
  type: 'EventHeld',
  data: { eventId: id, networkIds: [MURYGINO.district3], hostIds: [MURYGINO.murygino], ...heldDetails(), outsideHostIds: [], outsideInstitutionIds: [] },
};
const postponed: EventEvent = {
  type: 'EventPostponed',
  data: { eventId: id, networkIds: [MURYGINO.district3], when: inMonth('2021-04'), previousWhen: inAcademicYear('2020/2021'), reason: 'Карантин', outsideHostIds: [] },
};
const cancelled: EventEvent = { type: 'EventCancelled', data: { eventId: id, networkIds: [MURYGINO.district3], reason: 'Карантин' } };

describe('event decider', () => {
  it('names its stream after the event', () => {
    expect(eventStream('ev-1')).toBe('Event-ev-1');
  });

  describe('planning an event', () => {
    it('plans an online seminar hosted by a member, known only to its academic year', () => {
      spec.given([]).when(seminar).then([planned]);
    });

    it('records the networks it is held for besides its own', () => {
      const command = muryginoSeminarForDistrict1();
      spec.given([]).when(command).then([plannedFrom(command)]);
    });

    it('writes the event in one form: trimmed, each id once, its own networks not among its audience', () => {
      const command = withData(seminar, {
        topic: '  Проектная деятельность ',
        hostIds: [MURYGINO.murygino, ` ${MURYGINO.murygino}`],
        audienceNetworkIds: [MURYGINO.district3, MURYGINO.district1],
        audience: ['heads', 'heads'],
        format: { mode: 'online', platform: ' ZOOM ', link: '' },
      });
      spec
        .given([])
        .when(command)
        .then([
          plannedFrom(
            withData(command, {
              topic: 'Проектная деятельность',
              hostIds: [MURYGINO.murygino],
              audienceNetworkIds: [MURYGINO.district1],
              audience: ['heads'],
              format: { mode: 'online', platform: 'ZOOM', link: null },
            }),
          ),
        ]);
    });

    it('refuses a network the department does not have', () => {
      spec
        .given([])
        .when(withData(seminar, { facts: muryginoFacts({ networks: [] }) }))
        .thenThrows(RuleViolated, code('network-not-registered'));
    });

    it('refuses an event on or after the day its network was dissolved', () => {
      const dissolved = muryginoFacts({ networks: [{ networkId: MURYGINO.district3, dissolvedOn: '2021-03-01' }] });
      spec.given([]).when(withData(seminar, { when: onDay('2021-03-01'), facts: dissolved })).thenThrows(RuleViolated, code('network-dissolved'));
      spec.given([]).when(withData(seminar, { when: inMonth('2021-04'), facts: dissolved })).thenThrows(RuleViolated, /dissolved on 2021-03-01/);
    });

    it('accepts an event before the day its network was dissolved (also one whose month began before it)', () => {
      const dissolved = muryginoFacts({ networks: [{ networkId: MURYGINO.district3, dissolvedOn: '2021-03-15' }] });
      const command = withData(seminar, { when: inMonth('2021-03'), facts: dissolved });
      spec.given([]).when(command).then([plannedFrom(command)]);
    });

    it('refuses an event of an audience network dissolved before it', () => {
      const command = muryginoSeminarForDistrict1();
      const facts = muryginoFacts({ networks: [{ networkId: MURYGINO.district3, dissolvedOn: null }, { networkId: MURYGINO.district1, dissolvedOn: '2020-01-01' }] });
      spec.given([]).when(withData(command, { facts })).thenThrows(RuleViolated, code('network-dissolved'));
    });

    it('without a date, refuses a network dissolved by today and accepts one to be dissolved later', () => {
      const facts = (dissolvedOn: string) => muryginoFacts({ networks: [{ networkId: MURYGINO.district3, dissolvedOn }] });
      spec.given([]).when(withData(seminar, { when: NOT_KNOWN, facts: facts('2020-09-15') })).thenThrows(RuleViolated, code('network-dissolved'));
      const later = withData(seminar, { when: NOT_KNOWN, facts: facts('2021-09-01') });
      spec.given([]).when(later).then([plannedFrom(later)]);
    });

    it('refuses a host that is not a registered institution of the department', () => {
      spec
        .given([])
        .when(withData(seminar, { hostIds: ['nowhere'] }))
        .thenThrows(RuleViolated, (e) => {
          code('institution-not-registered')(e);
          expect(e.message).toMatch(/host nowhere is not registered/);
        });
    });

    it('accepts a host that is not a member of its networks, and records it as an outside host', () => {
      // "На базі Горлівського університету іноземних мов підвищують свою кваліфікацію вчителі".
      const command = withData(bakhmutConsilium(), { kind: 'open-lessons', topic: 'Відкриті уроки для студентів', hostIds: [BAKHMUT.school7, BAKHMUT.university] });
      spec.given([]).when(command).then([plannedFrom(command, [BAKHMUT.university])]);
    });

    it('judges membership on the event’s date: a school that joined later hosts from outside before it joined', () => {
      // ЗОШ № 7 joined the district of НВК № 11 on 1 September 2019.
      const before = withData(bakhmutConsilium(), { when: onDay('2019-08-28') });
      spec.given([]).when(before).then([plannedFrom(before, [BAKHMUT.school7])]);
      const after = withData(bakhmutConsilium(), { when: onDay('2019-09-02') });
      spec.given([]).when(after).then([plannedFrom(after)]);
    });

    it('counts a host of a joint event as a member when it is a member of any of its networks', () => {
      const joint = withData(muryginoSeminarForDistrict1(), { networkIds: [MURYGINO.district3, MURYGINO.district1], audienceNetworkIds: [] });
      spec.given([]).when(joint).then([plannedFrom(joint)]);
    });

    it('does not count membership of an audience network', () => {
      const facts = muryginoFacts({ memberships: [{ networkId: MURYGINO.district1, institutionId: MURYGINO.ryabtsevo, from: '2019-09-01', to: null }] });
      const command = withData(muryginoSeminarForDistrict1(), { facts });
      spec.given([]).when(command).then([plannedFrom(command, [MURYGINO.ryabtsevo])]);
    });

    describe('in a series', () => {
      const openDay = withData(remontnoyeNovemberSeminar(), { kind: 'open-door-day', topic: 'Единый день открытых дверей', seriesId: 'open-day' });
      const series = { seriesId: 'open-day', kind: 'open-door-day' as const, networkIds: [REMONTNOYE.central] };

      it('accepts an event that shares a network and the kind of its series', () => {
        const command = withData(openDay, { facts: remontnoyeFacts({ series }) });
        spec.given([]).when(command).then([plannedFrom(command)]);
      });
      it('refuses a series that is not established', () => {
        spec.given([]).when(openDay).thenThrows(RuleViolated, code('series-not-established'));
      });
      it('refuses a series of none of the event’s networks', () => {
        spec
          .given([])
          .when(withData(openDay, { facts: remontnoyeFacts({ series: { ...series, networkIds: ['other-district'] } }) }))
          .thenThrows(RuleViolated, code('series-network-mismatch'));
      });
      it('refuses an event of another kind than its series', () => {
        spec
          .given([])
          .when(withData(openDay, { kind: 'seminar', facts: remontnoyeFacts({ series }) }))
          .thenThrows(RuleViolated, code('series-kind-mismatch'));
      });
    });

    it('answers bad input field by field', () => {
      spec
        .given([])
        .when(
          withData(seminar, {
            topic: ' ',
            networkIds: [],
            kind: 'party' as never,
            format: { mode: 'in-person', platform: 'ZOOM', link: null },
            people: [{ personId: 'p-1', role: 'guest' as never }],
            when: onDay('2021-02-30'),
          }),
        )
        .thenThrows(InvalidInput, fields('kind', 'topic', 'networkIds', 'format.mode', 'people', 'when.from'));
    });

    it('refuses to plan an event that is already recorded', () => {
      spec.given([planned]).when(seminar).thenThrows(RuleViolated, code('event-already-planned'));
    });

    it('refuses any other command for an event not recorded', () => {
      spec.given([]).when({ type: 'CancelEvent', data: { eventId: id, reason: 'x' } }).thenThrows(RuleViolated, code('event-not-planned'));
    });
  });

  describe('a planned event', () => {
    it('is corrected, with the values it replaces, and needs no reason', () => {
      spec
        .given([planned])
        .when({ type: 'CorrectEventDetails', data: { eventId: id, corrections: { topic: 'Индивидуальный проект', when: inMonth('2021-03') }, reason: null, today: '2020-10-01', facts: muryginoFacts() } })
        .then([
          {
            type: 'EventDetailsCorrected',
            data: {
              eventId: id,
              networkIds: [MURYGINO.district3],
              corrections: { topic: 'Индивидуальный проект', when: inMonth('2021-03') },
              previous: { topic: seminar.data.topic, when: inAcademicYear('2020/2021') },
              reason: null,
            },
          },
        ]);
    });

    it('records the verdict again when a correction changes the hosts', () => {
      spec
        .given([planned])
        .when({ type: 'CorrectEventDetails', data: { eventId: id, corrections: { hostIds: ['kievka-sosh'] }, reason: 'Другая площадка', today: '2020-10-01', facts: muryginoFacts({ registeredInstitutionIds: ['kievka-sosh'] }) } })
        .then([
          {
            type: 'EventDetailsCorrected',
            data: {
              eventId: id,
              networkIds: [MURYGINO.district3],
              corrections: { hostIds: ['kievka-sosh'], outsideHostIds: ['kievka-sosh'] },
              previous: { hostIds: [MURYGINO.murygino], outsideHostIds: [] },
              reason: 'Другая площадка',
            },
          },
        ]);
    });

    it('refuses a correction that changes nothing', () => {
      spec
        .given([planned])
        .when({ type: 'CorrectEventDetails', data: { eventId: id, corrections: { topic: seminar.data.topic, level: 'municipal' }, reason: null, today: '2020-10-01', facts: muryginoFacts() } })
        .thenThrows(RuleViolated, code('nothing-to-change'));
    });

    it('refuses a correction that moves it into a network it cannot have', () => {
      spec
        .given([planned])
        .when({ type: 'CorrectEventDetails', data: { eventId: id, corrections: { networkIds: ['okrug-9'] }, reason: null, today: '2020-10-01', facts: muryginoFacts() } })
        .thenThrows(RuleViolated, code('network-not-registered'));
    });

    it('is postponed to a new date, with a reason, keeping the date it had', () => {
      spec
        .given([planned])
        .when({ type: 'PostponeEvent', data: { eventId: id, when: inMonth('2021-04'), reason: ' Карантин ', today: '2020-11-01', facts: muryginoFacts() } })
        .then([postponed]);
    });

    it('refuses a postponement without a reason, or to the date it has', () => {
      const postpone = (when: When = inMonth('2021-04'), reason = '') => ({ type: 'PostponeEvent' as const, data: { eventId: id, when, reason, today: '2020-11-01', facts: muryginoFacts() } });
      spec.given([planned]).when(postpone()).thenThrows(RuleViolated, code('reason-required'));
      spec.given([planned]).when(postpone(inAcademicYear('2020/2021'), 'x')).thenThrows(RuleViolated, code('nothing-to-change'));
    });

    it('refuses a postponement past the day its network is dissolved', () => {
      spec
        .given([planned])
        .when({ type: 'PostponeEvent', data: { eventId: id, when: onDay('2021-09-10'), reason: 'x', today: '2020-11-01', facts: muryginoFacts({ networks: [{ networkId: MURYGINO.district3, dissolvedOn: '2021-09-01' }] }) } })
        .thenThrows(RuleViolated, code('network-dissolved'));
    });

    it('answers a conflict, not a refusal, when the facts lack a network or host it already has (a change while they were gathered)', () => {
      const postpone = (facts = muryginoFacts()) => ({ type: 'PostponeEvent' as const, data: { eventId: id, when: inMonth('2021-04'), reason: 'x', today: '2020-11-01', facts } });
      spec.given([planned]).when(postpone(muryginoFacts({ networks: [] }))).thenThrows(ConcurrencyConflict, /try again/);
      spec.given([planned]).when(postpone(muryginoFacts({ registeredInstitutionIds: [] }))).thenThrows(ConcurrencyConflict, /institution murygino-ss/);
    });

    it('is cancelled with a reason, and not without', () => {
      spec.given([planned]).when({ type: 'CancelEvent', data: { eventId: id, reason: 'Карантин' } }).then([cancelled]);
      spec.given([planned]).when({ type: 'CancelEvent', data: { eventId: id, reason: ' ' } }).thenThrows(RuleViolated, code('reason-required'));
    });

    it('is held: the date, the counts, the institutions that took part, the outcome and the publications', () => {
      spec.given([planned]).when(hold()).then([held]);
    });

    it('records the participating institutions that were not members', () => {
      const consilium = bakhmutConsilium();
      spec
        .given([plannedFrom(consilium)])
        .when({
          type: 'RecordEventHeld',
          data: {
            eventId: consilium.data.eventId,
            today: '2020-06-30',
            facts: bakhmutFacts(),
            when: inAcademicYear('2019/2020'),
            participation: { counts: { teachers: 9, preschoolers: 30 }, institutionIds: [BAKHMUT.school7, BAKHMUT.dnz25, BAKHMUT.dnz36] },
            outcome: null,
            materials: [],
            publications: [],
          },
        })
        .then([
          {
            type: 'EventHeld',
            data: {
              eventId: consilium.data.eventId,
              networkIds: [BAKHMUT.district11],
              hostIds: [BAKHMUT.school7],
              when: inAcademicYear('2019/2020'),
              participation: { counts: { teachers: 9, preschoolers: 30 }, institutionIds: [BAKHMUT.school7, BAKHMUT.dnz25, BAKHMUT.dnz36] },
              outcome: null,
              materials: [],
              publications: [],
              outsideHostIds: [],
              outsideInstitutionIds: [BAKHMUT.dnz25, BAKHMUT.dnz36],
            },
          },
        ]);
    });

    it('refuses counts that are not whole numbers of 0 or more', () => {
      spec
        .given([planned])
        .when(hold({ participation: { counts: { pupils: -1, teachers: 2.5, parents: 0, guests: 3 } as never, institutionIds: [] } }))
        .thenThrows(InvalidInput, fields('participation.counts.pupils', 'participation.counts.teachers', 'participation.counts.guests'));
    });

    it('refuses an event held in the future: a day after today, or a range not over yet', () => {
      spec.given([planned]).when(hold({ when: onDay('2021-07-01') })).thenThrows(RuleViolated, code('event-held-in-future'));
      spec.given([planned]).when(hold({ when: onDays('2021-06-29', '2021-07-02') })).thenThrows(RuleViolated, code('event-held-in-future'));
      spec.given([planned]).when(hold({ when: inMonth('2021-07') })).thenThrows(RuleViolated, code('event-held-in-future'));
    });

    it('accepts an event held this month, known only to the month', () => {
      spec
        .given([planned])
        .when(hold({ when: inMonth('2021-06') }, '2021-06-15'))
        .then([{ ...held, data: { ...held.data, when: inMonth('2021-06') } }]);
    });

    it('refuses a held event without a date', () => {
      spec.given([planned]).when(hold({ when: NOT_KNOWN })).thenThrows(RuleViolated, code('held-date-required'));
    });

    it('refuses a participating institution that is not registered, and a link that is not one', () => {
      spec
        .given([planned])
        .when(hold({ participation: { counts: {}, institutionIds: ['nowhere'] } }))
        .thenThrows(RuleViolated, code('institution-not-registered'));
      spec
        .given([planned])
        .when(hold({ publications: [{ url: 'сайт школы', title: null }] }))
        .thenThrows(InvalidInput, fields('publications[0].url'));
    });

    it('refuses a correction as a held event', () => {
      spec
        .given([planned])
        .when({ type: 'CorrectHeldEvent', data: { eventId: id, corrections: { outcome: 'x' }, reason: 'x', today: '2021-06-30', facts: muryginoFacts() } })
        .thenThrows(RuleViolated, code('event-not-held'));
    });

    it('is linked to the plan items it realises, and unlinked with a reason', () => {
      const linked: EventEvent = { type: 'EventLinkedToPlanItem', data: { eventId: id, networkIds: [MURYGINO.district3], planItemId: 'item-3', reason: null } };
      spec.given([planned]).when({ type: 'LinkEventToPlanItem', data: { eventId: id, planItemId: 'item-3', reason: null } }).then([linked]);
      spec.given([planned, linked]).when({ type: 'LinkEventToPlanItem', data: { eventId: id, planItemId: 'item-3', reason: null } }).thenThrows(RuleViolated, code('nothing-to-change'));
      spec
        .given([planned, linked])
        .when({ type: 'UnlinkEventFromPlanItem', data: { eventId: id, planItemId: 'item-3', reason: 'Другой пункт' } })
        .then([{ type: 'EventUnlinkedFromPlanItem', data: { eventId: id, networkIds: [MURYGINO.district3], planItemId: 'item-3', reason: 'Другой пункт' } }]);
      spec.given([planned, linked]).when({ type: 'UnlinkEventFromPlanItem', data: { eventId: id, planItemId: 'item-3', reason: '' } }).thenThrows(RuleViolated, code('reason-required'));
      spec.given([planned]).when({ type: 'UnlinkEventFromPlanItem', data: { eventId: id, planItemId: 'item-3', reason: 'x' } }).thenThrows(RuleViolated, code('plan-item-not-linked'));
    });
  });

  describe('a postponed event', () => {
    it('is held, postponed again or cancelled', () => {
      spec.given([planned, postponed]).when(hold({ when: onDay('2021-04-20') })).then([{ ...held, data: { ...held.data, when: onDay('2021-04-20') } }]);
      spec
        .given([planned, postponed])
        .when({ type: 'PostponeEvent', data: { eventId: id, when: NOT_KNOWN, reason: 'Снова карантин', today: '2021-03-20', facts: muryginoFacts() } })
        .then([{ type: 'EventPostponed', data: { eventId: id, networkIds: [MURYGINO.district3], when: NOT_KNOWN, previousWhen: inMonth('2021-04'), reason: 'Снова карантин', outsideHostIds: [] } }]);
      spec.given([planned, postponed]).when({ type: 'CancelEvent', data: { eventId: id, reason: 'Карантин' } }).then([cancelled]);
    });
  });

  describe('a held event', () => {
    const correct = (corrections: Record<string, unknown>, reason = 'Уточнены данные', today = '2021-07-10') => ({
      type: 'CorrectHeldEvent' as const,
      data: { eventId: id, corrections, reason, today, facts: muryginoFacts() },
    });

    it('refuses to be cancelled or postponed', () => {
      spec.given([planned, held]).when({ type: 'CancelEvent', data: { eventId: id, reason: 'x' } }).thenThrows(RuleViolated, code('event-already-held'));
      spec
        .given([planned, held])
        .when({ type: 'PostponeEvent', data: { eventId: id, when: inMonth('2021-09'), reason: 'x', today: '2021-07-01', facts: muryginoFacts() } })
        .thenThrows(RuleViolated, code('event-already-held'));
    });

    it('refuses to be held again, or corrected as a planned event', () => {
      spec.given([planned, held]).when(hold()).thenThrows(RuleViolated, code('event-already-held'));
      spec
        .given([planned, held])
        .when({ type: 'CorrectEventDetails', data: { eventId: id, corrections: { topic: 'x' }, reason: 'x', today: '2021-07-01', facts: muryginoFacts() } })
        .thenThrows(RuleViolated, code('event-already-held'));
    });

    it('is corrected with a reason, keeping the values it replaces', () => {
      const participation = { counts: { heads: 14, 'deputy-heads': 4 }, institutionIds: [MURYGINO.murygino, MURYGINO.losnya, MURYGINO.peresnya] };
      spec
        .given([planned, held])
        .when(correct({ participation, when: onDay('2021-02-18') }))
        .then([
          {
            type: 'HeldEventCorrected',
            data: {
              eventId: id,
              networkIds: [MURYGINO.district3],
              corrections: { participation, when: onDay('2021-02-18') },
              previous: { participation: heldDetails().participation, when: inAcademicYear('2020/2021') },
              reason: 'Уточнены данные',
            },
          },
        ]);
    });

    it('refuses a correction without a reason, or one that changes nothing', () => {
      spec.given([planned, held]).when(correct({ outcome: 'Другой итог' }, ' ')).thenThrows(RuleViolated, code('reason-required'));
      spec.given([planned, held]).when(correct({ outcome: heldDetails().outcome, level: 'municipal' })).thenThrows(RuleViolated, code('nothing-to-change'));
      // The same counts in another order are the same counts.
      const reordered = { counts: { 'deputy-heads': 4, heads: 12 }, institutionIds: heldDetails().participation.institutionIds };
      spec.given([planned, held]).when(correct({ participation: reordered })).thenThrows(RuleViolated, code('nothing-to-change'));
    });

    it('refuses a correction that dates it in the future, or gives a negative count', () => {
      spec.given([planned, held]).when(correct({ when: onDay('2021-07-11') })).thenThrows(RuleViolated, code('event-held-in-future'));
      spec
        .given([planned, held])
        .when(correct({ participation: { counts: { pupils: -3 }, institutionIds: [] } }))
        .thenThrows(InvalidInput, fields('participation.counts.pupils'));
    });

    it('records the verdict again when a correction adds a participating institution from outside', () => {
      const facts = muryginoFacts({ registeredInstitutionIds: [...muryginoFacts().registeredInstitutionIds, 'smolensk-college'] });
      const participation = { counts: { heads: 12, 'deputy-heads': 4 }, institutionIds: [MURYGINO.murygino, MURYGINO.losnya, 'smolensk-college'] };
      spec
        .given([planned, held])
        .when({ type: 'CorrectHeldEvent', data: { eventId: id, corrections: { participation }, reason: 'Участвовал колледж', today: '2021-07-10', facts } })
        .then([
          {
            type: 'HeldEventCorrected',
            data: {
              eventId: id,
              networkIds: [MURYGINO.district3],
              corrections: { participation, outsideInstitutionIds: ['smolensk-college'] },
              previous: { participation: heldDetails().participation, outsideInstitutionIds: [] },
              reason: 'Участвовал колледж',
            },
          },
        ]);
    });
  });

  describe('a cancelled event', () => {
    it('refuses to be cancelled again', () => {
      spec.given([planned, cancelled]).when({ type: 'CancelEvent', data: { eventId: id, reason: 'x' } }).thenThrows(RuleViolated, code('event-already-cancelled'));
    });
    it('refuses to be held, postponed, corrected or linked', () => {
      spec.given([planned, cancelled]).when(hold()).thenThrows(RuleViolated, code('event-cancelled'));
      spec
        .given([planned, cancelled])
        .when({ type: 'PostponeEvent', data: { eventId: id, when: inMonth('2021-05'), reason: 'x', today: '2021-03-01', facts: muryginoFacts() } })
        .thenThrows(RuleViolated, code('event-cancelled'));
      spec
        .given([planned, cancelled])
        .when({ type: 'CorrectEventDetails', data: { eventId: id, corrections: { topic: 'x' }, reason: null, today: '2021-03-01', facts: muryginoFacts() } })
        .thenThrows(RuleViolated, code('event-cancelled'));
      spec.given([planned, cancelled]).when({ type: 'LinkEventToPlanItem', data: { eventId: id, planItemId: 'item-1', reason: null } }).thenThrows(RuleViolated, code('event-cancelled'));
    });
  });
});
