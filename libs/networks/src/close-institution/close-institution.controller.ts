import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WriteResult } from '@app/kernel';
import { CurrentPrincipal, Principal } from '@app/identity';
import { Access } from '@app/identity';
import { ApiProblems, IdPipe, RequestContext, WriteResultDto, commandContextFrom } from '@app/platform/http';
import { CloseInstitutionCommand } from './close-institution.command';
import { CloseInstitutionDto } from './close-institution.dto';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class CloseInstitutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/close')
  @Access('records')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an institution on a date, with a reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision you last read (ETag); a newer one answers 412' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key gives the same answer and one change' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 404, 409, 412, 422)
  async handle(
    @Param('id', IdPipe) id: string,
    @Body() body: CloseInstitutionDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
  ): Promise<WriteResultDto> {
    return this.commands.execute<CloseInstitutionCommand, WriteResult>(new CloseInstitutionCommand(id, body, commandContextFrom(principal, request), request.ifMatch));
  }
}
