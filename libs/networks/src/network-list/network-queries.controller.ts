import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { toIsoDate } from '@app/kernel';
import { CurrentPrincipal, Principal } from '@app/identity/principal';
import { Access } from '@app/identity/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import {
  ChangesDto,
  CompositionDto,
  InstitutionMembershipsDto,
  NetworkDto,
  NetworkPageDto,
  TimelineDto,
} from './network.responses';
import {
  CompositionQueryDto,
  GetChangesQuery,
  GetCompositionQuery,
  GetInstitutionMembershipsQuery,
  GetNetworkQuery,
  GetTimelineQuery,
  ListNetworksQuery,
  ListNetworksQueryDto,
  ChangesQueryDto,
  TimelineQueryDto,
} from './network-queries';

@ApiTags('networks')
@ApiBearerAuth()
@Controller()
export class NetworkQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('networks')
  @Access('read')
  @ApiOperation({ summary: 'List the networks of your department, filtered and paged' })
  @ApiOkResponse({ type: NetworkPageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() filter: ListNetworksQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new ListNetworksQuery(principal.department, filter));
  }

  @Get('networks/:id')
  @Access('read')
  @ApiOperation({ summary: 'One network; its ETag is the revision to send as If-Match' })
  @ApiOkResponse({ type: NetworkDto })
  @ApiProblems(400, 401, 404, 503)
  async get(
    @Param('id', IdPipe) id: string,
    @Query() query: ConsistencyQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const network = await this.queries.execute<GetNetworkQuery, { revision: number }>(new GetNetworkQuery(principal.department, id, query.consistentWith));
    reply.header('ETag', `"${network.revision}"`);
    return network;
  }

  @Get('networks/:id/composition')
  @Access('read')
  @ApiOperation({ summary: 'Who belonged to the network on a date (today by default): members with role and since when, the anchor, the head' })
  @ApiOkResponse({ type: CompositionDto })
  @ApiProblems(400, 401, 404, 503)
  composition(@Param('id', IdPipe) id: string, @Query() query: CompositionQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetCompositionQuery(principal.department, id, query.on ?? toIsoDate(new Date()), query.consistentWith));
  }

  @Get('networks/:id/changes')
  @Access('read')
  @ApiOperation({ summary: 'Who joined, left, moved or changed role in a period (an academic year by default), by effective date, a page at a time' })
  @ApiOkResponse({ type: ChangesDto })
  @ApiProblems(400, 401, 404, 503)
  changes(@Param('id', IdPipe) id: string, @Query() query: ChangesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetChangesQuery(principal.department, id, query, toIsoDate(new Date())));
  }

  @Get('networks/:id/timeline')
  @Access('read')
  @ApiOperation({ summary: 'Every change of the network, oldest first, a page at a time (`after` = the previous page’s `next`): who, when (recorded and effective), why, what' })
  @ApiOkResponse({ type: TimelineDto })
  @ApiProblems(400, 401, 404, 503)
  timeline(@Param('id', IdPipe) id: string, @Query() query: TimelineQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetTimelineQuery(principal.department, id, query.consistentWith, query.after, query.limit));
  }

  @Get('institutions/:id/memberships')
  @Access('read')
  @ApiOperation({ summary: 'The networks an institution belonged to over time, of every kind' })
  @ApiOkResponse({ type: InstitutionMembershipsDto })
  @ApiProblems(400, 401, 404, 503)
  memberships(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetInstitutionMembershipsQuery(principal.department, id, query.consistentWith));
  }
}
