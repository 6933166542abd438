import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DraftPlanController } from './draft-plan/draft-plan.controller';
import { DraftPlanHandler } from './draft-plan/draft-plan.handler';
import { PlanFactsReader } from './plan-writer/plan-facts.reader';
import { PlanPeople } from './plan-writer/plan-people';
import { PlanWriter } from './plan-writer/plan.writer';

/** A network's plans for their periods: recording them (docs/planning.md, "Recording plans (API)"). */
@Module({
  imports: [CqrsModule],
  controllers: [DraftPlanController],
  providers: [PlanFactsReader, PlanPeople, PlanWriter, DraftPlanHandler],
})
export class PlanningModule {}
