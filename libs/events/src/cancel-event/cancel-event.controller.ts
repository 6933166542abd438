import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { EVENT_WRITE } from '../event-writer/event.writer';
import { CancelEventCommand } from './cancel-event.command';
import { CancelEventDto } from './cancel-event.dto';

@ApiController('events')
export class CancelEventController extends WriteController {
  @Post(':id/cancel')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Cancel an event that is not yet held, with a reason', ...EVENT_WRITE })
  cancel(@Param('id', IdPipe) id: string, @Body() body: CancelEventDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CancelEventCommand(id, body, caller));
  }
}
