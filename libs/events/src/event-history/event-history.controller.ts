import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { EventHistory, GetEventHistoryQuery } from './get-event-history.query';
import { EventHistoryDto } from './event-history.response';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @Access('read')
  @ApiOperation({ summary: 'Every change of an event, oldest first: who, when, why, in words, and what changed from what to what' })
  @ApiOkResponse({ type: EventHistoryDto })
  @ApiProblems(400, 401, 404, 503)
  history(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<EventHistory> {
    return this.queries.execute(new GetEventHistoryQuery(principal.department, id, query.consistentWith));
  }
}
