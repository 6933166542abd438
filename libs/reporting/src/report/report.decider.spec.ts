import { NotFound, RuleViolated, describeEvent, fold, idsConcerned } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import {
  RecordReportGenerated,
  ReportRequestEvent,
  ReportGenerated,
  ReportRequested,
  RequestReport,
  isFinished,
  reportDecider,
  reportEvents,
  reportStream,
} from './report.decider';

const spec = DeciderSpecification.for(reportDecider);
const rule = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);

const REPORT = '0190a1b2-0000-7000-8000-00000000a001';
const NETWORK = '0190a1b2-0000-7000-8000-00000000b001';
const period = { kind: 'academic-year', academicYear: '2020/2021' } as const;

/** Murygino district No. 3's analysis for 2020/2021, in Russian, asked on 25 October 2021 with the log at 120. */
const requestOf = (over: Partial<RequestReport['data']> = {}, parameters: Partial<RequestReport['data']['parameters']> = {}): RequestReport => ({
  type: 'RequestReport',
  data: {
    reportId: REPORT,
    department: 'murygino',
    report: 'annual-analysis',
    format: 'docx',
    parameters: { networkId: NETWORK, period, language: 'ru', asOf: null, ...parameters },
    head: 120,
    today: '2021-10-25',
    network: { networkId: NETWORK, reportingPeriod: 'academic-year' },
    generator: { available: true },
    ...over,
  },
});
const requested = (position = 120, asOf: string | number | null = null): ReportRequested => ({
  type: 'ReportRequested',
  data: { reportId: REPORT, department: 'murygino', report: 'annual-analysis', parameters: { networkId: NETWORK, period, language: 'ru', asOf }, format: 'docx', position },
});
const started = (attempt = 1): ReportRequestEvent => ({ type: 'ReportGenerationStarted', data: { reportId: REPORT, attempt } });
const progressed = (progress: number, attempt = 1, stage: string | null = null): ReportRequestEvent => ({ type: 'ReportProgressed', data: { reportId: REPORT, attempt, progress, stage } });
const artifact = { hash: 'a'.repeat(64), size: 2048, contentType: 'application/json', fileName: 'Отчет о работе округа № 3.json', storageKey: `murygino/${REPORT}/${'a'.repeat(64)}` };
const generated = (position = 120): ReportGenerated => ({ type: 'ReportGenerated', data: { reportId: REPORT, artifact, position, templateVersion: null } });
const failed = (reason = 'the network has no plan'): ReportRequestEvent => ({ type: 'ReportFailed', data: { reportId: REPORT, reason } });
const generate = (position = 120): RecordReportGenerated => ({ type: 'RecordReportGenerated', data: { reportId: REPORT, artifact, position, templateVersion: null } });

describe('a report', () => {
  describe('requested', () => {
    it('is built at the head of the log when it was requested', () => {
      spec.given([]).when(requestOf()).then([requested()]);
    });

    it('is built at the position asOf names, or at the head with the day asOf names', () => {
      spec.given([]).when(requestOf({}, { asOf: 57 })).then([requested(57, 57)]);
      spec.given([]).when(requestOf({}, { asOf: 120 })).then([requested(120, 120)]);
      spec.given([]).when(requestOf({}, { asOf: '2021-06-30' })).then([requested(120, '2021-06-30')]);
      spec.given([]).when(requestOf({}, { asOf: '2021-10-25' })).then([requested(120, '2021-10-25')]);
    });

    it('refuses a position the log has not reached, and a day after today (422)', () => {
      spec.given([]).when(requestOf({}, { asOf: 121 })).thenThrows(RuleViolated, rule('position-not-recorded'));
      spec.given([]).when(requestOf({}, { asOf: '2021-10-26' })).thenThrows(RuleViolated, rule('as-of-in-the-future'));
    });

    it('refuses a network the department does not have (422 network-not-registered)', () => {
      spec.given([]).when(requestOf({ network: null })).thenThrows(RuleViolated, rule('network-not-registered'));
      spec.given([]).when(requestOf({ network: { networkId: 'other', reportingPeriod: 'academic-year' } })).thenThrows(RuleViolated, rule('network-not-registered'));
    });

    it('refuses a period of another kind than the network reports by (422 period-kind-mismatch)', () => {
      spec.given([]).when(requestOf({}, { period: { kind: 'calendar-year', year: 2021 } })).thenThrows(RuleViolated, rule('period-kind-mismatch'));
      spec.given([]).when(requestOf({ network: { networkId: NETWORK, reportingPeriod: 'calendar-year' } })).thenThrows(RuleViolated, rule('period-kind-mismatch'));
    });

    it('records the department template in force that the handler found, and none when the built-in one is', () => {
      const template = { version: 2, hash: 'c'.repeat(64), storageKey: `murygino/templates/annual-analysis/${'c'.repeat(64)}` };
      const [event] = reportDecider.decide(requestOf({ template }), fold(reportDecider, []));
      expect(event).toEqual({ ...requested(), data: { ...requested().data, template } });
      const [builtIn] = reportDecider.decide(requestOf({ template: null }), fold(reportDecider, []));
      expect('template' in builtIn.data).toBe(false);
    });

    it('refuses a kind and format no generator is registered for, saying why (422 report-format-unavailable)', () => {
      spec
        .given([])
        .when(requestOf({ generator: { available: false, reason: 'no generator is registered for annual-analysis in pdf' } }))
        .thenThrows(RuleViolated, (error) => {
          expect((error as RuleViolated).code).toBe('report-format-unavailable');
          expect(error.message).toBe('no generator is registered for annual-analysis in pdf');
        });
    });

    it('is requested once: its id names one request', () => {
      spec.given([requested()]).when(requestOf()).thenThrows(RuleViolated, rule('report-already-requested'));
    });
  });

  describe('of another kind', () => {
    const INSTITUTION = '0190a1b2-0000-7000-8000-00000000d001';
    const ranged = { kind: 'academic-year', from: '2019/2020', to: '2022/2023' } as const;
    const table = (parameters: object, over: Partial<RequestReport['data']> = {}): RequestReport =>
      requestOf({ report: 'monitoring-table', format: 'xlsx', parameters: { networkId: NETWORK, periods: ranged, rowsBy: 'series', language: 'uk', ...parameters } as never, ...over });
    const summary = (over: Partial<RequestReport['data']> = {}): RequestReport =>
      requestOf({ report: 'department-summary', network: null, parameters: { period, language: 'uk' } as never, ...over });
    const profile = (parameters: object = {}, over: Partial<RequestReport['data']> = {}): RequestReport =>
      requestOf({ report: 'institution-profile', network: null, institution: { institutionId: INSTITUTION }, parameters: { institutionId: INSTITUTION, from: null, to: null, language: 'en', ...parameters } as never, ...over });
    const requestedOf = (report: ReportRequested['data']['report'], parameters: object, format = 'docx', position = 120): ReportRequested => ({
      type: 'ReportRequested',
      data: { reportId: REPORT, department: 'murygino', report, parameters: { asOf: null, ...parameters } as never, format: format as never, position },
    });

    it('a monitoring table: of a network the department has, over its years, rows by series unless asked by kind, at the head of the log', () => {
      spec.given([]).when(table({})).then([requestedOf('monitoring-table', { networkId: NETWORK, periods: ranged, rowsBy: 'series', language: 'uk' }, 'xlsx')]);
      spec.given([]).when(table({ rowsBy: undefined })).then([requestedOf('monitoring-table', { networkId: NETWORK, periods: ranged, rowsBy: 'series', language: 'uk' }, 'xlsx')]);
      // By calendar year for a network that reports by academic year: a table's years are its own (what cannot be placed in one is listed apart).
      const calendar = { kind: 'calendar-year', from: 2019, to: 2022 } as const;
      spec.given([]).when(table({ periods: calendar, rowsBy: 'kinds' })).then([requestedOf('monitoring-table', { networkId: NETWORK, periods: calendar, rowsBy: 'kinds', language: 'uk' }, 'xlsx')]);
    });

    it('a monitoring table of the whole department names no network, and needs none', () => {
      spec.given([]).when(table({ networkId: null }, { network: null })).then([requestedOf('monitoring-table', { networkId: null, periods: ranged, rowsBy: 'series', language: 'uk' }, 'xlsx')]);
      spec.given([]).when(table({ networkId: undefined }, { network: null })).then([requestedOf('monitoring-table', { networkId: null, periods: ranged, rowsBy: 'series', language: 'uk' }, 'xlsx')]);
    });

    it('a monitoring table refuses a network the department does not have (422 network-not-registered)', () => {
      spec.given([]).when(table({}, { network: null })).thenThrows(RuleViolated, rule('network-not-registered'));
    });

    it('a monitoring table of no year or of more than twenty is a bug of the request’s validation, not a refusal', () => {
      spec.given([]).when(table({ periods: { kind: 'calendar-year', from: 2022, to: 2019 } })).thenThrows(RangeError);
      spec.given([]).when(table({ periods: { kind: 'calendar-year', from: 2000, to: 2020 } })).thenThrows(RangeError);
    });

    it('a department summary: of the period, by academic or calendar year, at the head of the log', () => {
      spec.given([]).when(summary()).then([requestedOf('department-summary', { period, language: 'uk' })]);
      spec.given([]).when(summary({ parameters: { period: { kind: 'calendar-year', year: 2021 }, language: 'ru' } as never })).then([requestedOf('department-summary', { period: { kind: 'calendar-year', year: 2021 }, language: 'ru' })]);
    });

    it('an institution profile: of an institution the department has, its events of the days asked or all', () => {
      spec.given([]).when(profile()).then([requestedOf('institution-profile', { institutionId: INSTITUTION, from: null, to: null, language: 'en' })]);
      spec.given([]).when(profile({ from: '2019-09-01', to: '2020-08-31' })).then([requestedOf('institution-profile', { institutionId: INSTITUTION, from: '2019-09-01', to: '2020-08-31', language: 'en' })]);
      spec.given([]).when(profile({ from: undefined, to: undefined })).then([requestedOf('institution-profile', { institutionId: INSTITUTION, from: null, to: null, language: 'en' })]);
    });

    it('an institution profile refuses an institution the department does not have (422 institution-not-registered)', () => {
      spec.given([]).when(profile({}, { institution: null })).thenThrows(RuleViolated, rule('institution-not-registered'));
      spec.given([]).when(profile({}, { institution: { institutionId: 'another' } })).thenThrows(RuleViolated, rule('institution-not-registered'));
    });

    it('an institution profile of one day of two, or of days backwards, is a bug of the request’s validation', () => {
      spec.given([]).when(profile({ from: '2019-09-01', to: null })).thenThrows(RangeError);
      spec.given([]).when(profile({ from: '2020-09-01', to: '2019-09-01' })).thenThrows(RangeError);
    });

    it('each is built at the position asOf names, or at the head as of the day asOf names; left out: null, at the head', () => {
      const tableParameters = { networkId: NETWORK, periods: ranged, rowsBy: 'series', language: 'uk' };
      const profileParameters = { institutionId: INSTITUTION, from: null, to: null, language: 'en' };
      for (const asOf of [57, 120, '2021-06-30', '2021-10-25', null, undefined]) {
        const position = typeof asOf === 'number' ? asOf : 120;
        const recorded = asOf ?? null;
        spec.given([]).when(table({ asOf })).then([requestedOf('monitoring-table', { ...tableParameters, asOf: recorded }, 'xlsx', position)]);
        spec.given([]).when(summary({ parameters: { period, language: 'uk', asOf } as never })).then([requestedOf('department-summary', { period, language: 'uk', asOf: recorded }, 'docx', position)]);
        spec.given([]).when(profile({ asOf })).then([requestedOf('institution-profile', { ...profileParameters, asOf: recorded }, 'docx', position)]);
      }
    });

    it('each refuses a position the log has not reached (422 position-not-recorded), and a day after today (422 as-of-in-the-future)', () => {
      for (const [asOf, code] of [[121, 'position-not-recorded'], ['2021-10-26', 'as-of-in-the-future'], ['2022-01-01', 'as-of-in-the-future']] as const) {
        spec.given([]).when(table({ asOf })).thenThrows(RuleViolated, rule(code));
        spec.given([]).when(table({ networkId: null, asOf }, { network: null })).thenThrows(RuleViolated, rule(code));
        spec.given([]).when(summary({ parameters: { period, language: 'uk', asOf } as never })).thenThrows(RuleViolated, rule(code));
        spec.given([]).when(profile({ asOf })).thenThrows(RuleViolated, rule(code));
      }
    });

    it('each refuses what it is of before its asOf: a network or institution the department does not have is refused first', () => {
      spec.given([]).when(table({ asOf: 121 }, { network: null })).thenThrows(RuleViolated, rule('network-not-registered'));
      spec.given([]).when(profile({ asOf: '2021-10-26' }, { institution: null })).thenThrows(RuleViolated, rule('institution-not-registered'));
    });

    it('each refuses a format no generator makes here (422 report-format-unavailable)', () => {
      const unavailable = { generator: { available: false as const, reason: 'no generator is registered for institution-profile in xlsx' } };
      spec.given([]).when(table({}, unavailable)).thenThrows(RuleViolated, rule('report-format-unavailable'));
      spec.given([]).when(summary(unavailable)).thenThrows(RuleViolated, rule('report-format-unavailable'));
      spec.given([]).when(profile({}, unavailable)).thenThrows(RuleViolated, rule('report-format-unavailable'));
    });

    it('each concerns what it is of, and is described with its years', () => {
      const [tableEvent] = reportDecider.decide(table({}), fold(reportDecider, []));
      expect(idsConcerned(reportEvents, tableEvent, 'network')).toEqual([NETWORK]);
      expect(describeEvent(reportEvents, tableEvent)).toEqual({
        uk: 'Замовлено звіт «моніторинг заходів» за 2019/2020–2022/2023 (XLSX)',
        ru: 'Заказан отчет «мониторинг мероприятий» за 2019/2020–2022/2023 (XLSX)',
        en: 'Report "monitoring table" for 2019/2020–2022/2023 requested (XLSX)',
      });
      const [department] = reportDecider.decide(table({ networkId: null }, { network: null }), fold(reportDecider, []));
      expect(idsConcerned(reportEvents, department, 'network')).toEqual([]);
      const [summaryEvent] = reportDecider.decide(summary(), fold(reportDecider, []));
      expect(idsConcerned(reportEvents, summaryEvent, 'department')).toEqual(['murygino']);
      expect(describeEvent(reportEvents, summaryEvent).uk).toBe('Замовлено звіт «зведений звіт» за 2020/2021 (DOCX)');
      const [profileEvent] = reportDecider.decide(profile(), fold(reportDecider, []));
      expect(idsConcerned(reportEvents, profileEvent, 'institution')).toEqual([INSTITUTION]);
      expect(idsConcerned(reportEvents, profileEvent, 'network')).toEqual([]);
      expect(describeEvent(reportEvents, profileEvent).en).toBe('Report "institution profile" requested (DOCX)');
    });
  });

  describe('generating', () => {
    it('starts an attempt each time its job is delivered', () => {
      spec.given([requested()]).when({ type: 'StartReportGeneration', data: { reportId: REPORT } }).then([started(1)]);
      // Numbered by the report, whatever the queue counted (a queue that died with its process starts again from 1).
      spec.given([requested(), started(1)]).when({ type: 'StartReportGeneration', data: { reportId: REPORT } }).then([started(2)]);
      spec.given([requested(), started(1), progressed(0.4), started(2)]).when({ type: 'StartReportGeneration', data: { reportId: REPORT } }).then([started(3)]);
    });

    it('records its progress forward within the attempt under way, and nothing for a step back or a repeat', () => {
      const progress = (value: number, attempt = 1, stage: string | null = null) => ({ type: 'RecordReportProgress' as const, data: { reportId: REPORT, attempt, progress: value, stage } });
      spec.given([requested(), started()]).when(progress(0.3, 1, '  composing ')).then([progressed(0.3, 1, 'composing')]);
      spec.given([requested(), started(), progressed(0.3)]).when(progress(0.3)).then([]);
      spec.given([requested(), started(), progressed(0.3)]).when(progress(0.2)).then([]);
      // A later attempt started: the first one's progress is no longer the report's.
      spec.given([requested(), started(1), started(2)]).when(progress(0.5, 1)).then([]);
      spec.given([requested(), started(1), progressed(0.6), started(2)]).when(progress(0.1, 2)).then([progressed(0.1, 2)]);
      // Not started: nothing to tell.
      spec.given([requested()]).when(progress(0.5)).then([]);
    });

    it('is generated at its own position, once', () => {
      spec.given([requested(), started()]).when(generate()).then([generated()]);
      spec.given([requested(), started()]).when(generate(121)).thenThrows(RuleViolated, rule('position-mismatch'));
    });

    it('fails with the reason, trimmed and bounded', () => {
      spec.given([requested(), started()]).when({ type: 'RecordReportFailed', data: { reportId: REPORT, reason: '  the network has no plan \n' } }).then([failed()]);
      const [event] = reportDecider.decide({ type: 'RecordReportFailed', data: { reportId: REPORT, reason: 'x'.repeat(5000) } }, fold(reportDecider, [requested()]));
      expect((event.data as { reason: string }).reason).toHaveLength(2000);
    });
  });

  describe('with its outcome', () => {
    it('refuses a second outcome, another attempt and more progress (a job delivered twice records once)', () => {
      for (const outcome of [generated(), failed()]) {
        const history = [requested(), started(), outcome];
        expect(isFinished(fold(reportDecider, history))).toBe(true);
        spec.given(history).when(generate()).thenThrows(RuleViolated, rule('report-finished'));
        spec.given(history).when({ type: 'RecordReportFailed', data: { reportId: REPORT, reason: 'late' } }).thenThrows(RuleViolated, rule('report-finished'));
        spec.given(history).when({ type: 'StartReportGeneration', data: { reportId: REPORT } }).thenThrows(RuleViolated, rule('report-finished'));
        spec.given(history).when({ type: 'RecordReportProgress', data: { reportId: REPORT, attempt: 1, progress: 0.5, stage: null } }).thenThrows(RuleViolated, rule('report-finished'));
      }
    });

    it('keeps its artifact and position in the state', () => {
      expect(fold(reportDecider, [requested(), started(), progressed(0.5), generated()])).toMatchObject({ status: 'generated', progress: 1, artifact, position: 120, attempts: 1 });
    });
  });

  describe('unknown', () => {
    it('has no attempt nor outcome (404)', () => {
      spec.given([]).when({ type: 'StartReportGeneration', data: { reportId: REPORT } }).thenThrows(NotFound);
      spec.given([]).when(generate()).thenThrows(NotFound);
    });
  });

  it('is recorded on its own stream, concerns the report, its department and network, and is described in uk/ru/en', () => {
    expect(reportStream(REPORT)).toBe(`Report-${REPORT}`);
    const [event] = reportDecider.decide(requestOf(), fold(reportDecider, []));
    expect(idsConcerned(reportEvents, event, 'report')).toEqual([REPORT]);
    expect(idsConcerned(reportEvents, event, 'network')).toEqual([NETWORK]);
    expect(idsConcerned(reportEvents, event, 'department')).toEqual(['murygino']);
    const history: ReportRequestEvent[] = [requested(), started(), progressed(0.5), generated(), failed()];
    expect(history.map((e) => describeEvent(reportEvents, e))).toEqual([
      { uk: 'Замовлено звіт «аналіз роботи» за 2020/2021 (DOCX)', ru: 'Заказан отчет «анализ работы» за 2020/2021 (DOCX)', en: 'Report "annual analysis" for 2020/2021 requested (DOCX)' },
      { uk: 'Розпочато складання звіту (спроба 1)', ru: 'Начато формирование отчета (попытка 1)', en: 'Report generation started (attempt 1)' },
      { uk: 'Складання звіту: 50%', ru: 'Формирование отчета: 50%', en: 'Report generation: 50%' },
      { uk: 'Звіт складено: Отчет о работе округа № 3.json (2048 байт)', ru: 'Отчет сформирован: Отчет о работе округа № 3.json (2048 байт)', en: 'Report generated: Отчет о работе округа № 3.json (2048 bytes)' },
      { uk: 'Звіт не вдалося скласти: the network has no plan', ru: 'Отчет не удалось сформировать: the network has no plan', en: 'Report failed: the network has no plan' },
    ]);
  });
});
