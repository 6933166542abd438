import { Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { RemovePlanItemCommand } from './remove-plan-item.command';

@ApiController('plans')
export class RemovePlanItemController extends WriteController {
  @Post(':id/items/:itemId/removal')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Remove a planned event from a draft plan (and from the projects that name it)', ...PLAN_WRITE })
  remove(@Param('id', IdPipe) id: string, @Param('itemId', IdPipe) itemId: string, @Caller() caller: CommandContext) {
    return this.commands.execute(new RemovePlanItemCommand(id, { planItemId: itemId }, caller));
  }
}
