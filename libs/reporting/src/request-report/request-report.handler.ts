import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CommandContext, Forbidden, InvalidInput, NotFound, deterministicId, metadataExtrasOf, newId, reportingPeriodProblems, toIsoDate, validReportingPeriod } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { GetNetworkQuery } from '@app/networks';
import { ReportNetworkFacts, RequestReport, reportDecider } from '../report/report.decider';
import { DEFAULT_REPORT_FORMAT, reportEvents, reportStream } from '../report/report.events';
import { ReportGenerators } from '../report-generation/report-generators';
import { RequestReportCommand } from './request-report.command';

/**
 * Whether the caller may ask for a report of this network: admins and operators for the whole
 * department, a network head for the networks its key names (the route's rule lets the role in;
 * the network is in the body, so this is the other half of it, refused with the guard's 403).
 */
export const assertMayReportOn = (context: CommandContext, networkId: string): void => {
  if (context.actor.role !== 'network-head') return;
  if (!(context.networkIds ?? []).includes(networkId)) throw new Forbidden('your key is for the networks it names; the report is of none of them');
};

/**
 * Records the request (`ReportRequested` on `Report-<id>`), which the reactor turns into a job.
 * Its id is new, or derived from the department and the `Idempotency-Key` (a repeat answers the
 * first request). Prepare, once: the head of the log (the report's position), the network
 * through the networks module's query, and whether a generator is registered for the kind and format.
 */
@CommandHandler(RequestReportCommand)
export class RequestReportHandler implements ICommandHandler<RequestReportCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly generators: ReportGenerators,
  ) {}

  async execute({ body, context }: RequestReportCommand) {
    const input = JSON.parse(JSON.stringify(body)) as typeof body;
    const problems = reportingPeriodProblems(input.parameters.period, 'parameters.period');
    if (problems.length) throw new InvalidInput('the request has invalid fields', problems);
    const period = validReportingPeriod(input.parameters.period);
    const networkId = input.parameters.networkId.toLowerCase();
    assertMayReportOn(context, networkId);
    const format = input.format ?? DEFAULT_REPORT_FORMAT;
    const reportId = context.idempotencyKey ? deterministicId(context.department, 'report', context.idempotencyKey) : newId();
    const result = await decideAndAppend({
      store: this.store,
      decider: reportDecider,
      streamId: reportStream(reportId),
      aggregateId: reportId,
      context,
      prepare: async () => {
        const head = await this.store.headPosition();
        return { head, network: await this.network(context.department, networkId, head), generator: this.generators.availability(input.report, format) };
      },
      command: (_state, facts): RequestReport => ({
        type: 'RequestReport',
        data: {
          reportId,
          department: context.department,
          report: input.report,
          format,
          parameters: { networkId, period, language: input.parameters.language, asOf: input.parameters.asOf ?? null },
          today: toIsoDate(context.receivedAt),
          ...facts,
        },
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
}
