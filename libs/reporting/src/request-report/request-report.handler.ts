import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CommandContext, InvalidInput, NotFound, ReportingPeriod, deterministicId, metadataExtrasOf, newId, reportingPeriodProblems, toIsoDate, validReportingPeriod } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { GetInstitutionMembershipsQuery, GetInstitutionQuery, GetNetworkQuery } from '@app/networks';
import { ReportInstitutionFacts, ReportNetworkFacts, RequestReport, reportDecider } from '../report/report.decider';
import { DEFAULT_REPORT_FORMAT, ReportAsOf, ReportLanguage, ReportSpec, YearRange, reportEvents, reportNetworkOf, reportStream } from '../report/report.events';
import { ReportGenerators } from '../report-generation/report-generators';
import { ReportTemplates } from '../report-template/report-templates.service';
import { TEMPLATED_FORMATS } from '../report-template/templated-formats';
import { ReportLanguages, languageNotSet } from '../report-language/report-languages.service';
import { assertMayProfile, assertMayRequest } from './report-access';
import { RequestReportCommand, RequestReportInput } from './request-report.command';

/** A period of the parameters, checked by the kernel field by field (`parameters.period.academicYear`…). */
const periodOf = (value: unknown): ReportingPeriod => {
  const problems = reportingPeriodProblems(value, 'parameters.period');
  if (problems.length) throw new InvalidInput('the request has invalid fields', problems);
  return validReportingPeriod(value);
};

const idOf = (value: unknown): string => String(value).toLowerCase();

/**
 * The request's kind and parameters in the form they are recorded (the DTO checked each field; the
 * periods are checked here). A request that names no language is written in the department's
 * (`departmentLanguage`), which is recorded with it; with neither, 400 `parameters.language`.
 */
export const reportSpecOfInput = (input: RequestReportInput, departmentLanguage: ReportLanguage | null = null): ReportSpec => {
  const p = input.parameters as Record<string, unknown>;
  const language = ((p.language as ReportLanguage | null | undefined) ?? departmentLanguage) as ReportLanguage;
  const problems = [
    ...(input.report === 'annual-analysis' || input.report === 'department-summary' ? reportingPeriodProblems(p.period, 'parameters.period') : []),
    ...(language ? [] : [languageNotSet('parameters.language')]),
  ];
  if (problems.length) throw new InvalidInput('the request has invalid fields', problems);
  // Every kind's: a day or a position (the DTO checked which); left out: null.
  const asOf = (p.asOf as ReportAsOf | undefined) ?? null;
  switch (input.report) {
    case 'annual-analysis':
      return { report: input.report, parameters: { networkId: idOf(p.networkId), period: periodOf(p.period), language, asOf } };
    case 'monitoring-table': {
      const range = p.periods as YearRange;
      return {
        report: input.report,
        parameters: {
          networkId: p.networkId ? idOf(p.networkId) : null,
          periods: { kind: range.kind, from: range.from, to: range.to } as YearRange,
          rowsBy: (p.rowsBy as 'series' | 'kinds' | undefined) ?? 'series',
          language,
          asOf,
        },
      };
    }
    case 'department-summary':
      return { report: input.report, parameters: { period: periodOf(p.period), language, asOf } };
    case 'institution-profile':
      return { report: input.report, parameters: { institutionId: idOf(p.institutionId), from: (p.from as string | null | undefined) ?? null, to: (p.to as string | null | undefined) ?? null, language, asOf } };
  }
};

/**
 * Records the request (`ReportRequested` on `Report-<id>`), which the reactor turns into a job.
 * Its id is new, or derived from the department and the `Idempotency-Key` (a repeat answers the
 * first request). A request that names no language is given the department's (read from its
 * stream, recorded with the request). Who may ask for it is checked first (`report-access.ts`). Prepare, once: the
 * head of the log (the report's position), the network or institution it names through the
 * networks module's queries (a network head's profile: the institution's stays too),
 * whether a generator is registered for the kind and format, and, for DOCX and PDF, the
 * department's template of the kind in force (recorded with the request, so the report keeps it).
 */
@CommandHandler(RequestReportCommand)
export class RequestReportHandler implements ICommandHandler<RequestReportCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly generators: ReportGenerators,
    private readonly templates: ReportTemplates,
    private readonly languages: ReportLanguages,
  ) {}

  async execute({ body, context }: RequestReportCommand) {
    const input = JSON.parse(JSON.stringify(body)) as RequestReportInput;
    // No language named: the department's, read as it is now and recorded with the request.
    const named = (input.parameters as { language?: unknown } | undefined)?.language ?? null;
    const spec = reportSpecOfInput(input, named === null ? await this.languages.of(context.department) : null);
    assertMayRequest(context, spec);
    const format = input.format ?? DEFAULT_REPORT_FORMAT;
    const reportId = context.idempotencyKey ? deterministicId(context.department, 'report', context.idempotencyKey) : newId();
    const networkId = reportNetworkOf(spec);
    const result = await decideAndAppend({
      store: this.store,
      decider: reportDecider,
      streamId: reportStream(reportId),
      aggregateId: reportId,
      context,
      prepare: async () => {
        const head = await this.store.headPosition();
        return {
          head,
          network: networkId ? await this.network(context.department, networkId, head) : null,
          institution: spec.report === 'institution-profile' ? await this.institution(context, spec.parameters.institutionId, head) : null,
          generator: this.generators.availability(spec.report, format),
          // The department's template in force for the kind (its stream is read as it is now), for the formats rendered through one.
          template: TEMPLATED_FORMATS.includes(format) ? await this.templates.inForce(context.department, spec.report) : null,
        };
      },
      command: (_state, facts): RequestReport => ({
        type: 'RequestReport',
        data: { reportId, department: context.department, report: spec.report, format, parameters: spec.parameters, today: toIsoDate(context.receivedAt), ...facts },
      }),
      describe: (event) => metadataExtrasOf(reportEvents, event),
    });
    return { id: result.id, revision: result.revision, position: result.position };
  }

  /** The department's network as the networks module has it, consistent with the log's head; null when it has none such. */
  private async network(department: string, networkId: string, head: number): Promise<ReportNetworkFacts | null> {
    try {
      const network = await this.queries.execute(new GetNetworkQuery(department, networkId, head));
      return { networkId: network.id, reportingPeriod: network.reportingPeriod };
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }

  /** The department's institution, consistent with the log's head; null when it has none such. A network head's key must name a network it is or was in (403). */
  private async institution(context: CommandContext, institutionId: string, head: number): Promise<ReportInstitutionFacts | null> {
    try {
      const institution = await this.queries.execute(new GetInstitutionQuery(context.department, institutionId, head));
      if (context.actor.role === 'network-head') {
        const { memberships } = await this.queries.execute(new GetInstitutionMembershipsQuery(context.department, institutionId, head));
        assertMayProfile(context, memberships);
      }
      return { institutionId: institution.id };
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }
}
