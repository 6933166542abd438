import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CommandContext, FieldError, Forbidden, InvalidInput, daySpanOfReportingPeriod, deterministicId, metadataExtrasOf, newId, reportingPeriodProblems, validReportingPeriod } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { GetAcademicYearStartQuery, ListNetworksQuery, Network } from '@app/networks';
import { BatchNetworkFacts, BatchSchedule, RequestReportBatch, reportBatchDecider } from '../report-batch/report-batch.decider';
import { ReportBatchParameters, reportBatchEvents, reportBatchStream } from '../report-batch/report-batch.events';
import { DEFAULT_REPORT_FORMAT, REPORT_FORMATS, REPORT_LANGUAGES, ReportFormat, ReportLanguage } from '../report/report.events';
import { ReportLanguages, languageNotSet } from '../report-language/report-languages.service';
import { ReportGenerators } from '../report-generation/report-generators';
import { ReportTemplates } from '../report-template/report-templates.service';
import { TEMPLATED_FORMATS } from '../report-template/templated-formats';
import { RequestReportBatchCommand, RequestReportBatchInput } from './request-report-batch.command';

/** The networks module's list is read a page of this many at a time. */
const NETWORK_PAGE = 500;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The input checked field by field (the DTO checks the API's; a schedule's run sends its own):
 * the kind, the format, the period (by the kernel), the language (left out or null: the
 * department's, `departmentLanguage`; with neither, 400 `parameters.language`), and a schedule's slot.
 */
const batchInputOf = (
  input: RequestReportBatchInput,
  departmentLanguage: ReportLanguage | null,
): { format: ReportFormat; parameters: ReportBatchParameters; schedule: BatchSchedule | null } => {
  const problems: FieldError[] = [];
  const wrong = (field: string, message: string) => problems.push({ field, messages: [message] });
  if (input.report !== 'annual-analysis') wrong('report', 'report must be annual-analysis: a batch is every network’s annual analysis');
  const format = input.format ?? DEFAULT_REPORT_FORMAT;
  if (!REPORT_FORMATS.includes(format)) wrong('format', `format must be one of ${REPORT_FORMATS.join(', ')}`);
  const parameters = (input.parameters ?? {}) as Partial<ReportBatchParameters>;
  problems.push(...reportingPeriodProblems(parameters.period, 'parameters.period'));
  const language = parameters.language ?? departmentLanguage;
  if (language === null) problems.push(languageNotSet('parameters.language'));
  else if (!REPORT_LANGUAGES.includes(language)) wrong('parameters.language', `language must be one of ${REPORT_LANGUAGES.join(', ')}`);
  const schedule = input.schedule ?? null;
  if (schedule) {
    if (typeof schedule.scheduleId !== 'string' || !schedule.scheduleId.trim()) wrong('schedule.scheduleId', 'scheduleId names the schedule');
    if (typeof schedule.slot !== 'string' || !INSTANT.test(schedule.slot) || Number.isNaN(Date.parse(schedule.slot))) wrong('schedule.slot', 'slot must be an ISO instant');
  }
  if (problems.length) throw new InvalidInput('the request has invalid fields', problems);
  return {
    format,
    parameters: { period: validReportingPeriod(parameters.period), language: language! },
    schedule: schedule ? { scheduleId: schedule.scheduleId, slot: schedule.slot } : null,
  };
};

/** Admins and operators ask for a batch (and a schedule's run, as the system); a network head does not, as a batch covers every network; an auditor asks for nothing. */
const assertMayRequestBatch = (context: CommandContext): void => {
  if (context.actor.role === 'network-head') throw new Forbidden('a batch covers every network of the department: operators and admins ask for it');
  if (context.actor.role === 'auditor') throw new Forbidden('auditors read reports and ask for none');
};

/**
 * Records a batch (`ReportBatchRequested` on `ReportBatch-<id>`), which the reactor
 * `RequestReportsOnReportBatchRequested` turns into one report per network. Its id is new, or
 * derived from the department and the `Idempotency-Key`: a repeat records nothing and answers
 * the first (two at once too: the second's append finds the first's stream), which is how a
 * schedule's slot runs once however many processes fire it. Prepare, once: the head of the log
 * (every report's position), the department's networks consistent with it, its academic-year
 * start (the period's first day) and whether a generator is registered for the annual analysis
 * in the format.
 */
@CommandHandler(RequestReportBatchCommand)
export class RequestReportBatchHandler implements ICommandHandler<RequestReportBatchCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly generators: ReportGenerators,
    private readonly templates: ReportTemplates,
    private readonly languages: ReportLanguages,
  ) {}

  async execute({ body, context }: RequestReportBatchCommand) {
    assertMayRequestBatch(context);
    const input = JSON.parse(JSON.stringify(body)) as RequestReportBatchInput;
    // No language named (a schedule of none too): the department's as it is now, recorded with the batch.
    const named = input?.parameters?.language ?? null;
    const { format, parameters, schedule } = batchInputOf(input, named === null ? await this.languages.of(context.department) : null);
    const batchId = context.idempotencyKey ? deterministicId(context.department, 'report-batch', context.idempotencyKey) : newId();
    const result = await decideAndAppend({
      store: this.store,
      decider: reportBatchDecider,
      streamId: reportBatchStream(batchId),
      aggregateId: batchId,
      context,
      prepare: async () => {
        const head = await this.store.headPosition();
        const [networks, yearStart] = await Promise.all([this.networks(context.department, head), this.queries.execute(new GetAcademicYearStartQuery(context.department))]);
        return {
          head,
          networks,
          periodFirstDay: daySpanOfReportingPeriod(parameters.period, yearStart).first,
          generator: this.generators.availability('annual-analysis', format),
          // The department's annual-analysis template in force, for the formats rendered through one: each report of the batch names it.
          template: TEMPLATED_FORMATS.includes(format) ? await this.templates.inForce(context.department, 'annual-analysis') : null,
        };
      },
      command: (_state, facts): RequestReportBatch => ({
        type: 'RequestReportBatch',
        data: { batchId, department: context.department, format, parameters, schedule, ...facts },
      }),
      describe: (event) => metadataExtrasOf(reportBatchEvents, event),
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }

  /** Every network of the department, consistent with the head, in name order (the language's collation, then id). */
  private async networks(department: string, head: number): Promise<BatchNetworkFacts[]> {
    const all: Network[] = [];
    for (let offset = 0; ; offset += NETWORK_PAGE) {
      const page = await this.queries.execute(new ListNetworksQuery(department, { offset, limit: NETWORK_PAGE, consistentWith: head }));
      all.push(...page.items);
      if (page.items.length < NETWORK_PAGE) break;
    }
    return all
      .sort((a, b) => a.name.localeCompare(b.name, 'uk') || a.id.localeCompare(b.id))
      .map((n) => ({ networkId: n.id, name: n.name, reportingPeriod: n.reportingPeriod, dissolvedOn: n.dissolvedOn }));
  }
}
