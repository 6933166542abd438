import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { ChangeMemberRoleCommand } from './change-member-role.command';
import { ChangeMemberRoleDto } from './change-member-role.dto';

@ApiController('networks')
export class ChangeMemberRoleController extends WriteController {
  @Post(':id/members/:institutionId/role')
  @Access('records')
  @WriteEndpoint({ summary: 'Change a member’s role (member or partner) from a date', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Param('institutionId', IdPipe) institutionId: string, @Body() body: ChangeMemberRoleDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new ChangeMemberRoleCommand(id, { ...body, institutionId }, caller));
  }
}
