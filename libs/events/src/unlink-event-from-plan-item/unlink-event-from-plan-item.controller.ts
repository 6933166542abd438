import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { EVENT_WRITE } from '../event-writer/event.writer';
import { UnlinkEventFromPlanItemCommand } from './unlink-event-from-plan-item.command';
import { UnlinkEventFromPlanItemDto } from './unlink-event-from-plan-item.dto';

@ApiController('events')
export class UnlinkEventFromPlanItemController extends WriteController {
  @Post(':id/plan-items/:planItemId/unlink')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Unlink an event from a plan item, with a reason', ...EVENT_WRITE })
  unlink(@Param('id', IdPipe) id: string, @Param('planItemId', IdPipe) planItemId: string, @Body() body: UnlinkEventFromPlanItemDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new UnlinkEventFromPlanItemCommand(id, { ...body, planItemId }, caller));
  }
}
