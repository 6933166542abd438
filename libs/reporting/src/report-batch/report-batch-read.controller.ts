import { Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, ConsistencyQueryDto, IdPipe, PagingQueryDto } from '@app/platform/http';
import { GetReportBatchQuery, ListReportBatchesQuery, ReportBatchAnswer, ReportBatchPage } from './report-batch-queries';
import { ReportBatchDto, ReportBatchPageDto } from './report-batch.response';

@ApiController('report-batches')
export class ReportBatchReadController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'Your department’s report batches, newest first, each with its status, counts and progress; paged' })
  @ApiOkResponse({ type: ReportBatchPageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() filter: PagingQueryDto, @CurrentPrincipal() principal: Principal): Promise<ReportBatchPage> {
    return this.queries.execute(new ListReportBatchesQuery(principal.department, filter));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({
    summary:
      'One report batch: its status (requested, generating, generated, partly-failed, failed), counts and progress, each network’s report with its status, progress, stage, document and download link or why it failed, and the networks it leaves out with the reason',
  })
  @ApiOkResponse({ type: ReportBatchDto })
  @ApiProblems(400, 401, 404, 503)
  get(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<ReportBatchAnswer> {
    return this.queries.execute(new GetReportBatchQuery(principal.department, id, query.consistentWith));
  }
}
