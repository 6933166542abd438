import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { TransferMemberCommand } from './transfer-member.command';
import { TransferMemberDto } from './transfer-member.dto';

@ApiController('networks')
export class TransferMemberController extends WriteController {
  @Post(':id/members/:institutionId/transfer')
  @Access('records')
  @WriteEndpoint({ summary: 'Move an institution from this network to another of the same kind on a date: one atomic change to both', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Param('institutionId', IdPipe) institutionId: string, @Body() body: TransferMemberDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new TransferMemberCommand(id, { ...body, institutionId }, caller));
  }
}
