import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { AdmitMemberCommand } from './admit-member.command';
import { AdmitMemberDto } from './admit-member.dto';

@ApiController('networks')
export class AdmitMemberController extends WriteController {
  @Post(':id/members')
  @Access('records')
  @WriteEndpoint({ summary: 'Admit an institution as a member or partner from a date', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: AdmitMemberDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new AdmitMemberCommand(id, body, caller));
  }
}
