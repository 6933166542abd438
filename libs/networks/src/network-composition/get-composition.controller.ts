import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, toIsoDate } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, IdPipe } from '@app/platform/http';
import { CompositionDto } from './composition.response';
import { CompositionQueryDto, GetCompositionQuery } from './get-composition.query';

@ApiTags('networks')
@ApiBearerAuth()
@Controller()
export class GetCompositionController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('networks/:id/composition')
  @Access('read')
  // The operation id the route had when it was one of NetworkQueriesController's: generated clients name their calls by it.
  @ApiOperation({
    operationId: 'NetworkQueriesController_composition',
    summary: 'Who belonged to the network on a date (today by default): members with role and since when, the anchor, the head',
  })
  @ApiOkResponse({ type: CompositionDto })
  @ApiProblems(400, 401, 404, 503)
  composition(@Param('id', IdPipe) id: string, @Query() query: CompositionQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetCompositionQuery(principal.department, id, query.on ?? toIsoDate(this.clock.now()), query.consistentWith));
  }
}
