import { Query } from '@nestjs/cqrs';
import type { AssessmentGrade } from '../plan/plan-vocabulary';

/** The scale a department's plans are closed on: its own, or the default one (`isDefault`) while it has set none. */
export interface AssessmentScaleAnswer {
  department: string;
  isDefault: boolean;
  /** In the scale's order, each a code and its uk/ru/en words. */
  grades: AssessmentGrade[];
}

/**
 * The department's assessment scale (docs/planning.md, "The assessment scale"). Read from the
 * department's assessment-scale stream, so it is always the current setting; it reads no read
 * model (hence no `consistentWith`).
 */
export class GetAssessmentScaleQuery extends Query<AssessmentScaleAnswer> {
  static readonly reads = [];
  constructor(readonly department: string) {
    super();
  }
}
