import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { SetAnchorCommand } from './set-anchor.command';
import { SetAnchorDto } from './set-anchor.dto';

@ApiController('networks')
export class SetAnchorController extends WriteController {
  @Post(':id/anchor')
  @Access('records')
  @WriteEndpoint({ summary: 'Make a member the anchor institution from a date (one anchor at a time)', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: SetAnchorDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new SetAnchorCommand(id, body, caller));
  }
}
