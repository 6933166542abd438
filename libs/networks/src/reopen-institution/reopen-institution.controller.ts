import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { ReopenInstitutionCommand } from './reopen-institution.command';
import { ReopenInstitutionDto } from './reopen-institution.dto';

@ApiController('institutions')
export class ReopenInstitutionController extends WriteController {
  @Post(':id/reopen')
  @Access('records')
  @WriteEndpoint({ summary: 'Reopen a closed institution', ifMatch: true, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Body() body: ReopenInstitutionDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new ReopenInstitutionCommand(id, body, caller));
  }
}
