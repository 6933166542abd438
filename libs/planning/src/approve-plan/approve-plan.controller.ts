import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { ApprovePlanCommand } from './approve-plan.command';
import { ApprovePlanDto } from './approve-plan.dto';

@ApiController('plans')
export class ApprovePlanController extends WriteController {
  @Post(':id/approval')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Approve a draft plan: by whom, on which date, by which decision or protocol (revision 1)', ...PLAN_WRITE })
  approve(@Param('id', IdPipe) id: string, @Body() body: ApprovePlanDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new ApprovePlanCommand(id, body, caller));
  }
}
