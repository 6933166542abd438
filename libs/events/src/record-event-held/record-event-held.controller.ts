import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { EVENT_WRITE } from '../event-writer/event.writer';
import { RecordEventHeldCommand } from './record-event-held.command';
import { RecordEventHeldDto } from './record-event-held.dto';

@ApiController('events')
export class RecordEventHeldController extends WriteController {
  @Post(':id/holding')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Record that an event was held: when, participation, outcome, materials and publications', ...EVENT_WRITE })
  record(@Param('id', IdPipe) id: string, @Body() body: RecordEventHeldDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RecordEventHeldCommand(id, body, caller));
  }
}
