import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { CorrectPlanCommand } from './correct-plan.command';
import { CorrectPlanDto } from './correct-plan.dto';

@ApiController('plans')
export class CorrectPlanController extends WriteController {
  @Post(':id/corrections')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Correct a closed plan (its closing or its text), with a reason', ...PLAN_WRITE })
  correct(@Param('id', IdPipe) id: string, @Body() body: CorrectPlanDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CorrectPlanCommand(id, body, caller));
  }
}
