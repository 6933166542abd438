import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { DissolveNetworkCommand } from './dissolve-network.command';
import { DissolveNetworkDto } from './dissolve-network.dto';

@ApiController('networks')
export class DissolveNetworkController extends WriteController {
  @Post(':id/dissolve')
  @Access('records')
  @WriteEndpoint({ summary: 'Dissolve a network on a date, with a reason: its members leave, it accepts only corrections afterwards', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: DissolveNetworkDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new DissolveNetworkCommand(id, body, caller));
  }
}
