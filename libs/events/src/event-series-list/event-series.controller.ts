import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { EventSeriesDetails, EventSeriesPage, GetEventSeriesQuery, ListEventSeriesQuery, ListEventSeriesQueryDto } from './event-series.query';
import { EventSeriesDetailsDto, EventSeriesPageDto } from './event-series.response';

@ApiTags('events')
@ApiBearerAuth()
@Controller('event-series')
export class EventSeriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'The series of recurring events of your department (by network, by kind), in name order, paged' })
  @ApiOkResponse({ type: EventSeriesPageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() filter: ListEventSeriesQueryDto, @CurrentPrincipal() principal: Principal): Promise<EventSeriesPage> {
    return this.queries.execute(new ListEventSeriesQuery(principal.department, filter));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'One series: its names, its events in date order, and a row per academic year' })
  @ApiOkResponse({ type: EventSeriesDetailsDto })
  @ApiProblems(400, 401, 404, 503)
  get(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<EventSeriesDetails> {
    return this.queries.execute(new GetEventSeriesQuery(principal.department, id, query.consistentWith));
  }
}
