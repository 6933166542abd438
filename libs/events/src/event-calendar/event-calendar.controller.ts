import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { EventDetailsView, EventPage, GetEventQuery, ListEventsQuery, ListEventsQueryDto } from './list-events.query';
import { EventDetailsDto, EventPageDto } from './event.response';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventCalendarController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'The calendar of your department’s events: filtered by network, period, kind, series, host, status, format; in date order, paged' })
  @ApiOkResponse({ type: EventPageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() filter: ListEventsQueryDto, @CurrentPrincipal() principal: Principal): Promise<EventPage> {
    return this.queries.execute(new ListEventsQuery(principal.department, filter));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'One event with its people’s names; its ETag is the revision to send as If-Match' })
  @ApiOkResponse({ type: EventDetailsDto })
  @ApiProblems(400, 401, 404, 503)
  async get(
    @Param('id', IdPipe) id: string,
    @Query() query: ConsistencyQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EventDetailsView> {
    const view = await this.queries.execute(new GetEventQuery(principal.department, id, query.consistentWith));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
