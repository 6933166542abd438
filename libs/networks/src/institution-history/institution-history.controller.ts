import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, ConsistencyQueryDto, IdPipe } from '@app/platform/http';
import { GetInstitutionHistoryQuery, InstitutionHistory } from './get-institution-history.query';
import { InstitutionHistoryDto } from './institution-history.response';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @Access('read')
  @ApiOperation({ summary: 'Every change of an institution, oldest first: who, when, why, and what changed field by field' })
  @ApiOkResponse({ type: InstitutionHistoryDto })
  @ApiProblems(400, 401, 404, 503)
  history(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<InstitutionHistory> {
    return this.queries.execute(new GetInstitutionHistoryQuery(principal.department, id, query.consistentWith));
  }
}
