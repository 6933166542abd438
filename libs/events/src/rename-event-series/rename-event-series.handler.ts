import { CommandHandler } from '@nestjs/cqrs';
import { EventHandler } from '../event-writer/event.handler';
import { RenameEventSeriesCommand } from './rename-event-series.command';

@CommandHandler(RenameEventSeriesCommand)
export class RenameEventSeriesHandler extends EventHandler<RenameEventSeriesCommand> {
  execute({ id, body, context }: RenameEventSeriesCommand) {
    return this.writer.changeSeries(context, id, () => ({ type: 'RenameEventSeries', data: { seriesId: id, name: body.name } }));
  }
}
