import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/kernel';
import { ReadModels } from '@app/platform';
import { EventHistoryView, eventHistoryProjection } from './event-history.projection';
import { EventHistory, GetEventHistoryQuery } from './get-event-history.query';

@QueryHandler(GetEventHistoryQuery)
export class GetEventHistoryHandler implements IQueryHandler<GetEventHistoryQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(query: GetEventHistoryQuery): Promise<EventHistory> {
    const read = await this.readModels.for(query, query.consistentWith);
    const doc = await read.get<EventHistoryView>(eventHistoryProjection, query.eventId);
    if (!doc || doc.department !== query.department) throw new NotFound('event', query.eventId);
    return { eventId: query.eventId, entries: doc.entries };
  }
}
