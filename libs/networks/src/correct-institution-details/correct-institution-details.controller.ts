import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { CorrectInstitutionDetailsCommand } from './correct-institution-details.command';
import { CorrectInstitutionDetailsDto } from './correct-institution-details.dto';

@ApiController('institutions')
export class CorrectInstitutionDetailsController extends WriteController {
  @Post(':id/corrections')
  @Access('records')
  @WriteEndpoint({ summary: 'Correct wrongly recorded details, with a reason', ifMatch: true, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Body() body: CorrectInstitutionDetailsDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CorrectInstitutionDetailsCommand(id, body, caller));
  }
}
