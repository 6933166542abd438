import { inMonth, inYear, onDay } from '@app/events';
import type { AnnualAnalysisFacts } from './annual-analysis-facts';
import { ID, councilFacts, districtFacts, emptyFacts, eventId, heldEvent } from './annual-analysis.fixtures';
import { composeAnnualAnalysis } from './compose-annual-analysis';

/** The facts with some parts replaced: a given. */
const given = (facts: AnnualAnalysisFacts, over: Partial<AnnualAnalysisFacts> = {}): AnnualAnalysisFacts => ({ ...facts, ...over });

describe('composing the annual analysis', () => {
  describe('given a district of 2020/2021 with a closed plan (uk)', () => {
    const report = composeAnnualAnalysis(districtFacts(), 'uk');

    it('when composed, then the title names the network in the genitive and the academic year', () => {
      expect(report.title).toBe('Аналіз роботи освітнього округу № 2 за 2020/2021 навчальний рік');
      expect(report.period).toEqual({ kind: 'academic-year', label: '2020/2021', text: '2020/2021 навчальний рік', from: '2020-09-01', to: '2021-08-31' });
      expect(report.network).toMatchObject({ name: 'Освітній округ № 2', kindLabel: 'освітній округ', number: '2' });
      expect(report).toMatchObject({ report: 'annual-analysis', schemaVersion: 1, language: 'uk', department: 'sample-city' });
    });

    it('then the anchor line names the anchor in its role', () => {
      expect(report.anchor).toEqual({ institutionId: ID.lyceum, name: 'Ліцей № 4', text: 'опорний заклад освіти – Ліцей № 4' });
    });

    it('then the composition lists the members in name order, the partners apart', () => {
      expect(report.composition.members.map((m) => [m.name, m.roleLabel])).toEqual([
        ['Гімназія № 3', 'учасник'],
        ['ЗДО № 7', 'партнер'],
        ['ЗЗСО № 12', 'учасник'],
        ['Ліцей № 4', 'опорний заклад освіти'],
      ]);
      expect(report.composition.text).toBe('Склад округу: Гімназія № 3, ЗЗСО № 12, Ліцей № 4; партнери: ЗДО № 7.');
    });

    it('then each change says who joined, left or moved, from when, where to and why', () => {
      expect(report.changes.map((c) => [c.on, c.change, c.text])).toEqual([
        [
          '2020-09-01',
          'transferred-out',
          'З 1 вересня 2020 р. ЗЗСО № 9 не входить до складу округу (перехід до складу освітнього округу № 1). За рішенням управління освіти про новий розподіл округів.',
        ],
        ['2021-01-11', 'admitted', 'З 11 січня 2021 р. до складу округу входить ЗЗСО № 12. За ініціативою закладу.'],
        ['2021-02-01', 'role-changed', 'З 1 лютого 2021 р. ЗДО № 7 бере участь у роботі округу на правах партнера.'],
      ]);
      expect(report.changes[1]).toMatchObject({ institutionId: ID.school12, institutionIds: [ID.school12], reason: 'За ініціативою закладу' });
    });

    it('then the plan gives the theme, goal, numbered tasks, kinds of activity, projects and agreements', () => {
      expect(report.plan).toMatchObject({ planId: ID.plan, status: 'closed', revision: 1, theme: 'Формування ключових компетентностей учнів в умовах змішаного навчання', goal: 'Створення єдиного освітнього простору округу' });
      expect(report.plan!.tasks.map((t) => [t.number, t.text])).toEqual([
        [1, 'Організувати спільні методичні заходи'],
        [2, 'Запровадити дистанційні курси для учнів'],
      ]);
      expect(report.plan!.projects[0].text).toBe('Проєкт «Наступність»; мета – плавний перехід дітей зі ЗДО до школи; партнери – ЗДО № 7; заходи – «Формувальне оцінювання».');
      expect(report.plan!.agreements[0].text).toBe('Угода № 7 від 1 вересня 2020 р. «Про співпрацю»; сторони – Ліцей № 4, Педагогічний університет; строк дії – до 31 серпня 2023 р.');
    });

    it('then the events held are numbered in date order, each with its kind, topic, format and platform, host and date as precise as recorded', () => {
      expect(report.eventsHeld.map((e) => [e.number, e.when, e.precision])).toEqual([
        [1, '15 жовтня 2020 р., 14:00–16:00', 'day'],
        [2, '15–17 березня 2021 р.', 'range'],
        [3, 'у березні 2021 р.', 'month'],
        [4, 'протягом року', 'academic-year'],
      ]);
      expect(report.eventsHeld[0].text).toBe(
        'Семінар «Формувальне оцінювання» для педагогічних працівників, дистанційно, платформа Zoom, база проведення – Ліцей № 4, 15 жовтня 2020 р., 14:00–16:00. Учасники – 23 педагогічні працівники, Гімназія № 3.',
      );
      expect(report.eventsHeld[1].text).toBe(
        'Практико-орієнтований семінар «Наступність початкової та базової школи» для освітнього округу № 3, очно, база проведення – ЗЗСО № 12, 15–17 березня 2021 р. Учасники – 21 учень, 3 педагогічні працівники.',
      );
    });

    it('then an event known only to the month is given no day', () => {
      const march = report.eventsHeld[2];
      expect(march.text).toBe('Семінар «Цифрові інструменти вчителя», очно й дистанційно, платформа Google Meet, база проведення – Педагогічний університет (не входить до складу округу), у березні 2021 р.');
      expect(march.text).not.toMatch(/\d+ березня/);
      expect(march.hosts).toEqual([{ institutionId: ID.university, name: 'Педагогічний університет', outside: true }]);
    });

    it('then a topic that names its kind is not preceded by the kind again, and the outcome follows', () => {
      expect(report.eventsHeld[3].text).toBe(
        'Майстер-клас з робототехніки, очно, база проведення – Гімназія № 3, протягом року. Учасники – Педагогічний університет (не входить до складу округу). Результат: учні підготували три проєкти на міський конкурс.',
      );
    });

    it('then the planned events not held say what became of them and why', () => {
      expect(report.notHeld.map((n) => [n.status, n.text])).toEqual([
        ['cancelled', 'День відкритих дверей ліцею, у квітні 2021 р.: скасовано – карантин.'],
        ['carried-over', 'Конкурс «Учнівські наукові проєкти», протягом року: перенесено на наступний рік.'],
      ]);
    });

    it('then the counts are in the plural form of their number', () => {
      expect(report.eventsByKind.map((c) => c.text)).toEqual(['2 семінари', '1 практико-орієнтований семінар', '1 майстер-клас']);
      expect(report.participation.map((c) => c.text)).toEqual(['21 учень', '26 педагогічних працівників']);
    });

    it('then the institutions outside the network say what they hosted and took part in; a link published for several events is listed once', () => {
      expect(report.outside).toEqual([
        {
          institutionId: ID.university,
          name: 'Педагогічний університет',
          eventIds: [eventId(3), eventId(4)],
          text: 'Педагогічний університет: база проведення – «Цифрові інструменти вчителя»; участь – «Майстер-клас з робототехніки».',
        },
      ]);
      expect(report.publications).toEqual([{ url: 'https://lyceum4.example.org/okrug', title: 'Сайт ліцею', eventIds: [eventId(1), eventId(2)], text: 'Сайт ліцею – https://lyceum4.example.org/okrug' }]);
    });

    it('then the closing gives the assessment, conclusions, problems, results per task, the sections and next year’s tasks', () => {
      expect(report.closing).toMatchObject({
        closedOn: '2021-06-30',
        assessment: { grade: 'sufficient', label: 'достатній рівень', comment: 'потребує удосконалення', text: 'Оцінка роботи округу: достатній рівень, потребує удосконалення.' },
        conclusions: 'Співпраця закладів округу сприяла підвищенню якості освітніх послуг.',
        problems: ['недостатнє забезпечення закладів швидкісним інтернетом'],
        nextYear: { title: 'Завдання на 2021/2022 навчальний рік', goal: 'Розбудова мережі дистанційного навчання', tasks: ['Провести спільну олімпіаду'] },
      });
      expect(report.closing!.taskResults.map((t) => t.text)).toEqual([
        '1. Організувати спільні методичні заходи – виконано повністю.',
        '2. Запровадити дистанційні курси для учнів – виконано частково (карантинні обмеження).',
      ]);
      expect(report.sections).toEqual([{ title: 'Ресурсне забезпечення', text: 'Заклади округу спільно використовують спортивний зал ліцею.' }]);
    });

    it('then the charts are the events by kind, participation by category and the plan’s fulfilment', () => {
      expect(report.charts.map((c) => [c.chart, c.title, c.bars.map((b) => `${b.label}: ${b.value}`)])).toEqual([
        ['events-by-kind', 'Заходи за видами', ['Семінар: 2', 'Практико-орієнтований семінар: 1', 'Майстер-клас: 1']],
        ['participation-by-category', 'Учасники за категоріями', ['Учні: 21', 'Педагогічні працівники: 26']],
        ['fulfilment', 'Виконання плану', ['Проведено: 1', 'Скасовано: 1', 'Перенесено на наступний рік: 1']],
      ]);
    });

    it('then the signature is the head’s position and name, dated the plan’s closing', () => {
      expect(report.signature).toEqual({ position: 'Керівник округу, директор Ліцею № 4', name: 'Н. В. Коваль', date: '2021-06-30', dateText: '30 червня 2021 р.' });
      expect(report.basis).toEqual({ position: 4242, asOf: null, reportDate: '2021-06-30', reportDateText: '30 червня 2021 р.' });
    });
  });

  describe('given the same district in Russian words', () => {
    const report = composeAnnualAnalysis(districtFacts(), 'ru');

    it('when composed in ru, then every text is in Russian, with the Russian plural forms and dates', () => {
      expect(report.labels).toMatchObject({ composition: 'Состав округа', goal: 'Цель деятельности', tasks: 'Задачи', signature: 'Руководитель округа' });
      expect(report.anchor!.text).toBe('базовая школа – Ліцей № 4');
      expect(report.eventsByKind.map((c) => c.text)).toEqual(['2 семинара', '1 практико-ориентированный семинар', '1 мастер-класс']);
      expect(report.participation.map((c) => c.text)).toEqual(['21 обучающийся', '26 педагогических работников']);
      expect(report.eventsHeld.map((e) => e.when)).toEqual(['15 октября 2020 г., 14:00–16:00', '15–17 марта 2021 г.', 'в марте 2021 г.', 'в течение года']);
      expect(report.changes[1].text).toBe('С 11 января 2021 г. в состав округа входит ЗЗСО № 12. За ініціативою закладу.');
      expect(report.closing!.nextYear!.title).toBe('Задачи на 2021/2022 учебный год');
      expect(report.signature.dateText).toBe('30 июня 2021 г.');
    });

    it('then a name that is not a network noun with its adjectives is named after the kind, in quotes', () => {
      expect(report.title).toBe('Отчет о работе образовательного округа «Освітній округ № 2» за 2020/2021 учебный год');
    });
  });

  describe('given a Russian school district', () => {
    const facts = districtFacts();
    const report = composeAnnualAnalysis(given(facts, { network: { ...facts.network, name: 'Школьный округ № 3', number: '3' } }), 'ru');

    it('when composed in ru, then its name is inflected in the title as the seeds write it', () => {
      expect(report.title).toBe('Отчет о работе школьного округа № 3 за 2020/2021 учебный год');
    });
  });

  describe('given the same district in English words', () => {
    const report = composeAnnualAnalysis(districtFacts(), 'en');

    it('when composed in en, then the title, labels, counts, dates and lines are English', () => {
      expect(report.title).toBe('Report on the work of Освітній округ № 2 for the 2020/2021 academic year');
      expect(report.period.text).toBe('the 2020/2021 academic year');
      expect(report.labels).toMatchObject({ composition: 'Members of the district', eventsHeld: 'Events held', nextYear: 'Next year’s tasks', signature: 'Head of the district' });
      expect(report.anchor!.text).toBe('anchor school – Ліцей № 4');
      expect(report.composition.text).toBe('Members of the district: Гімназія № 3, ЗЗСО № 12, Ліцей № 4; partners: ЗДО № 7.');
      expect(report.changes.map((c) => c.text)).toEqual([
        'From 1 September 2020, ЗЗСО № 9 is no longer in the district (moved to Освітній округ № 1). За рішенням управління освіти про новий розподіл округів.',
        'From 11 January 2021, ЗЗСО № 12 is a member of the district. За ініціативою закладу.',
        'From 1 February 2021, ЗДО № 7 takes part in the district’s work as a partner.',
      ]);
      expect(report.eventsHeld.map((e) => e.when)).toEqual(['15 October 2020, 14:00–16:00', '15–17 March 2021', 'in March 2021', 'during the year']);
      expect(report.eventsHeld[0].text).toBe('Seminar “Формувальне оцінювання” for teachers, online, on Zoom, hosted by Ліцей № 4, 15 October 2020, 14:00–16:00. Taking part: 23 teachers, Гімназія № 3.');
      expect(report.eventsByKind.map((c) => c.text)).toEqual(['2 seminars', '1 practice-oriented seminar', '1 master class']);
      expect(report.participation.map((c) => c.text)).toEqual(['21 pupils', '26 teachers']);
      expect(report.notHeld[0].text).toBe('Open-door day “День відкритих дверей ліцею”, in April 2021: cancelled – карантин.');
      expect(report.closing!.assessment.text).toBe('Assessment of the district’s work: sufficient; потребує удосконалення.');
      expect(report.closing!.taskResults[1].text).toBe('2. Запровадити дистанційні курси для учнів – done partly (карантинні обмеження).');
      expect(report.closing!.nextYear!.title).toBe('Tasks for the 2021/2022 academic year');
      expect(report.signature.dateText).toBe('30 June 2021');
    });
  });

  describe('given a council of heads that reports by calendar year', () => {
    const facts = councilFacts();

    it('when composed, then the title and the period name the calendar year, in each language', () => {
      expect(composeAnnualAnalysis(facts, 'uk').title).toBe('Аналіз роботи ради керівників закладів освіти за 2021 рік');
      expect(composeAnnualAnalysis(given(facts, { network: { ...facts.network, name: 'Совет руководителей школ района' } }), 'ru').title).toBe('Отчет о работе совета руководителей школ района за 2021 год');
      expect(composeAnnualAnalysis(given(facts, { network: { ...facts.network, name: 'Council of Heads of Schools' } }), 'en').title).toBe('Report on the work of Council of Heads of Schools for 2021');
      expect(composeAnnualAnalysis(facts, 'uk').period).toEqual({ kind: 'calendar-year', label: '2021', text: '2021 рік', from: '2021-01-01', to: '2021-12-31' });
    });

    it('then the labels speak of the council, and five events take the form of five', () => {
      const report = composeAnnualAnalysis(facts, 'uk');
      expect(report.labels).toMatchObject({ composition: 'Склад ради', signature: 'Керівник ради' });
      expect(report.composition.text).toBe('Склад ради: Ліцей № 4.');
      expect(report.eventsByKind.map((c) => c.text)).toEqual(['5 семінарів']);
      expect(composeAnnualAnalysis(facts, 'ru').eventsByKind.map((c) => c.text)).toEqual(['5 семинаров']);
      expect(composeAnnualAnalysis(facts, 'en').eventsByKind.map((c) => c.text)).toEqual(['5 seminars']);
    });

    it('then an event of the calendar year is dated so, not "during the year" of an academic year', () => {
      const report = composeAnnualAnalysis(given(facts, { eventsHeld: [heldEvent(9, 'forum', 'Форум керівників', inYear(2021))] }), 'uk');
      expect(report.eventsHeld[0]).toMatchObject({ when: 'у 2021 р.', precision: 'year', text: 'Форум керівників, очно, у 2021 р.' });
    });

    it('then without a plan, a head or a closing those parts are null and the report is dated the day its facts were gathered, within the year', () => {
      const report = composeAnnualAnalysis(facts, 'uk');
      expect(report).toMatchObject({ plan: null, closing: null, anchor: null, notHeld: [], sections: [] });
      expect(report.signature).toEqual({ position: null, name: null, date: '2021-07-01', dateText: '1 липня 2021 р.' });
      expect(report.charts.map((c) => c.chart)).toEqual(['events-by-kind']);
    });
  });

  describe('given three and five seminars', () => {
    const seminars = (n: number) => {
      const facts = councilFacts();
      return given(facts, { participation: { ...facts.participation, byKind: [{ kind: 'seminar', events: n }] } });
    };

    it('when composed, then "3 семінари" but "5 семінарів", "3 семинара" but "5 семинаров"', () => {
      expect(composeAnnualAnalysis(seminars(3), 'uk').eventsByKind[0].text).toBe('3 семінари');
      expect(composeAnnualAnalysis(seminars(5), 'uk').eventsByKind[0].text).toBe('5 семінарів');
      expect(composeAnnualAnalysis(seminars(3), 'ru').eventsByKind[0].text).toBe('3 семинара');
      expect(composeAnnualAnalysis(seminars(5), 'ru').eventsByKind[0].text).toBe('5 семинаров');
      expect(composeAnnualAnalysis(seminars(21), 'ru').eventsByKind[0].text).toBe('21 семинар');
      expect(composeAnnualAnalysis(seminars(1), 'en').eventsByKind[0].text).toBe('1 seminar');
    });
  });

  describe('given several institutions admitted on one day, the anchor and the head set on it', () => {
    const facts = districtFacts();
    const on = '2020-09-01';
    const admitted = (institutionId: string, recordedAt: string) => ({ change: 'joined' as const, on, institutionId, role: 'member', otherNetworkId: null, by: null, reason: null, recordedAt });
    const report = composeAnnualAnalysis(
      given(facts, {
        changes: [
          admitted(ID.school3, '2020-08-20T09:00:00Z'),
          admitted(ID.lyceum, '2020-08-20T09:00:01Z'),
          { change: 'anchor-set', on, institutionId: ID.lyceum, role: null, otherNetworkId: null, by: null, reason: null, recordedAt: '2020-08-20T09:00:02Z' },
          {
            change: 'head-appointed',
            on,
            institutionId: null,
            role: null,
            otherNetworkId: null,
            by: null,
            reason: null,
            recordedAt: '2020-08-20T09:00:03Z',
            head: { personId: ID.head, position: 'Керівник округу', name: 'Н. В. Коваль', erased: false },
          },
          { change: 'moved-in', on: '2021-01-01', institutionId: ID.school9, role: 'member', otherNetworkId: ID.previousNetwork, by: 'merge', reason: 'Об’єднання округів', recordedAt: '2020-12-20T09:00:00Z' },
          { change: 'renamed', on: '2021-01-01', institutionId: null, role: null, otherNetworkId: null, by: null, reason: null, recordedAt: '2020-12-20T09:00:01Z', name: 'Освітній округ № 2 «Центр»' },
        ],
      }),
      'uk',
    );

    it('when composed, then the admissions are one change naming both, and the anchor, the head, a merge and a renaming are each said in words', () => {
      expect(report.changes.map((c) => [c.change, c.institutionId, c.institutionIds, c.text])).toEqual([
        ['admitted', null, [ID.school3, ID.lyceum], 'З 1 вересня 2020 р. до складу округу входять Гімназія № 3, Ліцей № 4.'],
        ['anchor-set', ID.lyceum, [ID.lyceum], 'З 1 вересня 2020 р. опорний заклад освіти округу – Ліцей № 4.'],
        ['head-appointed', null, [], 'З 1 вересня 2020 р. округ очолює Н. В. Коваль (керівник округу).'],
        ['merged', ID.school9, [ID.school9], 'З 1 січня 2021 р. до складу округу входить ЗЗСО № 9 (унаслідок приєднання освітнього округу № 1). Об’єднання округів.'],
        ['renamed', null, [], 'З 1 січня 2021 р. округ має назву «Освітній округ № 2 «Центр»».'],
      ]);
    });

    it('then a head whose name was erased is appointed without a name', () => {
      const erased = given(facts, {
        changes: [{ change: 'head-appointed', on, institutionId: null, role: null, otherNetworkId: null, by: null, reason: null, recordedAt: '2020-08-20T09:00:03Z', head: { personId: ID.head, position: 'Керівник округу', name: null, erased: true } }],
        composition: { ...facts.composition, head: { ...facts.composition.head!, name: null, erased: true } },
      });
      const r = composeAnnualAnalysis(erased, 'ru');
      expect(r.changes[0].text).toBe('С 1 сентября 2020 г. назначен руководитель округа (керівник округу); его персональные данные удалены по запросу.');
      expect(r.signature).toMatchObject({ position: 'Керівник округу, директор Ліцею № 4', name: null });
    });
  });

  describe('given a network with nothing recorded for the year', () => {
    const report = composeAnnualAnalysis(emptyFacts(), 'ru');

    it('when composed, then every section with nothing to say is empty or null', () => {
      expect(report).toMatchObject({
        anchor: null,
        composition: { members: [], text: '' },
        changes: [],
        plan: null,
        eventsHeld: [],
        notHeld: [],
        participation: [],
        eventsByKind: [],
        outside: [],
        publications: [],
        sections: [],
        closing: null,
        charts: [],
        signature: { position: null, name: null },
      });
      expect(report.title).toBe('Отчет о работе образовательного округа «Освітній округ № 8» за 2021/2022 учебный год');
    });
  });

  describe('given the date a report is asked for, or the day the records are read as of', () => {
    it('when composed with a report date, then it is the signature’s', () => {
      expect(composeAnnualAnalysis(districtFacts(), 'uk', { reportDate: '2021-10-25' }).signature).toMatchObject({ date: '2021-10-25', dateText: '25 жовтня 2021 р.' });
    });
    it('when the facts are as of a day, then the report is dated that day', () => {
      const facts = districtFacts();
      expect(composeAnnualAnalysis(given(facts, { basis: { ...facts.basis, asOf: '2021-03-01' } }), 'ru').basis).toEqual({ position: 4242, asOf: '2021-03-01', reportDate: '2021-03-01', reportDateText: '1 марта 2021 г.' });
    });
  });

  describe('given the same facts twice', () => {
    it('when composed twice, then the reports are equal', () => {
      expect(JSON.stringify(composeAnnualAnalysis(districtFacts(), 'uk'))).toBe(JSON.stringify(composeAnnualAnalysis(districtFacts(), 'uk')));
    });
  });

  describe('given an event known to the day and one only to the month', () => {
    it('when composed in each language, then only the one known to the day has a day', () => {
      const facts = given(councilFacts(), { eventsHeld: [heldEvent(1, 'seminar', 'Семінар', onDay('2021-03-15')), heldEvent(2, 'seminar', 'Семінар', inMonth('2021-03'))] });
      expect(composeAnnualAnalysis(facts, 'uk').eventsHeld.map((e) => e.when)).toEqual(['15 березня 2021 р.', 'у березні 2021 р.']);
      expect(composeAnnualAnalysis(facts, 'ru').eventsHeld.map((e) => e.when)).toEqual(['15 марта 2021 г.', 'в марте 2021 г.']);
      expect(composeAnnualAnalysis(facts, 'en').eventsHeld.map((e) => e.when)).toEqual(['15 March 2021', 'in March 2021']);
    });
  });
});
