import { EventContracts, IsoDate, LocalText, ReportingPeriod, reportingPeriodLabel, streamName } from '@app/kernel';
import type { ReportLanguage } from '../annual-analysis/annual-analysis.model';

/*
 * A report a department asked for, from its request to its document (docs/reporting.md,
 * "Requests, jobs and artifacts"). One aggregate per report, its stream `Report-<report id>`:
 * the request (what, for which network and period, in which language and format, at which
 * log position), each attempt at generating it and its progress, and one outcome: the
 * artifact (its hash, size, type, name and where it is stored) or the reason it failed.
 */

/** Stream of one report (`Report-<report id>`). */
export const reportStream = (reportId: string): string => streamName('Report', reportId);

/** The kinds of report the module writes; more (the monitoring table, the department summary) come later. */
export const REPORT_KINDS = ['annual-analysis'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, LocalText>> = {
  'annual-analysis': { uk: 'аналіз роботи', ru: 'анализ работы', en: 'annual analysis' },
};

/** The formats a report may be asked in; DOCX is the default. Which are available is the generators' (docs/reporting.md). */
export const REPORT_FORMATS = ['docx', 'html', 'markdown', 'json', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const DEFAULT_REPORT_FORMAT: ReportFormat = 'docx';

/** A file name's extension for each format. */
export const REPORT_FORMAT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { docx: 'docx', html: 'html', markdown: 'md', json: 'json', pdf: 'pdf' };

export const REPORT_LANGUAGES = ['uk', 'ru', 'en'] as const satisfies readonly ReportLanguage[];
export type { ReportLanguage };

/**
 * What an annual analysis is of: a network, a period (an academic or a calendar year, as the
 * network reports), the language it is written in, and optionally the records as they stood on
 * a day (`asOf`: a date, the generator reads what was recorded by its end) or at a log position
 * (a number, which is then the report's position). Null: as recorded when requested.
 */
export interface AnnualAnalysisParameters {
  networkId: string;
  period: ReportingPeriod;
  language: ReportLanguage;
  asOf: IsoDate | number | null;
}

/** The parameters of a report, by its kind (one kind so far). */
export type ReportParameters = AnnualAnalysisParameters;

/** A generated document as stored: its SHA-256 (hex), size in bytes, content type, file name, and the key the artifact store keeps it under. */
export interface ReportArtifact {
  hash: string;
  size: number;
  contentType: string;
  fileName: string;
  storageKey: string;
}

/**
 * A report asked for. `position` is the log position it is built at, so that generating it
 * again gives the same document: the head of the log when it was requested, or the position
 * `asOf` names. Who asked and when is the envelope's (`actor`, `recordedAt`).
 */
export type ReportRequested = {
  type: 'ReportRequested';
  data: { reportId: string; department: string; report: ReportKind; parameters: ReportParameters; format: ReportFormat; position: number };
};

/** A job began generating it (`attempt`: 1 for the first delivery, 2… for a retry or a delivery after a restart, as the report counts them). */
export type ReportGenerationStarted = { type: 'ReportGenerationStarted'; data: { reportId: string; attempt: number } };

/** How far the attempt has come (0 to 1) and at which step, as the generator tells it. */
export type ReportProgressed = { type: 'ReportProgressed'; data: { reportId: string; attempt: number; progress: number; stage: string | null } };

/** The document was generated at the report's position and stored; `templateVersion` names the department template it used, null for the built-in one. */
export type ReportGenerated = { type: 'ReportGenerated'; data: { reportId: string; artifact: ReportArtifact; position: number; templateVersion: string | null } };

/** The report could not be generated, and why. A request that failed stays failed; ask again for a new report. */
export type ReportFailed = { type: 'ReportFailed'; data: { reportId: string; reason: string } };

/** Every event of a report's stream (`ReportEvent` is the data model's event held, in `annual-analysis.model.ts`). */
export type ReportRequestEvent = ReportRequested | ReportGenerationStarted | ReportProgressed | ReportGenerated | ReportFailed;

const kindWords = (kind: ReportKind, language: keyof LocalText): string => REPORT_KIND_LABELS[kind][language];
const format = (f: ReportFormat): string => f.toUpperCase();
const percent = (progress: number): number => Math.round(progress * 100);

/** What the platform knows of each report event. */
export const reportEvents: EventContracts<ReportRequestEvent> = {
  ReportRequested: {
    effectiveOn: () => null,
    concerns: (d) => [
      { kind: 'report', id: d.reportId },
      { kind: 'department', id: d.department },
      { kind: 'network', id: d.parameters.networkId },
    ],
    describe: (d) => {
      const period = reportingPeriodLabel(d.parameters.period);
      return {
        uk: `Замовлено звіт «${kindWords(d.report, 'uk')}» за ${period} (${format(d.format)})`,
        ru: `Заказан отчет «${kindWords(d.report, 'ru')}» за ${period} (${format(d.format)})`,
        en: `Report "${kindWords(d.report, 'en')}" for ${period} requested (${format(d.format)})`,
      };
    },
  },
  ReportGenerationStarted: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'report', id: d.reportId }],
    describe: (d) => ({
      uk: `Розпочато складання звіту (спроба ${d.attempt})`,
      ru: `Начато формирование отчета (попытка ${d.attempt})`,
      en: `Report generation started (attempt ${d.attempt})`,
    }),
  },
  ReportProgressed: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'report', id: d.reportId }],
    describe: (d) => ({
      uk: `Складання звіту: ${percent(d.progress)}%`,
      ru: `Формирование отчета: ${percent(d.progress)}%`,
      en: `Report generation: ${percent(d.progress)}%`,
    }),
  },
  ReportGenerated: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'report', id: d.reportId }],
    describe: (d) => ({
      uk: `Звіт складено: ${d.artifact.fileName} (${d.artifact.size} байт)`,
      ru: `Отчет сформирован: ${d.artifact.fileName} (${d.artifact.size} байт)`,
      en: `Report generated: ${d.artifact.fileName} (${d.artifact.size} bytes)`,
    }),
  },
  ReportFailed: {
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'report', id: d.reportId }],
    describe: (d) => ({
      uk: `Звіт не вдалося скласти: ${d.reason}`,
      ru: `Отчет не удалось сформировать: ${d.reason}`,
      en: `Report failed: ${d.reason}`,
    }),
  },
};
