import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { NETWORK_WRITE } from '../network-map/network-map.writer';
import { AppointHeadCommand } from './appoint-head.command';
import { AppointHeadDto } from './appoint-head.dto';

@ApiController('networks')
export class AppointHeadController extends WriteController {
  @Post(':id/head')
  @Access('records')
  @WriteEndpoint({ summary: 'Appoint the head of a network from a date (replacing the current one)', ...NETWORK_WRITE })
  handle(@Param('id', IdPipe) id: string, @Body() body: AppointHeadDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new AppointHeadCommand(id, body, caller));
  }
}
