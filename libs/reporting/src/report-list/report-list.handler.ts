import { createHash } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FieldError, InvalidInput, NotFound, RuleViolated } from '@app/kernel';
import type { Where } from '@app/read-store';
import { ReadModels } from '@app/platform';
import { ARTIFACT_STORE, ArtifactStore } from '../artifacts/artifact-store.port';
import { ReportView, reportListProjection } from './report-list.projection';
import { GetReportContentQuery, GetReportQuery, ListReportsQuery, ListUnfinishedReportsQuery, ReportAnswer, ReportContent, ReportPage } from './report-queries';

export const reportAnswerOf = (doc: ReportView): ReportAnswer => ({
  reportId: doc.reportId,
  report: doc.report,
  format: doc.format,
  parameters: doc.parameters,
  position: doc.position,
  status: doc.status,
  progress: doc.progress,
  stage: doc.stage,
  attempts: doc.attempts,
  artifact: doc.artifact && { hash: doc.artifact.hash, size: doc.artifact.size, contentType: doc.artifact.contentType, fileName: doc.artifact.fileName },
  templateVersion: doc.templateVersion,
  failure: doc.reason,
  batchId: doc.batchId ?? null,
  requestedAt: doc.requestedAt,
  requestedBy: doc.requestedBy,
  startedAt: doc.startedAt,
  generatedAt: doc.generatedAt,
  failedAt: doc.failedAt,
  updatedAt: doc.updatedAt,
  contentUrl: doc.status === 'generated' ? `/reports/${doc.reportId}/content` : null,
});

/** The year a list filter names: one of academicYear and year, as its kind and its start (2020 for 2020/2021). */
const yearOf = (filter: { academicYear?: string; year?: number }): { kind: 'academic-year' | 'calendar-year'; start: number } | null => {
  if (filter.academicYear !== undefined && filter.year !== undefined) {
    throw new InvalidInput('the period is given more than once', (['academicYear', 'year'] as const).map((field): FieldError => ({ field, messages: ['give one period: academicYear or year'] })));
  }
  if (filter.academicYear !== undefined) {
    const [a, b] = filter.academicYear.split('/').map(Number);
    if (b !== a + 1) throw new InvalidInput('the period is invalid', [{ field: 'academicYear', messages: ['academicYear must be two consecutive years, like 2020/2021'] }]);
    return { kind: 'academic-year', start: a };
  }
  return filter.year !== undefined ? { kind: 'calendar-year', start: Number(filter.year) } : null;
};

@QueryHandler(ListReportsQuery)
export class ListReportsHandler implements IQueryHandler<ListReportsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListReportsQuery): Promise<ReportPage> {
    const { department, filter } = query;
    const where: Where = { department };
    // A year: the reports of that kind of year whose years include it (an annual analysis's one year, a table's range).
    const year = yearOf(filter);
    if (year) Object.assign(where, { periodKind: year.kind, periodFirst: { lte: year.start }, periodLast: { gte: year.start } });
    if (filter.report) where.report = filter.report;
    if (filter.network) where.networkId = filter.network.toLowerCase();
    if (filter.institution) where.institutionId = filter.institution.toLowerCase();
    if (filter.status) where.status = filter.status;
    if (filter.format) where.format = filter.format;
    if (filter.batch) where.batchId = filter.batch.toLowerCase();
    const read = await this.readModels.for(query, filter.consistentWith);
    const page = await read.page<ReportView>(reportListProjection, {
      where,
      sort: [
        { field: 'requestedAt', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
      offset: filter.offset ?? 0,
      limit: filter.limit ?? 50,
    });
    return { ...page, items: page.items.map(reportAnswerOf) };
  }
}

/** The department's report by id; another department's reads as unknown. */
const reportOf = async (readModels: ReadModels, query: GetReportQuery | GetReportContentQuery): Promise<ReportView> => {
  const read = await readModels.for(query, query.consistentWith);
  const doc = await read.get<ReportView>(reportListProjection, query.reportId);
  if (!doc || doc.department !== query.department) throw new NotFound('report', query.reportId);
  return doc;
};

@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetReportQuery): Promise<ReportAnswer> {
    return reportAnswerOf(await reportOf(this.readModels, query));
  }
}

@QueryHandler(GetReportContentQuery)
export class GetReportContentHandler implements IQueryHandler<GetReportContentQuery> {
  private readonly logger = new Logger('reporting');

  constructor(
    private readonly readModels: ReadModels,
    @Inject(ARTIFACT_STORE) private readonly artifacts: ArtifactStore,
  ) {}

  async execute(query: GetReportContentQuery): Promise<ReportContent> {
    const doc = await reportOf(this.readModels, query);
    if (doc.status !== 'generated' || !doc.artifact) {
      throw new RuleViolated('report-not-generated', doc.status === 'failed' ? `report ${doc.reportId} failed: ${doc.reason}` : `report ${doc.reportId} is ${doc.status}; its document is there once it is generated`);
    }
    const { storageKey, hash, contentType, fileName } = doc.artifact;
    const bytes = await this.artifacts.get(storageKey);
    // The log says it was stored: a missing or changed file is the storage's loss, said as such (and logged), never served.
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== hash) {
      this.logger.error({ msg: bytes ? 'report artifact does not match its hash' : 'report artifact missing', reportId: doc.reportId, storageKey });
      throw new RuleViolated('report-artifact-lost', `the document of report ${doc.reportId} is ${bytes ? 'damaged' : 'missing'} in storage; request the report again`);
    }
    return { bytes, contentType, fileName, hash };
  }
}

@QueryHandler(ListUnfinishedReportsQuery)
export class ListUnfinishedReportsHandler implements IQueryHandler<ListUnfinishedReportsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: ListUnfinishedReportsQuery): Promise<{ reportId: string; department: string }[]> {
    const read = await this.readModels.for(query, undefined);
    const docs = await read.find<ReportView>(reportListProjection, { where: { status: { in: ['requested', 'generating'] } }, sort: [{ field: 'requestedAt', direction: 'asc' }, { field: 'id', direction: 'asc' }] });
    return docs.map((doc) => ({ reportId: doc.reportId, department: doc.department }));
  }
}
