import { Decider, IsoDate, ReportingPeriodKind, RuleViolated, assertNever, deterministicId, reportingPeriodLabel } from '@app/kernel';
import { BatchReport, BatchSchedule, BatchSkip, ReportBatchEvent, ReportBatchParameters, ReportBatchRequested, ReportFormat, ReportTemplateRef } from './report-batch.events';

export * from './report-batch.events';

/*
 * A batch is asked for once: the networks it covers are chosen from the department's networks
 * as the networks module had them at the head of the log (the handler looks them up), by the
 * rules below; each gets a report whose id derives from the batch's and the network's, so the
 * reactor that requests them can do it again and record nothing twice.
 */

/** The id of a network's report in a batch: derived from both, the same however often it is asked. */
export const reportIdOfBatch = (batchId: string, networkId: string): string => deterministicId('report-batch-report', batchId, networkId);

/** A network of the department as the networks module has it at the batch's head. */
export interface BatchNetworkFacts {
  networkId: string;
  name: string;
  reportingPeriod: ReportingPeriodKind;
  dissolvedOn: IsoDate | null;
}

export type ReportBatchState = { status: 'none' } | { status: 'requested'; batch: ReportBatchRequested['data'] };

export type RequestReportBatch = {
  type: 'RequestReportBatch';
  data: {
    batchId: string;
    department: string;
    format: ReportFormat;
    parameters: ReportBatchParameters;
    /** The head of the log when the batch was asked for: every report's position. */
    head: number;
    /** The first day of the period, as the department's academic year starts: a network dissolved by then is left out. */
    periodFirstDay: IsoDate;
    /** The department's networks, in the order their reports are requested. */
    networks: readonly BatchNetworkFacts[];
    /** Whether a generator is registered (and able, now) for the annual analysis in the format; `reason` when not (as a single request's). */
    generator: { available: true } | { available: false; reason: string };
    schedule: BatchSchedule | null;
    /** The department's annual-analysis template in force, for the formats rendered through one; null: the built-in one. */
    template?: ReportTemplateRef | null;
  };
};

export type ReportBatchCommand = RequestReportBatch;

const refuse = (rule: string, message: string): never => {
  throw new RuleViolated(rule, message);
};

/** Whether a network has a report in the batch, or why not: it reports by the other kind of year, or was dissolved before the period began. */
export const batchChoiceOf = (network: BatchNetworkFacts, kind: ReportingPeriodKind, firstDay: IsoDate): BatchSkip['reason'] | null => {
  if (network.reportingPeriod !== kind) return network.reportingPeriod === 'calendar-year' ? 'reports-by-calendar-year' : 'reports-by-academic-year';
  if (network.dissolvedOn !== null && network.dissolvedOn <= firstDay) return 'dissolved-before-period';
  return null;
};

const request = (command: RequestReportBatch['data'], state: ReportBatchState): ReportBatchEvent[] => {
  if (state.status !== 'none') refuse('report-batch-already-requested', `batch ${command.batchId} was requested already`);
  if (!command.generator.available) refuse('report-format-unavailable', command.generator.reason);
  const { period } = command.parameters;
  const reports: BatchReport[] = [];
  const skipped: BatchSkip[] = [];
  const seen = new Set<string>();
  for (const network of command.networks) {
    if (seen.has(network.networkId)) continue;
    seen.add(network.networkId);
    const reason = batchChoiceOf(network, period.kind, command.periodFirstDay);
    if (reason) skipped.push({ networkId: network.networkId, name: network.name, reason });
    else reports.push({ networkId: network.networkId, name: network.name, reportId: reportIdOfBatch(command.batchId, network.networkId) });
  }
  if (reports.length === 0) {
    refuse('report-batch-empty', `no network of the department reports by ${period.kind} and existed in ${reportingPeriodLabel(period)}: the batch would have no report`);
  }
  return [
    {
      type: 'ReportBatchRequested',
      data: {
        batchId: command.batchId,
        department: command.department,
        report: 'annual-analysis',
        format: command.format,
        parameters: { period, language: command.parameters.language },
        position: command.head,
        reports,
        skipped,
        schedule: command.schedule,
        ...(command.template ? { template: command.template } : {}),
      },
    },
  ];
};

export const evolveReportBatch = (state: ReportBatchState, event: ReportBatchEvent): ReportBatchState => {
  const type: ReportBatchEvent['type'] = event.type;
  switch (type) {
    case 'ReportBatchRequested':
      return { status: 'requested', batch: event.data };
    default:
      return assertNever(type);
  }
};

export const reportBatchDecider: Decider<ReportBatchState, ReportBatchCommand, ReportBatchEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveReportBatch,
  decide: (command, state) => {
    const type: ReportBatchCommand['type'] = command.type;
    switch (type) {
      case 'RequestReportBatch':
        return request(command.data, state);
      default:
        return assertNever(type);
    }
  },
};
