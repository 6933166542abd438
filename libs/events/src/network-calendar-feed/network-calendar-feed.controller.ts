import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, IdPipe } from '@app/platform/http';
import { GetNetworkCalendarFeedQuery, NetworkCalendarFeedQueryDto } from './network-calendar-feed.query';

@ApiTags('events')
@ApiBearerAuth()
@Controller('networks')
export class NetworkCalendarFeedController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/events.ics')
  @Access('read')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="events.ics"')
  @ApiOperation({
    summary: 'A network’s events (its own and those held for it) as an iCalendar feed (RFC 5545) to subscribe to; only events known to the day are in it (docs/events.md)',
  })
  @ApiProduces('text/calendar')
  @ApiResponse({ status: 200, description: 'The iCalendar object', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiProblems(400, 401, 404, 503)
  feed(@Param('id', IdPipe) id: string, @Query() filter: NetworkCalendarFeedQueryDto, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.queries.execute(new GetNetworkCalendarFeedQuery(principal.department, id, filter));
  }
}
