import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { NetworkDto, NetworkPageDto } from './network.responses';
import { GetNetworkQuery, ListNetworksQuery, ListNetworksQueryDto, Network, NetworkPage } from './network-queries';

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
  list(@Query() filter: ListNetworksQueryDto, @CurrentPrincipal() principal: Principal): Promise<NetworkPage> {
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
  ): Promise<Network> {
    const network = await this.queries.execute(new GetNetworkQuery(principal.department, id, query.consistentWith));
    reply.header('ETag', `"${network.revision}"`);
    return network;
  }
}
