import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { EVENT_WRITE } from '../event-writer/event.writer';
import { PostponeEventCommand } from './postpone-event.command';
import { PostponeEventDto } from './postpone-event.dto';

@ApiController('events')
export class PostponeEventController extends WriteController {
  @Post(':id/postpone')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Postpone an event that is not yet held to a new date, with a reason', ...EVENT_WRITE })
  postpone(@Param('id', IdPipe) id: string, @Body() body: PostponeEventDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new PostponeEventCommand(id, body, caller));
  }
}
