import { Decider, IsoDate, NotFound, ReportingPeriodKind, RuleViolated, assertNever, isIsoDate, reportingPeriodLabel } from '@app/kernel';
import {
  MAX_MONITORING_YEARS,
  ReportArtifact,
  ReportRequestEvent,
  ReportFormat,
  ReportKind,
  ReportParameters,
  ReportGenerated,
  ReportRequested,
  ReportAsOf,
  ReportSpec,
  asOfOf,
  ReportTemplateRef,
  reportSpecOf,
  yearsOfRange,
} from './report.events';

export * from './report.events';

/*
 * A report's life: requested → generating (each attempt of a job) → generated or failed, once.
 * The request is checked against the facts the handler looked up (the network or institution it
 * names, the head of the log, whether a generator is registered for the kind and format), by the
 * rules of its kind (docs/reporting.md, "The request"); the job's outcomes are
 * checked against the request: one outcome per report, however often its job is delivered.
 */

export type ReportStatus = 'requested' | 'generating' | 'generated' | 'failed';
export const REPORT_STATUSES: readonly ReportStatus[] = ['requested', 'generating', 'generated', 'failed'];

export interface ReportRecord {
  status: ReportStatus;
  reportId: string;
  department: string;
  report: ReportKind;
  format: ReportFormat;
  parameters: ReportParameters;
  position: number;
  /** Attempts started so far (each delivery of its job, also one after a restart). */
  attempts: number;
  /** Of the current attempt, 0 to 1 (1 once generated). */
  progress: number;
  stage: string | null;
  artifact: ReportArtifact | null;
  templateVersion: string | null;
  /** Why it failed, once failed. */
  reason: string | null;
}

export type ReportState = { status: 'none' } | ReportRecord;

/** The network a request names, as the networks module has it; null when the department has no such network. */
export interface ReportNetworkFacts {
  networkId: string;
  reportingPeriod: ReportingPeriodKind;
}

/** The institution a request names (a profile), as the networks module has it; null when the department has no such institution. */
export interface ReportInstitutionFacts {
  institutionId: string;
}

/** Whether a generator is registered (and able, now) for the kind and format asked; `reason` when not. */
export type GeneratorAvailability = { available: true } | { available: false; reason: string };

export type RequestReport = {
  type: 'RequestReport';
  data: {
    reportId: string;
    department: string;
    report: ReportKind;
    format: ReportFormat;
    parameters: ReportParameters;
    /** The head of the log when the request was received: the report's position unless `asOf` names one (any kind). */
    head: number;
    /** The day the request was received: an `asOf` day may not be after it. */
    today: IsoDate;
    /** The network the parameters name (an annual analysis, a network's monitoring table); null when the department has none such, or none is named. */
    network: ReportNetworkFacts | null;
    /** The institution the parameters name (a profile); null when the department has none such, or none is named. */
    institution?: ReportInstitutionFacts | null;
    generator: GeneratorAvailability;
    /** The department's template of the kind in force when requested (DOCX and PDF are rendered with it); null or absent: the built-in one. */
    template?: ReportTemplateRef | null;
  };
};
/** A delivery of the report's job begins: the attempt is numbered by the report (1, 2…), whatever the queue counts. */
export type StartReportGeneration = { type: 'StartReportGeneration'; data: { reportId: string } };
export type RecordReportProgress = { type: 'RecordReportProgress'; data: { reportId: string; attempt: number; progress: number; stage: string | null } };
export type RecordReportGenerated = { type: 'RecordReportGenerated'; data: ReportGenerated['data'] };
export type RecordReportFailed = { type: 'RecordReportFailed'; data: { reportId: string; reason: string } };
export type ReportCommand = RequestReport | StartReportGeneration | RecordReportProgress | RecordReportGenerated | RecordReportFailed;

/** The longest reason a failure records (a generator's message may be long). */
export const MAX_FAILURE_REASON = 2000;
export const MAX_STAGE = 200;

const refuse = (rule: string, message: string): never => {
  throw new RuleViolated(rule, message);
};

/** True once the report has its outcome. */
export const isFinished = (state: ReportState): boolean => state.status === 'generated' || state.status === 'failed';

export const evolveReport = (state: ReportState, event: ReportRequestEvent): ReportState => {
  switch (event.type) {
    case 'ReportRequested': {
      const { reportId, department, report, format, position } = event.data;
      // A request recorded before its kind took `asOf` has none: as recorded when requested.
      const parameters = { ...event.data.parameters, asOf: asOfOf(event.data.parameters) } as ReportParameters;
      return { status: 'requested', reportId, department, report, format, parameters, position, attempts: 0, progress: 0, stage: null, artifact: null, templateVersion: null, reason: null };
    }
    case 'ReportGenerationStarted':
      return state.status === 'none' ? state : { ...state, status: 'generating', attempts: event.data.attempt, progress: 0, stage: null };
    case 'ReportProgressed':
      return state.status === 'none' ? state : { ...state, progress: event.data.progress, stage: event.data.stage };
    case 'ReportGenerated':
      return state.status === 'none' ? state : { ...state, status: 'generated', progress: 1, stage: null, artifact: event.data.artifact, templateVersion: event.data.templateVersion };
    case 'ReportFailed':
      return state.status === 'none' ? state : { ...state, status: 'failed', reason: event.data.reason };
    default:
      return assertNever(event);
  }
};

const existing = (state: ReportState, reportId: string): ReportRecord => {
  if (state.status === 'none') throw new NotFound('report', reportId);
  return state;
};

const unfinished = (state: ReportState, reportId: string): ReportRecord => {
  const record = existing(state, reportId);
  if (isFinished(record)) refuse('report-finished', `report ${reportId} is ${record.status} already; a report has one outcome`);
  return record;
};

const networkNamed = (networkId: string, network: ReportNetworkFacts | null): ReportNetworkFacts => {
  if (!network || network.networkId !== networkId) refuse('network-not-registered', `network ${networkId} is not registered in this department`);
  return network!;
};

/**
 * The request's `asOf`, by the rules every kind shares: a position the log has reached (then the
 * report's position), or a day not after today (the report is built at the head, as of that day).
 */
const checkedAsOf = (command: RequestReport['data']): { asOf: ReportAsOf; position: number } => {
  const asOf = asOfOf(command.parameters);
  if (typeof asOf === 'number' && asOf > command.head) refuse('position-not-recorded', `asOf names position ${asOf}; the log ends at ${command.head}`);
  if (typeof asOf === 'string' && (!isIsoDate(asOf) || asOf > command.today)) refuse('as-of-in-the-future', `asOf ${asOf} is after today (${command.today}): a report reads what was recorded`);
  return { asOf, position: typeof asOf === 'number' ? asOf : command.head };
};

/** The request's parameters checked by the rules of its kind, in the form they are recorded; and the position it is built at. */
const checked = (command: RequestReport['data']): { spec: ReportSpec; position: number } => {
  const spec = reportSpecOf(command);
  switch (spec.report) {
    case 'annual-analysis': {
      const parameters = spec.parameters;
      const network = networkNamed(parameters.networkId, command.network);
      if (network.reportingPeriod !== parameters.period.kind) {
        refuse('period-kind-mismatch', `network ${parameters.networkId} reports by ${network.reportingPeriod}; ${reportingPeriodLabel(parameters.period)} is not one`);
      }
      const { asOf, position } = checkedAsOf(command);
      return { spec: { report: spec.report, parameters: { networkId: parameters.networkId, period: parameters.period, language: parameters.language, asOf } }, position };
    }
    case 'monitoring-table': {
      const { networkId, periods, rowsBy, language } = spec.parameters;
      if (networkId) networkNamed(networkId, command.network);
      // The request's validation holds these; a command that breaks them is a bug, not a refusal.
      const years = yearsOfRange(periods).length;
      if (years < 1 || years > MAX_MONITORING_YEARS) throw new RangeError(`a monitoring table has from 1 to ${MAX_MONITORING_YEARS} years, not ${years}`);
      const { asOf, position } = checkedAsOf(command);
      return { spec: { report: spec.report, parameters: { networkId: networkId ?? null, periods, rowsBy: rowsBy ?? 'series', language, asOf } }, position };
    }
    case 'department-summary': {
      const { asOf, position } = checkedAsOf(command);
      return { spec: { report: spec.report, parameters: { period: spec.parameters.period, language: spec.parameters.language, asOf } }, position };
    }
    case 'institution-profile': {
      const { institutionId, from, to, language } = spec.parameters;
      if (!command.institution || command.institution.institutionId !== institutionId) refuse('institution-not-registered', `institution ${institutionId} is not registered in this department`);
      if ((from ?? null) === null !== ((to ?? null) === null) || (from && to && from > to)) throw new RangeError('a profile\'s days are both given, from not after to, or neither');
      const { asOf, position } = checkedAsOf(command);
      return { spec: { report: spec.report, parameters: { institutionId, from: from ?? null, to: to ?? null, language, asOf } }, position };
    }
    default:
      return assertNever(spec);
  }
};

const request = (command: RequestReport['data'], state: ReportState): ReportRequestEvent[] => {
  if (state.status !== 'none') refuse('report-already-requested', `report ${command.reportId} was requested already`);
  const { spec, position } = checked(command);
  if (!command.generator.available) refuse('report-format-unavailable', command.generator.reason);
  const event: ReportRequested = {
    type: 'ReportRequested',
    data: {
      reportId: command.reportId,
      department: command.department,
      report: spec.report,
      parameters: spec.parameters,
      format: command.format,
      position,
      ...(command.template ? { template: command.template } : {}),
    },
  };
  return [event];
};

const HASH = /^[0-9a-f]{64}$/;

export const reportDecider: Decider<ReportState, ReportCommand, ReportRequestEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveReport,
  decide: (command, state) => {
    switch (command.type) {
      case 'RequestReport':
        return request(command.data, state);
      case 'StartReportGeneration': {
        const record = unfinished(state, command.data.reportId);
        return [{ type: 'ReportGenerationStarted', data: { reportId: record.reportId, attempt: record.attempts + 1 } }];
      }
      case 'RecordReportProgress': {
        const record = unfinished(state, command.data.reportId);
        const { progress, attempt } = command.data;
        if (!(progress >= 0 && progress < 1)) throw new RangeError(`progress must be from 0 to below 1, got ${progress}`);
        // Only forward, within the attempt under way: a step back or a repeat records nothing.
        if (record.status !== 'generating' || attempt !== record.attempts || progress <= record.progress) return [];
        const stage = command.data.stage?.trim().slice(0, MAX_STAGE) || null;
        return [{ type: 'ReportProgressed', data: { reportId: record.reportId, attempt, progress, stage } }];
      }
      case 'RecordReportGenerated': {
        const record = unfinished(state, command.data.reportId);
        const { artifact, position } = command.data;
        if (position !== record.position) refuse('position-mismatch', `report ${record.reportId} is built at position ${record.position}, not ${position}`);
        if (!HASH.test(artifact.hash) || !Number.isSafeInteger(artifact.size) || artifact.size < 0) throw new RangeError('an artifact has a SHA-256 in hex and a size in bytes');
        return [{ type: 'ReportGenerated', data: { reportId: record.reportId, artifact, position, templateVersion: command.data.templateVersion ?? null } }];
      }
      case 'RecordReportFailed': {
        const record = unfinished(state, command.data.reportId);
        const reason = command.data.reason.trim().slice(0, MAX_FAILURE_REASON) || 'the report could not be generated';
        return [{ type: 'ReportFailed', data: { reportId: record.reportId, reason } }];
      }
      default:
        return assertNever(command);
    }
  },
};
