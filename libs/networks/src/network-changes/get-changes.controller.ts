import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, toIsoDate } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, IdPipe } from '@app/platform/http';
import { ChangesDto } from './changes.response';
import { ChangesQueryDto, GetChangesQuery } from './get-changes.query';

@ApiTags('networks')
@ApiBearerAuth()
@Controller()
export class GetChangesController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('networks/:id/changes')
  @Access('read')
  // The operation id the route had when it was one of NetworkQueriesController's: generated clients name their calls by it.
  @ApiOperation({
    operationId: 'NetworkQueriesController_changes',
    summary: 'Who joined, left, moved or changed role in a period (an academic year by default), by effective date, a page at a time',
  })
  @ApiOkResponse({ type: ChangesDto })
  @ApiProblems(400, 401, 404, 503)
  changes(@Param('id', IdPipe) id: string, @Query() query: ChangesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetChangesQuery(principal.department, id, query, toIsoDate(this.clock.now())));
  }
}
