import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { PLAN_WRITE } from '../plan-writer/plan.writer';
import { EditPlanContentCommand } from './edit-plan-content.command';
import { EditPlanContentDto } from './edit-plan-content.dto';

@ApiController('plans')
export class EditPlanContentController extends WriteController {
  @Post(':id/content')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Edit a draft plan’s text: theme, goal, tasks, kinds of activity, projects, agreements', ...PLAN_WRITE })
  edit(@Param('id', IdPipe) id: string, @Body() body: EditPlanContentDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new EditPlanContentCommand(id, body, caller));
  }
}
