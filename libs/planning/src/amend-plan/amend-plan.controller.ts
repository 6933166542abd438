import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { AmendPlanCommand } from './amend-plan.command';
import { AmendPlanDto } from './amend-plan.dto';

@ApiController('plans')
export class AmendPlanController extends WriteController {
  @Post(':id/amendments')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Amend an approved plan, with a reason and the amendment’s approval (a numbered revision)', ...PLAN_WRITE })
  amend(@Param('id', IdPipe) id: string, @Body() body: AmendPlanDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new AmendPlanCommand(id, body, caller));
  }
}
