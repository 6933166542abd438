import type { ReportingPeriod } from '@app/kernel';
import { DepartmentCommand } from '@app/platform/commands';

export interface DraftPlanInput {
  networkId: string;
  period: ReportingPeriod;
  /** Last year's closed plan this draft starts from (its next-year goal and tasks, its carried-over items). */
  continuesPlanId?: string | null;
}

export class DraftPlanCommand extends DepartmentCommand<DraftPlanInput> {}
