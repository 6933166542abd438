import { Body, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CommandContext } from '@app/kernel';
import { Access } from '@app/platform/access';
import { ApiController, Caller, WriteEndpoint } from '@app/platform/http';
import { RegisterNetworkCommand } from './register-network.command';
import { RegisterNetworkDto } from './register-network.dto';

@ApiController('networks')
export class RegisterNetworkController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access('records')
  @WriteEndpoint({ summary: 'Register a network: an educational district, a council of heads, a partnership', status: 201, problems: [400, 401, 409, 422] })
  async register(@Body() body: RegisterNetworkDto, @Caller() caller: CommandContext, @Res({ passthrough: true }) reply: FastifyReply  ) {
    const result = await this.commands.execute(new RegisterNetworkCommand(body, caller));
    reply.header('Location', `/networks/${result.id}`);
    return result;
  }
}
