import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { DraftPlanCommand } from './draft-plan.command';
import { DraftPlanDto } from './draft-plan.dto';

@ApiController('plans')
export class DraftPlanController extends WriteController {
  @Post()
  @Access('network-events')
  @WriteEndpoint({ summary: 'Draft a network’s plan for a period (one per network and period; a network head: of its own networks)', status: 201, location: '/plans/:id', problems: [400, 401, 403, 409, 422] })
  draft(@Body() body: DraftPlanDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new DraftPlanCommand(body, caller));
  }
}
