import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { RenameInstitutionCommand } from './rename-institution.command';
import { RenameInstitutionDto } from './rename-institution.dto';

@ApiController('institutions')
export class RenameInstitutionController extends WriteController {
  @Post(':id/rename')
  @Access('records')
  @WriteEndpoint({ summary: 'Rename an institution from a date', ifMatch: true, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Body() body: RenameInstitutionDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RenameInstitutionCommand(id, body, caller));
  }
}
