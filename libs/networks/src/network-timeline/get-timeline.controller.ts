import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, IdPipe } from '@app/platform/http';
import { TimelineDto } from './timeline.response';
import { GetTimelineQuery, TimelineQueryDto } from './get-timeline.query';

@ApiTags('networks')
@ApiBearerAuth()
@Controller()
export class GetTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get('networks/:id/timeline')
  @Access('read')
  // The operation id the route had when it was one of NetworkQueriesController's: generated clients name their calls by it.
  @ApiOperation({
    operationId: 'NetworkQueriesController_timeline',
    summary: 'Every change of the network, oldest first, a page at a time (`after` = the previous page’s `next`): who, when (recorded and effective), why, what',
  })
  @ApiOkResponse({ type: TimelineDto })
  @ApiProblems(400, 401, 404, 503)
  timeline(@Param('id', IdPipe) id: string, @Query() query: TimelineQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetTimelineQuery(principal.department, id, query.consistentWith, query.after, query.limit));
  }
}
