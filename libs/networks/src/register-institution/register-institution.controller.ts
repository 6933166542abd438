import { Body, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CommandContext } from '@app/kernel';
import { Access } from '@app/platform/access';
import { ApiController, Caller, WriteEndpoint } from '@app/platform/http';
import { RegisterInstitutionCommand } from './register-institution.command';
import { RegisterInstitutionDto } from './register-institution.dto';

@ApiController('institutions')
export class RegisterInstitutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access('records')
  @WriteEndpoint({ summary: 'Register an institution in your department', status: 201, problems: [400, 401, 409, 422] })
  async register(@Body() body: RegisterInstitutionDto, @Caller() caller: CommandContext, @Res({ passthrough: true }) reply: FastifyReply  ) {
    const result = await this.commands.execute(new RegisterInstitutionCommand(body, caller));
    reply.header('Location', `/institutions/${result.id}`);
    return result;
  }
}
