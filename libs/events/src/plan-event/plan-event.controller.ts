import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { PlanEventCommand } from './plan-event.command';
import { PlanEventDto } from './plan-event.dto';

@ApiController('events')
export class PlanEventController extends WriteController {
  @Post()
  @Access('network-events')
  @WriteEndpoint({ summary: 'Plan an event of one or more networks (a network head: of its own)', status: 201, location: '/events/:id', problems: [400, 401, 403, 409, 422] })
  plan(@Body() body: PlanEventDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new PlanEventCommand(body, caller));
  }
}
