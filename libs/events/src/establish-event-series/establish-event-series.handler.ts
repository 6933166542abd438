import { CommandHandler } from '@nestjs/cqrs';
import { deterministicId, newId, toIsoDate } from '@app/kernel';
import { EventHandler } from '../event-writer/event.handler';
import { idsOf } from '../event-writer/event-mapping';
import { EstablishEventSeriesCommand } from './establish-event-series.command';

@CommandHandler(EstablishEventSeriesCommand)
export class EstablishEventSeriesHandler extends EventHandler<EstablishEventSeriesCommand> {
  execute({ body, context }: EstablishEventSeriesCommand) {
    const seriesId = context.idempotencyKey ? deterministicId(context.department, 'event-series', context.idempotencyKey) : newId();
    const networkIds = idsOf(body.networkIds);
    return this.writer.establishSeries(context, seriesId, networkIds, (facts) => ({
      type: 'EstablishEventSeries',
      data: { seriesId, department: context.department, name: body.name, kind: body.kind, networkIds, today: toIsoDate(context.receivedAt), facts },
    }));
  }
}
