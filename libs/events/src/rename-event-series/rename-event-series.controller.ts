import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { SERIES_WRITE } from '../event-writer/event.writer';
import { RenameEventSeriesCommand } from './rename-event-series.command';
import { RenameEventSeriesDto } from './rename-event-series.dto';

@ApiController('event-series', 'events')
export class RenameEventSeriesController extends WriteController {
  @Post(':id/rename')
  @Access('network-events')
  @WriteEndpoint({ summary: 'Rename a series', ...SERIES_WRITE })
  rename(@Param('id', IdPipe) id: string, @Body() body: RenameEventSeriesDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RenameEventSeriesCommand(id, body, caller));
  }
}
