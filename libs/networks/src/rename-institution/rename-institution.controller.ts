import { Body, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContext } from '@app/kernel';
import { Access } from '@app/platform/access';
import { ApiController, Caller, IdPipe, WriteEndpoint } from '@app/platform/http';
import { RenameInstitutionCommand } from './rename-institution.command';
import { RenameInstitutionDto } from './rename-institution.dto';

@ApiController('institutions')
export class RenameInstitutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/rename')
  @Access('records')
  @WriteEndpoint({ summary: 'Rename an institution from a date', ifMatch: true, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Body() body: RenameInstitutionDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RenameInstitutionCommand(id, body, caller));
  }
}
