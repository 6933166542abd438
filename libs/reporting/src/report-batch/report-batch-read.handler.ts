import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import type { ReadModelReader } from '@app/read-store';
import { ReportView, reportListProjection } from '../report-list/report-list.projection';
import { batchProgressOf } from './report-batch-progress';
import { BatchReportAnswer, GetReportBatchQuery, ListReportBatchesQuery, ReportBatchAnswer, ReportBatchPage, ReportBatchSummary } from './report-batch-queries';
import { ReportBatchView, reportBatchesProjection } from './report-batches.projection';

/** Each network's report as the report list has it; one the reactor has not recorded yet reads as requested. */
const reportsOf = async (read: ReadModelReader, batch: ReportBatchView): Promise<BatchReportAnswer[]> => {
  const docs = await read.find<ReportView>(reportListProjection, {
    where: { department: batch.department, batchId: batch.batchId },
    sort: [
      { field: 'requestedAt', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
  });
  const byId = new Map(docs.map((doc) => [doc.reportId, doc]));
  return batch.reports.map(({ networkId, name, reportId }): BatchReportAnswer => {
    const doc = byId.get(reportId);
    return {
      networkId,
      name,
      reportId,
      status: doc?.status ?? 'requested',
      progress: doc?.progress ?? 0,
      stage: doc?.stage ?? null,
      attempts: doc?.attempts ?? 0,
      artifact: doc?.artifact ? { hash: doc.artifact.hash, size: doc.artifact.size, contentType: doc.artifact.contentType, fileName: doc.artifact.fileName } : null,
      failure: doc?.reason ?? null,
      generatedAt: doc?.generatedAt ?? null,
      failedAt: doc?.failedAt ?? null,
      url: `/reports/${reportId}`,
      contentUrl: doc?.status === 'generated' ? `/reports/${reportId}/content` : null,
    };
  });
};

const summaryOf = (batch: ReportBatchView, reports: BatchReportAnswer[]): ReportBatchSummary => {
  const { status, counts, progress, finishedAt } = batchProgressOf(reports.map((r) => ({ status: r.status, progress: r.progress, finishedAt: r.generatedAt ?? r.failedAt })));
  return {
    batchId: batch.batchId,
    report: batch.report,
    format: batch.format,
    parameters: batch.parameters,
    periodLabel: batch.periodLabel,
    position: batch.position,
    status,
    counts: { ...counts, skipped: batch.skipped.length },
    progress,
    schedule: batch.schedule,
    requestedAt: batch.requestedAt,
    requestedBy: batch.requestedBy,
    finishedAt,
  };
};

@QueryHandler(ListReportBatchesQuery)
export class ListReportBatchesHandler implements IQueryHandler<ListReportBatchesQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListReportBatchesQuery): Promise<ReportBatchPage> {
    const { department, filter } = query;
    const read = await this.readModels.for(query, filter.consistentWith);
    const page = await read.page<ReportBatchView>(reportBatchesProjection, {
      where: { department },
      sort: [
        { field: 'requestedAt', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
      offset: filter.offset ?? 0,
      limit: filter.limit ?? 50,
    });
    const items = await Promise.all(page.items.map(async (batch) => summaryOf(batch, await reportsOf(read, batch))));
    return { ...page, items };
  }
}

@QueryHandler(GetReportBatchQuery)
export class GetReportBatchHandler implements IQueryHandler<GetReportBatchQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetReportBatchQuery): Promise<ReportBatchAnswer> {
    const read = await this.readModels.for(query, query.consistentWith);
    const batch = await read.get<ReportBatchView>(reportBatchesProjection, query.batchId);
    if (!batch || batch.department !== query.department) throw new NotFound('report batch', query.batchId);
    const reports = await reportsOf(read, batch);
    return { ...summaryOf(batch, reports), reports, skipped: batch.skipped.map(({ networkId, name, reason }) => ({ networkId, name, reason })) };
  }
}
