import { PlanContentDto } from '../plan-writer/plan-input.dto';
import type { EditPlanContentInput } from './edit-plan-content.command';

/** Any of the plan's text fields; a list given replaces the plan's (tasks, projects, agreements keep their ids when given them). */
export class EditPlanContentDto extends PlanContentDto implements EditPlanContentInput {}
