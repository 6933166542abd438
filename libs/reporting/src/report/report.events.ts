import { EntityRef, EventContracts, IsoDate, LocalText, ReportingPeriod, ReportingPeriodKind, reportingPeriodLabel, streamName } from '@app/kernel';
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

/** The kinds of report the module writes. */
export const REPORT_KINDS = ['annual-analysis', 'monitoring-table', 'department-summary', 'institution-profile'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, LocalText>> = {
  'annual-analysis': { uk: 'аналіз роботи', ru: 'анализ работы', en: 'annual analysis' },
  'monitoring-table': { uk: 'моніторинг заходів', ru: 'мониторинг мероприятий', en: 'monitoring table' },
  'department-summary': { uk: 'зведений звіт', ru: 'сводный отчёт', en: 'department summary' },
  'institution-profile': { uk: 'профіль закладу', ru: 'профиль учреждения', en: 'institution profile' },
};

/** The formats a report may be asked in; DOCX is the default for every kind. Which are available is the generators' (docs/reporting.md). */
export const REPORT_FORMATS = ['docx', 'html', 'markdown', 'json', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const DEFAULT_REPORT_FORMAT: ReportFormat = 'docx';

/** A file name's extension for each format. */
export const REPORT_FORMAT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { docx: 'docx', html: 'html', markdown: 'md', json: 'json', pdf: 'pdf', xlsx: 'xlsx' };

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
  asOf: ReportAsOf;
}

/**
 * The records a report is built from, for every kind: as they stood by the end of a day (a date
 * up to today: the generator reads what was recorded by then), or at a log position (a number,
 * which is then the report's position); null: as recorded when requested. A request recorded
 * before every kind took it has none: read as null (`asOfOf`).
 */
export type ReportAsOf = IsoDate | number | null;

/** A report's `asOf`, null when its request recorded none (requests of the tables, the summary and the profile recorded before they took one). */
export const asOfOf = (parameters: ReportParameters): ReportAsOf => (parameters as { asOf?: ReportAsOf }).asOf ?? null;

/** The day a report reads the records as of, or null (none given, or a position). */
export const asOfDayOf = (parameters: ReportParameters): IsoDate | null => {
  const asOf = asOfOf(parameters);
  return typeof asOf === 'string' ? asOf : null;
}

/** The most years (columns) a monitoring table is asked for. */
export const MAX_MONITORING_YEARS = 20;

/**
 * A monitoring table's years: consecutive academic years (`from: '2019/2020'`, `to:
 * '2022/2023'`) or calendar years (`from: 2019`, `to: 2022`), first and last included, `from`
 * not after `to`, at most {@link MAX_MONITORING_YEARS}.
 */
export type YearRange = { kind: 'academic-year'; from: string; to: string } | { kind: 'calendar-year'; from: number; to: number };

/** What a monitoring table is of: a network, or the whole department (`networkId` null), over a range of years, its rows by series (the default) or by kind. */
export interface MonitoringTableParameters {
  networkId: string | null;
  periods: YearRange;
  rowsBy: 'series' | 'kinds';
  language: ReportLanguage;
  /** As the annual analysis's (`ReportAsOf`); absent in requests recorded before the table took it: null. */
  asOf: ReportAsOf;
}

/** What a department summary is of: every network of the department in a period. */
export interface DepartmentSummaryParameters {
  period: ReportingPeriod;
  language: ReportLanguage;
  /** As the annual analysis's (`ReportAsOf`); absent in requests recorded before the summary took it: null. */
  asOf: ReportAsOf;
}

/** What an institution profile is of: an institution, its events of the days `from`–`to` (both given, or neither: all). */
export interface InstitutionProfileParameters {
  institutionId: string;
  from: IsoDate | null;
  to: IsoDate | null;
  language: ReportLanguage;
  /** As the annual analysis's (`ReportAsOf`); absent in requests recorded before the profile took it: null. */
  asOf: ReportAsOf;
}

/** The parameters of a report, by its kind (`ReportSpec` ties each kind to its own). */
export type ReportParameters = AnnualAnalysisParameters | MonitoringTableParameters | DepartmentSummaryParameters | InstitutionProfileParameters;

/** A kind of report with its own parameters. */
export type ReportSpec =
  | { report: 'annual-analysis'; parameters: AnnualAnalysisParameters }
  | { report: 'monitoring-table'; parameters: MonitoringTableParameters }
  | { report: 'department-summary'; parameters: DepartmentSummaryParameters }
  | { report: 'institution-profile'; parameters: InstitutionProfileParameters };

/** The report's kind and parameters as one value TypeScript narrows by `report` (a request's `report` names the shape of its `parameters`). */
export const reportSpecOf = (value: { report: ReportKind; parameters: ReportParameters }): ReportSpec => ({ report: value.report, parameters: value.parameters }) as ReportSpec;

/** The years of a range, oldest first, as reporting periods (`2019/2020`, `2020/2021`…; `2019`, `2020`…). */
export const yearsOfRange = (range: YearRange): ReportingPeriod[] => {
  const first = range.kind === 'academic-year' ? Number(range.from.slice(0, 4)) : range.from;
  const last = range.kind === 'academic-year' ? Number(range.to.slice(0, 4)) : range.to;
  const years: ReportingPeriod[] = [];
  for (let year = first; year <= last; year++) {
    years.push(range.kind === 'academic-year' ? { kind: 'academic-year', academicYear: `${year}/${year + 1}` } : { kind: 'calendar-year', year });
  }
  return years;
};

/** `2019/2020–2022/2023`, `2019–2022`; one year as itself. */
export const yearRangeLabel = (range: YearRange): string => (String(range.from) === String(range.to) ? String(range.from) : `${range.from}–${range.to}`);

/**
 * The years a report covers, as the list filters them (`academicYear=2020/2021`, `year=2021`):
 * the kind of year and the first and last year's start (`2020` for 2020/2021); null for a
 * report of no period (an institution profile).
 */
export const reportYearsOf = (spec: ReportSpec): { kind: ReportingPeriodKind; first: number; last: number; label: string } | null => {
  const startOf = (period: ReportingPeriod): number => (period.kind === 'academic-year' ? Number(period.academicYear.slice(0, 4)) : period.year);
  switch (spec.report) {
    case 'annual-analysis':
    case 'department-summary': {
      const { period } = spec.parameters;
      return { kind: period.kind, first: startOf(period), last: startOf(period), label: reportingPeriodLabel(period) };
    }
    case 'monitoring-table': {
      const years = yearsOfRange(spec.parameters.periods);
      return { kind: spec.parameters.periods.kind, first: startOf(years[0]), last: startOf(years[years.length - 1]), label: yearRangeLabel(spec.parameters.periods) };
    }
    case 'institution-profile':
      return null;
  }
};

/** The network a report is of (an annual analysis, a network's monitoring table), or null. */
export const reportNetworkOf = (spec: ReportSpec): string | null =>
  spec.report === 'annual-analysis' ? spec.parameters.networkId : spec.report === 'monitoring-table' ? spec.parameters.networkId : null;

/** The institution a report is of (a profile), or null. */
export const reportInstitutionOf = (spec: ReportSpec): string | null => (spec.report === 'institution-profile' ? spec.parameters.institutionId : null);

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
  data: {
    reportId: string;
    department: string;
    report: ReportKind;
    parameters: ReportParameters;
    format: ReportFormat;
    position: number;
    /** The department template it is rendered with, as in force when requested; absent or null: the built-in one. */
    template?: ReportTemplateRef | null;
    /** The batch it is part of (`ReportBatch-<id>`); absent or null: asked for on its own. */
    batchId?: string | null;
  };
};

/** A version of a department's own template (docs/reporting.md, "Department templates"): its number, the SHA-256 of its DOCX and where the artifact store keeps it. */
export interface ReportTemplateRef {
  version: number;
  hash: string;
  storageKey: string;
}

/** The years a request is for, as its description names them (`2020/2021`, `2019/2020–2022/2023`); null for a profile. */
const yearsLabel = (d: ReportRequested['data']): string | null => reportYearsOf(reportSpecOf(d))?.label ?? null;

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
    concerns: (d) => {
      const spec = reportSpecOf(d);
      const network = reportNetworkOf(spec);
      const institution = reportInstitutionOf(spec);
      const refs: EntityRef[] = [
        { kind: 'report', id: d.reportId },
        { kind: 'department', id: d.department },
      ];
      if (network) refs.push({ kind: 'network', id: network });
      if (institution) refs.push({ kind: 'institution', id: institution });
      return refs;
    },
    describe: (d) => {
      const years = yearsLabel(d);
      const period = (preposition: string) => (years ? ` ${preposition} ${years}` : '');
      return {
        uk: `Замовлено звіт «${kindWords(d.report, 'uk')}»${period('за')} (${format(d.format)})`,
        ru: `Заказан отчет «${kindWords(d.report, 'ru')}»${period('за')} (${format(d.format)})`,
        en: `Report "${kindWords(d.report, 'en')}"${period('for')} requested (${format(d.format)})`,
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
