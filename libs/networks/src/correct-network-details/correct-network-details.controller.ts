import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { CorrectNetworkDetailsCommand } from './correct-network-details.command';
import { CorrectNetworkDetailsDto } from './correct-network-details.dto';

@ApiController('networks')
export class CorrectNetworkDetailsController extends WriteController {
  @Post(':id/corrections')
  @Access('records')
  @WriteEndpoint({ summary: 'Correct wrongly recorded details of a network, with a reason (also when dissolved)', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: CorrectNetworkDetailsDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CorrectNetworkDetailsCommand(id, body, caller));
  }
}
