import { Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock, toIsoDate } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, IdPipe } from '@app/platform/http';
import { GetNetworkPlanQuery, NetworkPlanQueryDto, PlanAnswer } from './plan-queries';
import { PlanDto } from './plan.response';

@ApiController('networks', 'plans')
export class NetworkPlanController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/plan')
  @Access('read')
  @ApiOperation({ summary: 'A network’s plan for a period (academicYear, or year; by default the period running today, of the kind the network reports by): its current text, an approved revision’s (revision), or the revision in force on a day (asOf)' })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 404, 503)
  async plan(
    @Param('id', IdPipe) id: string,
    @Query() filter: NetworkPlanQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanAnswer> {
    const plan = await this.queries.execute(new GetNetworkPlanQuery(principal.department, id, filter, toIsoDate(this.clock.now())));
    reply.header('ETag', `"${plan.streamRevision}"`);
    return plan;
  }
}
