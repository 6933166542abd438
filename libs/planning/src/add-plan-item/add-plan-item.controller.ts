import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { AddPlanItemCommand } from './add-plan-item.command';
import { AddPlanItemDto } from './add-plan-item.dto';

@ApiController('plans')
export class AddPlanItemController extends WriteController {
  @Post(':id/items')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Add a planned event to a draft plan (its id minted from the Idempotency-Key)', ...PLAN_WRITE })
  add(@Param('id', IdPipe) id: string, @Body() body: AddPlanItemDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new AddPlanItemCommand(id, body, caller));
  }
}
