import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CancelEventController } from './cancel-event/cancel-event.controller';
import { CancelEventHandler } from './cancel-event/cancel-event.handler';
import { CorrectEventDetailsController } from './correct-event-details/correct-event-details.controller';
import { CorrectEventDetailsHandler } from './correct-event-details/correct-event-details.handler';
import { CorrectHeldEventController } from './correct-held-event/correct-held-event.controller';
import { CorrectHeldEventHandler } from './correct-held-event/correct-held-event.handler';
import { EstablishEventSeriesController } from './establish-event-series/establish-event-series.controller';
import { EstablishEventSeriesHandler } from './establish-event-series/establish-event-series.handler';
import { EventFactsReader } from './event-writer/event-facts.reader';
import { EventPeople } from './event-writer/event-people';
import { EventWriter } from './event-writer/event.writer';
import { LinkEventToPlanItemController } from './link-event-to-plan-item/link-event-to-plan-item.controller';
import { LinkEventToPlanItemHandler } from './link-event-to-plan-item/link-event-to-plan-item.handler';
import { PlanEventController } from './plan-event/plan-event.controller';
import { PlanEventHandler } from './plan-event/plan-event.handler';
import { PostponeEventController } from './postpone-event/postpone-event.controller';
import { PostponeEventHandler } from './postpone-event/postpone-event.handler';
import { RecordEventHeldController } from './record-event-held/record-event-held.controller';
import { RecordEventHeldHandler } from './record-event-held/record-event-held.handler';
import { EventCalendarController } from './event-calendar/event-calendar.controller';
import { GetEventHandler, ListEventsHandler } from './event-calendar/list-events.handler';
import { EventHistoryController } from './event-history/event-history.controller';
import { GetEventHistoryHandler } from './event-history/get-event-history.handler';
import { EventSeriesController } from './event-series-list/event-series.controller';
import { GetEventSeriesHandler, ListEventSeriesHandler } from './event-series-list/event-series.handler';
import { InstitutionEventsController } from './institution-events/institution-events.controller';
import { GetInstitutionEventsHandler } from './institution-events/institution-events.handler';
import { NetworkCalendarFeedController } from './network-calendar-feed/network-calendar-feed.controller';
import { GetNetworkCalendarFeedHandler } from './network-calendar-feed/network-calendar-feed.handler';
import { ParticipationTotalsController } from './participation-totals/participation-totals.controller';
import { GetParticipationTotalsHandler } from './participation-totals/participation-totals.handler';
import { RenameEventSeriesController } from './rename-event-series/rename-event-series.controller';
import { RenameEventSeriesHandler } from './rename-event-series/rename-event-series.handler';
import { UnlinkEventFromPlanItemController } from './unlink-event-from-plan-item/unlink-event-from-plan-item.controller';
import { UnlinkEventFromPlanItemHandler } from './unlink-event-from-plan-item/unlink-event-from-plan-item.handler';
import { EventsImportController } from './import/event-import.controller';
import { EventsImportService } from './import/event-import.service';

/** The read side: the calendar, an event and its history, an institution's events, totals, series, the iCalendar feed. */
const readControllers = [
  EventCalendarController,
  EventHistoryController,
  InstitutionEventsController,
  ParticipationTotalsController,
  EventSeriesController,
  NetworkCalendarFeedController,
];
const readProviders = [
  ListEventsHandler,
  GetEventHandler,
  GetEventHistoryHandler,
  GetInstitutionEventsHandler,
  GetParticipationTotalsHandler,
  ListEventSeriesHandler,
  GetEventSeriesHandler,
  GetNetworkCalendarFeedHandler,
];

/** The events networks hold and their series: recording and reading them (docs/events.md). */
@Module({
  imports: [CqrsModule],
  controllers: [
    PlanEventController,
    RecordEventHeldController,
    CorrectEventDetailsController,
    PostponeEventController,
    CancelEventController,
    CorrectHeldEventController,
    LinkEventToPlanItemController,
    UnlinkEventFromPlanItemController,
    EstablishEventSeriesController,
    RenameEventSeriesController,
    ...readControllers,
    EventsImportController,
  ],
  providers: [
    EventFactsReader,
    EventPeople,
    EventWriter,
    PlanEventHandler,
    RecordEventHeldHandler,
    CorrectEventDetailsHandler,
    PostponeEventHandler,
    CancelEventHandler,
    CorrectHeldEventHandler,
    LinkEventToPlanItemHandler,
    UnlinkEventFromPlanItemHandler,
    EstablishEventSeriesHandler,
    RenameEventSeriesHandler,
    ...readProviders,
    EventsImportService,
  ],
})
export class EventsModule {}
