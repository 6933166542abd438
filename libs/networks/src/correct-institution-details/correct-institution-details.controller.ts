import { Body, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContext } from '@app/kernel';
import { Access } from '@app/platform/access';
import { ApiController, Caller, IdPipe, WriteEndpoint } from '@app/platform/http';
import { CorrectInstitutionDetailsCommand } from './correct-institution-details.command';
import { CorrectInstitutionDetailsDto } from './correct-institution-details.dto';

@ApiController('institutions')
export class CorrectInstitutionDetailsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/corrections')
  @Access('records')
  @WriteEndpoint({ summary: 'Correct wrongly recorded details, with a reason', ifMatch: true, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Body() body: CorrectInstitutionDetailsDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CorrectInstitutionDetailsCommand(id, body, caller));
  }
}
