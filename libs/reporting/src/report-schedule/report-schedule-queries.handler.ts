import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { nextSlots } from '@app/jobs';
import { ReadModels } from '@app/platform';
import { GetReportScheduleQuery, ListAllReportSchedulesQuery, ListReportSchedulesQuery, ReportScheduleAnswer, ReportSchedulePage } from './report-schedule-queries';
import { ReportScheduleView, reportSchedulesProjection } from './report-schedules.projection';

/** How many next slots one schedule's answer gives. */
export const NEXT_SLOTS = 5;

export const reportScheduleAnswerOf = (doc: ReportScheduleView): ReportScheduleAnswer => ({
  scheduleId: doc.scheduleId,
  name: doc.name,
  cron: doc.cron,
  timeZone: doc.timeZone,
  report: doc.report,
  periodKind: doc.periodKind,
  language: doc.language,
  format: doc.format,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const oldestFirst = [
  { field: 'createdAt', direction: 'asc' as const },
  { field: 'id', direction: 'asc' as const },
];

@QueryHandler(ListReportSchedulesQuery)
export class ListReportSchedulesHandler implements IQueryHandler<ListReportSchedulesQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListReportSchedulesQuery): Promise<ReportSchedulePage> {
    const read = await this.readModels.for(query, query.consistentWith);
    const docs = await read.find<ReportScheduleView>(reportSchedulesProjection, { where: { department: query.department, status: 'active' }, sort: oldestFirst });
    return { items: docs.map(reportScheduleAnswerOf), total: docs.length };
  }
}

@QueryHandler(GetReportScheduleQuery)
export class GetReportScheduleHandler implements IQueryHandler<GetReportScheduleQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetReportScheduleQuery): Promise<ReportScheduleAnswer> {
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<ReportScheduleView>(reportSchedulesProjection, query.scheduleId);
    if (!doc || doc.department !== query.department || doc.status !== 'active') throw new NotFound('report schedule', query.scheduleId);
    return {
      ...reportScheduleAnswerOf(doc),
      nextSlots: nextSlots(doc.cron, doc.timeZone, new Date(), NEXT_SLOTS).map((slot) => slot.toISOString()),
      runs: doc.runs.map(({ batchId, slot }) => ({ batchId, slot })),
    };
  }
}

@QueryHandler(ListAllReportSchedulesQuery)
export class ListAllReportSchedulesHandler implements IQueryHandler<ListAllReportSchedulesQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListAllReportSchedulesQuery): Promise<ReportScheduleView[]> {
    const read = await this.readModels.for(query, query.consistentWith);
    return read.find<ReportScheduleView>(reportSchedulesProjection, { where: { status: 'active' }, sort: oldestFirst });
  }
}
