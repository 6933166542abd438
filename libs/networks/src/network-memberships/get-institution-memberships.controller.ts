import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { InstitutionMembershipsDto } from './institution-memberships.response';
import { GetInstitutionMembershipsQuery } from './get-institution-memberships.query';

@ApiTags('networks')
@ApiBearerAuth()
@Controller()
export class GetInstitutionMembershipsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('institutions/:id/memberships')
  @Access('read')
  // The operation id the route had when it was one of NetworkQueriesController's: generated clients name their calls by it.
  @ApiOperation({
    operationId: 'NetworkQueriesController_memberships',
    summary: 'The networks an institution belonged to over time, of every kind',
  })
  @ApiOkResponse({ type: InstitutionMembershipsDto })
  @ApiProblems(400, 401, 404, 503)
  memberships(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetInstitutionMembershipsQuery(principal.department, id, query.consistentWith));
  }
}
