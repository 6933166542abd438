import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { EVENT_WRITE } from '../event-writer/event.writer';
import { LinkEventToPlanItemCommand } from './link-event-to-plan-item.command';
import { LinkEventToPlanItemDto } from './link-event-to-plan-item.dto';

@ApiController('events')
export class LinkEventToPlanItemController extends WriteController {
  @Post(':id/plan-items')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Link an event to a plan item it realises', ...EVENT_WRITE })
  link(@Param('id', IdPipe) id: string, @Body() body: LinkEventToPlanItemDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new LinkEventToPlanItemCommand(id, body, caller));
  }
}
