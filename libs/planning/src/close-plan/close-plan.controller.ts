import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { ClosePlanCommand } from './close-plan.command';
import { ClosePlanDto } from './close-plan.dto';

@ApiController('plans')
export class ClosePlanController extends WriteController {
  @Post(':id/closing')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Close an approved plan: assessment, conclusions, problems, task results, sections, next year’s tasks, every planned event resolved', ...PLAN_WRITE })
  close(@Param('id', IdPipe) id: string, @Body() body: ClosePlanDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new ClosePlanCommand(id, body, caller));
  }
}
