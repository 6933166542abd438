import { Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock, toIsoDate } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { GetPlanFulfilmentQuery, PlanFulfilment, PlanFulfilmentQueryDto } from '../plan-fulfilment/plan-fulfilment.query';
import { PlanFulfilmentDto } from '../plan-fulfilment/plan-fulfilment.response';
import { GetPlanHistoryQuery, PlanHistory } from '../plan-history/get-plan-history.query';
import { PlanHistoryDto } from '../plan-history/plan-history.response';
import { GetPlanOverviewQuery, PlanOverview } from '../plan-overview/plan-overview.query';
import { PlanOverviewDto } from '../plan-overview/plan-overview.response';
import { GetPlanQuery, ListPlansQuery, ListPlansQueryDto, PlanAnswer, PlanPage, PlanPeriodQueryDto, PlanTextQueryDto } from './plan-queries';
import { PlanDto, PlanPageDto } from './plan.response';

@ApiController('plans')
export class PlanReadController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'Your department’s plans: by period (academicYear or year), status and network; in period and network order, paged' })
  @ApiOkResponse({ type: PlanPageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() filter: ListPlansQueryDto, @CurrentPrincipal() principal: Principal): Promise<PlanPage> {
    return this.queries.execute(new ListPlansQuery(principal.department, filter));
  }

  @Get('overview')
  @Access('read')
  @ApiOperation({ summary: 'The department’s plans for a period (the current academic year by default): each network with its plan’s status, items planned, held and cancelled, and the assessment' })
  @ApiOkResponse({ type: PlanOverviewDto })
  @ApiProblems(400, 401, 503)
  overview(@Query() filter: PlanPeriodQueryDto, @CurrentPrincipal() principal: Principal): Promise<PlanOverview> {
    return this.queries.execute(new GetPlanOverviewQuery(principal.department, filter, toIsoDate(this.clock.now())));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'One plan: its current text, an approved revision’s (revision), or the revision in force on a day (asOf); its ETag is the revision to send as If-Match' })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 404, 503)
  async get(
    @Param('id', IdPipe) id: string,
    @Query() filter: PlanTextQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanAnswer> {
    const plan = await this.queries.execute(new GetPlanQuery(principal.department, id, filter));
    reply.header('ETag', `"${plan.streamRevision}"`);
    return plan;
  }

  @Get(':id/fulfilment')
  @Access('read')
  @ApiOperation({ summary: 'A plan’s fulfilment, as recorded now or by the end of a day (asOf): per item held, cancelled, postponed, carried over, not held; totals; held events no item foresaw' })
  @ApiOkResponse({ type: PlanFulfilmentDto })
  @ApiProblems(400, 401, 404, 503)
  fulfilment(@Param('id', IdPipe) id: string, @Query() filter: PlanFulfilmentQueryDto, @CurrentPrincipal() principal: Principal): Promise<PlanFulfilment> {
    return this.queries.execute(new GetPlanFulfilmentQuery(principal.department, id, filter, toIsoDate(this.clock.now())));
  }

  @Get(':id/history')
  @Access('read')
  @ApiOperation({ summary: 'Every change of a plan, oldest first: who, when, why, in words, and what changed from what to what' })
  @ApiOkResponse({ type: PlanHistoryDto })
  @ApiProblems(400, 401, 404, 503)
  history(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<PlanHistory> {
    return this.queries.execute(new GetPlanHistoryQuery(principal.department, id, query.consistentWith));
  }
}
