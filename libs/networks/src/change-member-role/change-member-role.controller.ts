import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_IF_MATCH } from '../network-map/network-map.writer';
import { ChangeMemberRoleCommand } from './change-member-role.command';
import { ChangeMemberRoleDto } from './change-member-role.dto';

@ApiController('networks')
export class ChangeMemberRoleController extends WriteController {
  @Post(':id/members/:institutionId/role')
  @Access('records')
  @WriteEndpoint({ summary: 'Change a member’s role (member or partner) from a date', ifMatch: NETWORK_IF_MATCH, problems: [400, 401, 404, 409, 412, 422] })
  handle(@Param('id', IdPipe) id: string, @Param('institutionId', IdPipe) institutionId: string, @Body() body: ChangeMemberRoleDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new ChangeMemberRoleCommand(id, { ...body, institutionId }, caller));
  }
}
