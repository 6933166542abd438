import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, WriteResult, deterministicId, newId } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { ReportScheduleCommand, reportScheduleDecider } from './report-schedule.decider';
import { ChangeReportScheduleCommand, CreateReportScheduleCommand, RemoveReportScheduleCommand } from './report-schedule.commands';
import { reportScheduleStream } from './report-schedule.events';
import { ReportScheduler } from './report-scheduler.service';
import type { ReportLanguage } from '../report/report.events';
import { ReportLanguages } from '../report-language/report-languages.service';

/** Records a schedule's change, then has this process's scheduler (where it runs one) apply it at once; the others find it within a few seconds. */
const write = async (store: EventStore, scheduler: ReportScheduler, scheduleId: string, context: CommandContext, command: ReportScheduleCommand): Promise<WriteResult> => {
  const result = await decideAndAppend({ store, decider: reportScheduleDecider, streamId: reportScheduleStream(scheduleId), aggregateId: scheduleId, context, command });
  void scheduler.reload(result.position);
  return { id: result.id, revision: result.revision, position: result.position };
};

/** The body as the decider reads it: plain data, checked again there field by field. */
const plain = (body: unknown): unknown => JSON.parse(JSON.stringify(body ?? null));

/** The department's report language when the schedule names none (its runs are written in it: the decider wants one set); null otherwise. */
const departmentLanguageFor = async (languages: ReportLanguages, department: string, given: unknown): Promise<ReportLanguage | null> =>
  ((given as { language?: unknown } | null)?.language ?? null) === null ? languages.of(department) : null;

@CommandHandler(CreateReportScheduleCommand)
export class CreateReportScheduleHandler implements ICommandHandler<CreateReportScheduleCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scheduler: ReportScheduler,
    private readonly languages: ReportLanguages,
  ) {}

  async execute({ body, context }: CreateReportScheduleCommand) {
    // New, or derived from the Idempotency-Key: a repeat answers the first.
    const scheduleId = context.idempotencyKey ? deterministicId(context.department, 'report-schedule', context.idempotencyKey) : newId();
    const given = plain(body);
    const departmentLanguage = await departmentLanguageFor(this.languages, context.department, given);
    return write(this.store, this.scheduler, scheduleId, context, { type: 'SetReportSchedule', data: { scheduleId, department: context.department, create: true, given, departmentLanguage } });
  }
}

@CommandHandler(ChangeReportScheduleCommand)
export class ChangeReportScheduleHandler implements ICommandHandler<ChangeReportScheduleCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scheduler: ReportScheduler,
    private readonly languages: ReportLanguages,
  ) {}

  async execute({ id, body, context }: ChangeReportScheduleCommand) {
    const given = plain(body);
    const departmentLanguage = await departmentLanguageFor(this.languages, context.department, given);
    return write(this.store, this.scheduler, id, context, { type: 'SetReportSchedule', data: { scheduleId: id, department: context.department, create: false, given, departmentLanguage } });
  }
}

@CommandHandler(RemoveReportScheduleCommand)
export class RemoveReportScheduleHandler implements ICommandHandler<RemoveReportScheduleCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scheduler: ReportScheduler,
  ) {}

  execute({ id, context }: RemoveReportScheduleCommand) {
    return write(this.store, this.scheduler, id, context, { type: 'RemoveReportSchedule', data: { scheduleId: id, department: context.department } });
  }
}
