import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { CloseInstitutionCommand } from './close-institution.command';
import { CloseInstitutionDto } from './close-institution.dto';

@ApiController('institutions')
export class CloseInstitutionController extends WriteController {
  @Post(':id/close')
  @Access('records')
  @WriteEndpoint({ summary: 'Close an institution on a date, with a reason', ifMatch: true, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Body() body: CloseInstitutionDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CloseInstitutionCommand(id, body, caller));
  }
}
