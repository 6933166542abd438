import { RuleViolated, describeEvent, fold, idsConcerned } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import {
  ReportTemplateEvent,
  ReportTemplateUploaded,
  UploadReportTemplate,
  reportTemplateDecider,
  reportTemplateEvents,
  reportTemplateStorageKey,
  reportTemplateStream,
  templateInForce,
} from './report-template.decider';

const spec = DeciderSpecification.for(reportTemplateDecider);
const rule = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const key = (hash: string) => reportTemplateStorageKey('murygino', 'annual-analysis', hash);

/** Murygino's own template of the annual analysis, the DOCX of hash `hash`. */
const upload = (hash = A, fileName = 'Аналіз.docx'): UploadReportTemplate => ({
  type: 'UploadReportTemplate',
  data: { department: 'murygino', report: 'annual-analysis', hash, size: 4096, fileName, storageKey: key(hash), placeholders: ['title', '#eventsHeld', 'text'] },
});
const uploaded = (version: number, hash = A, fileName = 'Аналіз.docx'): ReportTemplateUploaded => ({
  type: 'ReportTemplateUploaded',
  data: { department: 'murygino', report: 'annual-analysis', version, hash, size: 4096, fileName, storageKey: key(hash), placeholders: ['title', '#eventsHeld', 'text'] },
});
const withdrawn = (version: number): ReportTemplateEvent => ({ type: 'ReportTemplateWithdrawn', data: { department: 'murygino', report: 'annual-analysis', version } });
const withdraw = { type: 'WithdrawReportTemplate', data: { department: 'murygino', report: 'annual-analysis' } } as const;

describe('a department’s templates of a kind of report', () => {
  it('lives in its own stream per department and kind', () => {
    expect(reportTemplateStream('murygino', 'annual-analysis')).toBe('ReportTemplate-murygino-annual-analysis');
    expect(key(A)).toBe(`murygino/templates/annual-analysis/${A}`);
  });

  describe('uploaded', () => {
    it('is version 1 first, then 2, 3… each recorded', () => {
      spec.given([]).when(upload()).then([uploaded(1)]);
      spec.given([uploaded(1)]).when(upload(B, 'v2.docx')).then([uploaded(2, B, 'v2.docx')]);
      spec.given([uploaded(1), withdrawn(1)]).when(upload(B)).then([uploaded(2, B)]);
    });

    it('records nothing for the same file as the version in force; the same file after another, or after a withdrawal, is a new version', () => {
      spec.given([uploaded(1)]).when(upload()).then([]);
      spec.given([uploaded(1), uploaded(2, B)]).when(upload()).then([uploaded(3)]);
      spec.given([uploaded(1), withdrawn(1)]).when(upload()).then([uploaded(2)]);
    });

    it('names the file after its kind when no name is given, keeps the last part of a path without control characters, and cuts a long name', () => {
      spec.given([]).when(upload(A, '  ')).then([uploaded(1, A, 'annual-analysis.docx')]);
      spec.given([]).when(upload(A, 'C:\\Users\\metodyst\\Аналіз\u0007 роботи.docx')).then([uploaded(1, A, 'Аналіз роботи.docx')]);
      spec.given([]).when(upload(A, '../..')).then([uploaded(1, A, 'annual-analysis.docx')]);
      const [event] = reportTemplateDecider.decide(upload(A, 'x'.repeat(300)), fold(reportTemplateDecider, []));
      expect((event as ReportTemplateUploaded).data.fileName).toHaveLength(200);
    });

    it('takes only a SHA-256, a size and the key the department’s template of that hash is stored under (a bug otherwise)', () => {
      spec.given([]).when(upload('nothex')).thenThrows(RangeError);
      spec.given([]).when({ ...upload(), data: { ...upload().data, storageKey: `other/templates/annual-analysis/${A}` } }).thenThrows(RangeError);
      spec.given([]).when({ ...upload(), data: { ...upload().data, size: 0 } }).thenThrows(RangeError);
    });
  });

  describe('withdrawn', () => {
    it('records the version withdrawn: the built-in template applies again', () => {
      spec.given([uploaded(1), uploaded(2, B)]).when(withdraw).then([withdrawn(2)]);
    });

    it('refuses when the built-in template is in force already (422 report-template-not-in-force)', () => {
      spec.given([]).when(withdraw).thenThrows(RuleViolated, rule('report-template-not-in-force'));
      spec.given([uploaded(1), withdrawn(1)]).when(withdraw).thenThrows(RuleViolated, rule('report-template-not-in-force'));
    });
  });

  it('has in force the last version uploaded, none once withdrawn', () => {
    const state = (events: ReportTemplateEvent[]) => templateInForce(fold(reportTemplateDecider, events));
    expect(state([])).toBeNull();
    expect(state([uploaded(1), uploaded(2, B)])).toEqual({ version: 2, hash: B, storageKey: key(B) });
    expect(state([uploaded(1), uploaded(2, B), withdrawn(2)])).toBeNull();
    expect(fold(reportTemplateDecider, [uploaded(1), withdrawn(1)]).versions).toHaveLength(1);
  });

  it('concerns the department, and is described in three languages', () => {
    expect(idsConcerned(reportTemplateEvents, uploaded(2), 'department')).toEqual(['murygino']);
    expect(describeEvent(reportTemplateEvents, uploaded(2))).toEqual({
      uk: 'Завантажено шаблон звіту «аналіз роботи», версія 2 (Аналіз.docx)',
      ru: 'Загружен шаблон отчета «анализ работы», версия 2 (Аналіз.docx)',
      en: 'Template of the report "annual analysis" uploaded, version 2 (Аналіз.docx)',
    });
    expect(describeEvent(reportTemplateEvents, withdrawn(2)).ru).toBe('Шаблон отчета «анализ работы» версии 2 отозван: действует встроенный');
  });
});
