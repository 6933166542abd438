import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, IdPipe } from '@app/platform/http';
import { GetInstitutionEventsQuery, InstitutionEventsPage, InstitutionEventsQueryDto } from './institution-events.query';
import { InstitutionEventsPageDto } from './institution-events.response';

@ApiTags('events')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/events')
  @Access('read')
  @ApiOperation({ summary: 'The events an institution hosted or took part in, in date order, paged; each says how it was involved' })
  @ApiOkResponse({ type: InstitutionEventsPageDto })
  @ApiProblems(400, 401, 404, 503)
  events(@Param('id', IdPipe) id: string, @Query() filter: InstitutionEventsQueryDto, @CurrentPrincipal() principal: Principal): Promise<InstitutionEventsPage> {
    return this.queries.execute(new GetInstitutionEventsQuery(principal.department, id, filter));
  }
}
