import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { ChangePlanItemCommand } from './change-plan-item.command';
import { ChangePlanItemDto } from './change-plan-item.dto';

@ApiController('plans')
export class ChangePlanItemController extends WriteController {
  @Post(':id/items/:itemId')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Change a planned event of a draft plan', ...PLAN_WRITE })
  change(@Param('id', IdPipe) id: string, @Param('itemId', IdPipe) itemId: string, @Body() body: ChangePlanItemDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new ChangePlanItemCommand(id, { ...body, planItemId: itemId }, caller));
  }
}
