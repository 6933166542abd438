import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { EVENT_WRITE } from '../event-writer/event.writer';
import { CorrectHeldEventCommand } from './correct-held-event.command';
import { CorrectHeldEventDto } from './correct-held-event.dto';

@ApiController('events')
export class CorrectHeldEventController extends WriteController {
  @Post(':id/holding/corrections')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Correct a held event (its details or what holding recorded), with a reason; the earlier values stay in its history', ...EVENT_WRITE })
  correct(@Param('id', IdPipe) id: string, @Body() body: CorrectHeldEventDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CorrectHeldEventCommand(id, body, caller));
  }
}
