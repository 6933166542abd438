import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetAcademicYearStartQuery, GetInstitutionQuery } from '@app/networks';
import { ReadModels } from '@app/platform';
import { periodOf, statedPeriod } from '../event-calendar/calendar-period';
import { calendarQuery, presentEvent, selectCalendar } from '../event-calendar/calendar-selection';
import { EventCalendarView, eventCalendarProjection } from '../event-calendar/event-calendar.projection';
import { GetInstitutionEventsQuery, InstitutionEventsPage, InstitutionInvolvement } from './institution-events.query';

const involvementOf = (doc: EventCalendarView, institutionId: string): InstitutionInvolvement => ({
  hosted: doc.hostIds.includes(institutionId),
  outsideHost: doc.outsideHostIds.includes(institutionId),
  tookPart: (doc.held?.participation.institutionIds ?? []).includes(institutionId),
  outsideParticipant: (doc.held?.outsideInstitutionIds ?? []).includes(institutionId),
});

@QueryHandler(GetInstitutionEventsQuery)
export class GetInstitutionEventsHandler implements IQueryHandler<GetInstitutionEventsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetInstitutionEventsQuery): Promise<InstitutionEventsPage> {
    const { department, institutionId, filter } = query;
    const start = await this.queries.execute(new GetAcademicYearStartQuery(department));
    const period = periodOf(filter, start);
    // An unknown institution (or another department's) is a 404, as for its other pages.
    await this.queries.execute(new GetInstitutionQuery(department, institutionId, filter.consistentWith));
    const read = await this.readModels.for(query, filter.consistentWith);
    const calendarFilter =
      filter.involvement === 'hosted'
        ? { host: institutionId, status: filter.status }
        : { institution: institutionId, status: filter.status };
    const docs = await read.find<EventCalendarView>(eventCalendarProjection, calendarQuery(department, calendarFilter, period));
    const events = selectCalendar(docs, calendarFilter, period, start).filter(
      (doc) => filter.involvement !== 'took-part' || involvementOf(doc, institutionId).tookPart,
    );
    const offset = filter.offset ?? 0;
    const limit = filter.limit ?? 50;
    return {
      institutionId,
      period: statedPeriod(period),
      items: events.slice(offset, offset + limit).map((doc) => ({ ...presentEvent(doc), involvement: involvementOf(doc, institutionId) })),
      total: events.length,
      totalExact: true,
      offset,
      limit,
    };
  }
}
