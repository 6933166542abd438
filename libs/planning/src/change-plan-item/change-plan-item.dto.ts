import { PlanItemFieldsDto } from '../plan-writer/plan-input.dto';
import type { ChangePlanItemInput } from './change-plan-item.command';

/** The fields given replace the planned event's. */
export class ChangePlanItemDto extends PlanItemFieldsDto implements ChangePlanItemInput {}
