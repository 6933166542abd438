import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { RecordMemberLeavingCommand } from './record-member-leaving.command';
import { RecordMemberLeavingDto } from './record-member-leaving.dto';

@ApiController('networks')
export class RecordMemberLeavingController extends WriteController {
  @Post(':id/members/:institutionId/leave')
  @Access('records')
  @WriteEndpoint({ summary: 'Record that a member leaves the network on a date, with a reason', ...NETWORK_WRITE })
  handle(
    @Param('id', IdPipe) id: string,
    @Param('institutionId', IdPipe) institutionId: string,
    @Body() body: RecordMemberLeavingDto,
    @Caller() caller: CommandContext,
  ) {
    return this.commands.execute(new RecordMemberLeavingCommand(id, { ...body, institutionId }, caller));
  }
}
