import { Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { DraftNextYearPlanCommand } from './draft-next-year-plan.command';

@ApiController('plans')
export class DraftNextYearPlanController extends WriteController {
  @Post(':id/next-year')
  @Access('network-events')
  @WriteEndpoint({
    summary: 'Draft next year’s plan of the network from this closed plan: its next-year goal and tasks, its carried-over items, linked back',
    status: 201,
    location: '/plans/:id',
    problems: [400, 401, 403, 404, 409, 422],
  })
  draftNextYear(@Param('id', IdPipe) id: string, @Caller() caller: CommandContext) {
    return this.commands.execute(new DraftNextYearPlanCommand(id, {}, caller));
  }
}
