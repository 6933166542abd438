import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DraftPlanController } from './draft-plan/draft-plan.controller';
import { DraftPlanHandler } from './draft-plan/draft-plan.handler';
import { EditPlanContentController } from './edit-plan-content/edit-plan-content.controller';
import { EditPlanContentHandler } from './edit-plan-content/edit-plan-content.handler';
import { AddPlanItemController } from './add-plan-item/add-plan-item.controller';
import { AddPlanItemHandler } from './add-plan-item/add-plan-item.handler';
import { ChangePlanItemController } from './change-plan-item/change-plan-item.controller';
import { ChangePlanItemHandler } from './change-plan-item/change-plan-item.handler';
import { RemovePlanItemController } from './remove-plan-item/remove-plan-item.controller';
import { RemovePlanItemHandler } from './remove-plan-item/remove-plan-item.handler';
import { ApprovePlanController } from './approve-plan/approve-plan.controller';
import { ApprovePlanHandler } from './approve-plan/approve-plan.handler';
import { AmendPlanController } from './amend-plan/amend-plan.controller';
import { AmendPlanHandler } from './amend-plan/amend-plan.handler';
import { ClosePlanController } from './close-plan/close-plan.controller';
import { ClosePlanHandler } from './close-plan/close-plan.handler';
import { CorrectPlanController } from './correct-plan/correct-plan.controller';
import { CorrectPlanHandler } from './correct-plan/correct-plan.handler';
import { DraftNextYearPlanController } from './draft-next-year-plan/draft-next-year-plan.controller';
import { DraftNextYearPlanHandler } from './draft-next-year-plan/draft-next-year-plan.handler';
import { AssessmentScaleController } from './assessment-scale/assessment-scale.controller';
import { AssessmentScales } from './assessment-scale/assessment-scales.service';
import { GetAssessmentScaleHandler } from './assessment-scale/get-assessment-scale.handler';
import { SetAssessmentScaleHandler } from './assessment-scale/set-assessment-scale.handler';
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
/** The department's assessment scale: set (admins) and read. */
const scaleControllers = [AssessmentScaleController];
const scaleProviders = [AssessmentScales, SetAssessmentScaleHandler, GetAssessmentScaleHandler];

/** A network's plans for their periods: recording and reading them (docs/planning.md, "Recording plans (API)", "Reading plans (API)"). */
@Module({
  imports: [CqrsModule],
  controllers: [DraftPlanController, EditPlanContentController, AddPlanItemController, ChangePlanItemController, RemovePlanItemController, ApprovePlanController, AmendPlanController, ClosePlanController, CorrectPlanController, DraftNextYearPlanController, ...readControllers, ...scaleControllers],
  providers: [PlanFactsReader, PlanPeople, PlanWriter, DraftPlanHandler, EditPlanContentHandler, AddPlanItemHandler, ChangePlanItemHandler, RemovePlanItemHandler, ApprovePlanHandler, AmendPlanHandler, ClosePlanHandler, CorrectPlanHandler, DraftNextYearPlanHandler, ...readProviders, ...scaleProviders],
})
export class PlanningModule {}
