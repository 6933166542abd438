import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, WriteResult, deterministicId, newId } from '@app/kernel';
import { EVENT_STORE, EventStore, decideAndAppend } from '@app/event-store';
import { ReportScheduleCommand, reportScheduleDecider } from './report-schedule.decider';
import { ChangeReportScheduleCommand, CreateReportScheduleCommand, RemoveReportScheduleCommand } from './report-schedule.commands';
import { reportScheduleStream } from './report-schedule.events';
import { ReportScheduler } from './report-scheduler.service';

/** Records a schedule's change, then has this process's scheduler (where it runs one) apply it at once; the others find it within a few seconds. */
const write = async (store: EventStore, scheduler: ReportScheduler, scheduleId: string, context: CommandContext, command: ReportScheduleCommand): Promise<WriteResult> => {
  const result = await decideAndAppend({ store, decider: reportScheduleDecider, streamId: reportScheduleStream(scheduleId), aggregateId: scheduleId, context, command });
  void scheduler.reload(result.position);
  return { id: result.id, revision: result.revision, position: result.position };
};

/** The body as the decider reads it: plain data, checked again there field by field. */
const plain = (body: unknown): unknown => JSON.parse(JSON.stringify(body ?? null));

@CommandHandler(CreateReportScheduleCommand)
export class CreateReportScheduleHandler implements ICommandHandler<CreateReportScheduleCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scheduler: ReportScheduler,
  ) {}

  execute({ body, context }: CreateReportScheduleCommand) {
    // New, or derived from the Idempotency-Key: a repeat answers the first.
    const scheduleId = context.idempotencyKey ? deterministicId(context.department, 'report-schedule', context.idempotencyKey) : newId();
    return write(this.store, this.scheduler, scheduleId, context, { type: 'SetReportSchedule', data: { scheduleId, department: context.department, create: true, given: plain(body) } });
  }
}

@CommandHandler(ChangeReportScheduleCommand)
export class ChangeReportScheduleHandler implements ICommandHandler<ChangeReportScheduleCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scheduler: ReportScheduler,
  ) {}

  execute({ id, body, context }: ChangeReportScheduleCommand) {
    return write(this.store, this.scheduler, id, context, { type: 'SetReportSchedule', data: { scheduleId: id, department: context.department, create: false, given: plain(body) } });
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
