import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { RegisterInstitutionCommand } from './register-institution.command';
import { RegisterInstitutionDto } from './register-institution.dto';

@ApiController('institutions')
export class RegisterInstitutionController extends WriteController {
  @Post()
  @Access('records')
  @WriteEndpoint({ summary: 'Register an institution in your department', status: 201, location: '/institutions/:id', problems: [400, 401, 409, 422] })
  register(@Body() body: RegisterInstitutionDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RegisterInstitutionCommand(body, caller));
  }
}
