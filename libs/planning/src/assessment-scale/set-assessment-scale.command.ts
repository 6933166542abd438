import { DepartmentCommand } from '@app/platform/commands';
import type { AssessmentGrade } from '../plan/plan-vocabulary';

export interface AssessmentScaleInput {
  grades: AssessmentGrade[];
}

/** Sets the caller's department's assessment scale, as a whole. */
export class SetAssessmentScaleCommand extends DepartmentCommand<AssessmentScaleInput> {}
