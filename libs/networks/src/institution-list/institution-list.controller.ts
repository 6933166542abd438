import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { GetInstitutionQuery, Institution, InstitutionPage, ListInstitutionsQuery, ListInstitutionsQueryDto } from './list-institutions.query';
import { InstitutionDto, InstitutionPageDto } from './institution.response';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionListController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'List the institutions of your department, filtered and paged' })
  @ApiOkResponse({ type: InstitutionPageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() filter: ListInstitutionsQueryDto, @CurrentPrincipal() principal: Principal): Promise<InstitutionPage> {
    return this.queries.execute(new ListInstitutionsQuery(principal.department, filter));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'One institution; its ETag is the revision to send as If-Match' })
  @ApiOkResponse({ type: InstitutionDto })
  @ApiProblems(400, 401, 404, 503)
  async get(
    @Param('id', IdPipe) id: string,
    @Query() query: ConsistencyQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Institution> {
    const view = await this.queries.execute(new GetInstitutionQuery(principal.department, id, query.consistentWith));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
