import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, toIsoDate } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, IdPipe } from '@app/platform/http';
import { EventPeriodQueryDto } from '../event-calendar/list-events.query';
import { GetParticipationTotalsQuery, ParticipationTotals } from './participation-totals.query';
import { ParticipationTotalsDto } from './participation-totals.response';

@ApiTags('events')
@ApiBearerAuth()
@Controller('networks')
export class ParticipationTotalsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/participation')
  @Access('read')
  @ApiOperation({ summary: 'Who took part in the events a network held in a period (the current academic year by default): by category and by kind' })
  @ApiOkResponse({ type: ParticipationTotalsDto })
  @ApiProblems(400, 401, 404, 503)
  totals(@Param('id', IdPipe) id: string, @Query() filter: EventPeriodQueryDto, @CurrentPrincipal() principal: Principal): Promise<ParticipationTotals> {
    return this.queries.execute(new GetParticipationTotalsQuery(principal.department, id, filter, toIsoDate(this.clock.now())));
  }
}
