import { NewPlanItemDto } from '../plan-writer/plan-input.dto';
import type { AddPlanItemInput } from './add-plan-item.command';

export class AddPlanItemDto extends NewPlanItemDto implements AddPlanItemInput {}
