import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventFactsReader } from './event-writer/event-facts.reader';
import { EventPeople } from './event-writer/event-people';
import { EventWriter } from './event-writer/event.writer';
import { PlanEventController } from './plan-event/plan-event.controller';
import { PlanEventHandler } from './plan-event/plan-event.handler';
import { RecordEventHeldController } from './record-event-held/record-event-held.controller';
import { RecordEventHeldHandler } from './record-event-held/record-event-held.handler';
import { EventsImportController } from './import/event-import.controller';
import { EventsImportService } from './import/event-import.service';

/** The events networks hold and their series: recording them (docs/events.md). */
@Module({
  imports: [CqrsModule],
  controllers: [PlanEventController, RecordEventHeldController, EventsImportController],
  providers: [EventFactsReader, EventPeople, EventWriter, PlanEventHandler, RecordEventHeldHandler, EventsImportService],
})
export class EventsModule {}
