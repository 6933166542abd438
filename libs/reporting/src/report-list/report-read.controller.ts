import { Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { REPORT_CONTENT_SECURITY_POLICY, contentDisposition } from './content-disposition';
import { GetReportContentQuery, GetReportQuery, ListReportsQuery, ListReportsQueryDto, ReportAnswer, ReportContentQueryDto, ReportPage } from './report-queries';
import { ReportDto, ReportPageDto } from './report.response';

@ApiController('reports')
export class ReportReadController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'Your department’s reports, newest first: by kind (report), network, institution, a year they cover (academicYear or year), status, format and batch; paged' })
  @ApiOkResponse({ type: ReportPageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() filter: ListReportsQueryDto, @CurrentPrincipal() principal: Principal): Promise<ReportPage> {
    return this.queries.execute(new ListReportsQuery(principal.department, filter));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'One report: what was asked, its status (requested, generating, generated, failed) with the progress of the attempt under way, its document’s hash, size and name once generated, or why it failed' })
  @ApiOkResponse({ type: ReportDto })
  @ApiProblems(400, 401, 404, 503)
  get(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<ReportAnswer> {
    return this.queries.execute(new GetReportQuery(principal.department, id, query.consistentWith));
  }

  @Get(':id/content')
  @Access('read')
  @ApiOperation({
    summary:
      'A generated report’s document, with its content type and file name (Content-Disposition: attachment, the name in UTF-8 as filename*; disposition=inline for a preview the browser shows, e.g. of an HTML report); 422 report-not-generated before it is generated or when it failed',
  })
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/html',
    'text/markdown',
    'application/json',
    'application/pdf',
  )
  @ApiResponse({ status: 200, description: 'The document; its ETag is its SHA-256', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 401, 404, 422, 503)
  async content(
    @Param('id', IdPipe) id: string,
    @Query() query: ReportContentQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const content = await this.queries.execute(new GetReportContentQuery(principal.department, id, query.consistentWith));
    reply.header('Content-Type', content.contentType);
    reply.header('Content-Disposition', contentDisposition(content.fileName, query.disposition ?? 'attachment'));
    reply.header('Content-Security-Policy', REPORT_CONTENT_SECURITY_POLICY);
    reply.header('ETag', `"${content.hash}"`);
    reply.header('X-Content-Type-Options', 'nosniff');
    return content.bytes;
  }
}
