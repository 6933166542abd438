import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DraftPlanController } from './draft-plan/draft-plan.controller';
import { DraftPlanHandler } from './draft-plan/draft-plan.handler';
import { PlanFactsReader } from './plan-writer/plan-facts.reader';
import { PlanPeople } from './plan-writer/plan-people';
import { PlanWriter } from './plan-writer/plan.writer';
import { GetPlanFulfilmentHandler } from './plan-fulfilment/plan-fulfilment.handler';
import { GetPlanHistoryHandler } from './plan-history/get-plan-history.handler';
import { GetPlanOverviewHandler } from './plan-overview/plan-overview.handler';
import { NetworkPlanController } from './plan-view/network-plan.controller';
import { PlanReadController } from './plan-view/plan-read.controller';
import { GetNetworkPlanHandler, GetPlanHandler, ListPlansHandler } from './plan-view/plan-view.handler';

/** The read side: a plan (current text, a revision, as of a day), the list, fulfilment, history, the department's overview. */
const readControllers = [PlanReadController, NetworkPlanController];
const readProviders = [GetPlanHandler, GetNetworkPlanHandler, ListPlansHandler, GetPlanFulfilmentHandler, GetPlanHistoryHandler, GetPlanOverviewHandler];

/** A network's plans for their periods: recording and reading them (docs/planning.md, "Recording plans (API)", "Reading plans (API)"). */
@Module({
  imports: [CqrsModule],
  controllers: [DraftPlanController, ...readControllers],
  providers: [PlanFactsReader, PlanPeople, PlanWriter, DraftPlanHandler, ...readProviders],
})
export class PlanningModule {}
