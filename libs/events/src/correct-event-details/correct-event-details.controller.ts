import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { EVENT_WRITE } from '../event-writer/event.writer';
import { CorrectEventDetailsCommand } from './correct-event-details.command';
import { CorrectEventDetailsDto } from './correct-event-details.dto';

@ApiController('events')
export class CorrectEventDetailsController extends WriteController {
  @Post(':id/corrections')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Correct an event’s details or date before it is held (the earlier values stay in its history)', ...EVENT_WRITE })
  correct(@Param('id', IdPipe) id: string, @Body() body: CorrectEventDetailsDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CorrectEventDetailsCommand(id, body, caller));
  }
}
