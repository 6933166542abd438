import { Body, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CommandContext } from '@app/kernel';
import { Access } from '@app/platform/access';
import { ApiController, Caller, IdPipe, WriteEndpoint } from '@app/platform/http';
import { SplitNetworkCommand } from './split-network.command';
import { SplitNetworkDto } from './split-network.dto';

@ApiController('networks')
export class SplitNetworkController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/split')
  @Access('records')
  @WriteEndpoint({
    summary: 'Split members off into a new network on a date; answers with the new network',
    status: 201,
    ifMatch: 'The revision of the network being split',
    problems: [400, 401, 404, 409, 412, 422],
  })
  async split(
    @Param('id', IdPipe) id: string,
    @Body() body: SplitNetworkDto,
    @Caller() caller: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new SplitNetworkCommand(id, body, caller));
    reply.header('Location', `/networks/${result.id}`);
    return result;
  }
}
