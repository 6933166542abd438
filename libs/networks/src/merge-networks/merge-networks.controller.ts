import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { MergeNetworksCommand } from './merge-networks.command';
import { MergeNetworksDto } from './merge-networks.dto';

@ApiController('networks')
export class MergeNetworksController extends WriteController {
  @Post(':id/merge')
  @Access('records')
  @WriteEndpoint({ summary: 'Merge this network into another: its members move there on the date and it is dissolved', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: MergeNetworksDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new MergeNetworksCommand(id, body, caller));
  }
}
