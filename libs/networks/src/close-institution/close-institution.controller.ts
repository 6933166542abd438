import { Body, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContext } from '@app/kernel';
import { Access } from '@app/platform/access';
import { ApiController, Caller, IdPipe, WriteEndpoint } from '@app/platform/http';
import { CloseInstitutionCommand } from './close-institution.command';
import { CloseInstitutionDto } from './close-institution.dto';

@ApiController('institutions')
export class CloseInstitutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/close')
  @Access('records')
  @WriteEndpoint({ summary: 'Close an institution on a date, with a reason', ifMatch: true, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Body() body: CloseInstitutionDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CloseInstitutionCommand(id, body, caller));
  }
}
