import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { RenameNetworkCommand } from './rename-network.command';
import { RenameNetworkDto } from './rename-network.dto';

@ApiController('networks')
export class RenameNetworkController extends WriteController {
  @Post(':id/rename')
  @Access('records')
  @WriteEndpoint({ summary: 'Rename a network from a date', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: RenameNetworkDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RenameNetworkCommand(id, body, caller));
  }
}
