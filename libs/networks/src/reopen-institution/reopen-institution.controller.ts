import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WriteResult } from '@app/kernel';
import { CurrentPrincipal, Principal } from '@app/identity';
import { Access } from '@app/identity';
import { ApiProblems, IdPipe, RequestContext, WriteResultDto, commandContextFrom } from '@app/platform/http';
import { ReopenInstitutionCommand } from './reopen-institution.command';
import { ReopenInstitutionDto } from './reopen-institution.dto';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class ReopenInstitutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reopen')
  @Access('records')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed institution' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision you last read (ETag); a newer one answers 412' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key gives the same answer and one change' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 404, 409, 412, 422)
  async handle(
    @Param('id', IdPipe) id: string,
    @Body() body: ReopenInstitutionDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
  ): Promise<WriteResultDto> {
    return this.commands.execute<ReopenInstitutionCommand, WriteResult>(new ReopenInstitutionCommand(id, body, commandContextFrom(principal, request), request.ifMatch));
  }
}
