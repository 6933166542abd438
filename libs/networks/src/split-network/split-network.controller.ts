import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { SplitNetworkCommand } from './split-network.command';
import { SplitNetworkDto } from './split-network.dto';

@ApiController('networks')
export class SplitNetworkController extends WriteController {
  @Post(':id/split')
  @Access('records')
  @WriteEndpoint({
    summary: 'Split members off into a new network on a date; answers with the new network',
    status: 201,
    location: '/networks/:id',
    ifMatch: 'The revision of the network being split',
    problems: [400, 401, 404, 409, 412, 422],
  })
  split(@Param('id', IdPipe) id: string, @Body() body: SplitNetworkDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new SplitNetworkCommand(id, body, caller));
  }
}
