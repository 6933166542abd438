import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { EstablishEventSeriesCommand } from './establish-event-series.command';
import { EstablishEventSeriesDto } from './establish-event-series.dto';

@ApiController('event-series', 'events')
export class EstablishEventSeriesController extends WriteController {
  @Post()
  @Access('network-events')
  @WriteEndpoint({ summary: 'Establish a series: a named recurring event of one or more networks', status: 201, location: '/event-series/:id', problems: [400, 401, 403, 409, 422] })
  establish(@Body() body: EstablishEventSeriesDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new EstablishEventSeriesCommand(body, caller));
  }
}
