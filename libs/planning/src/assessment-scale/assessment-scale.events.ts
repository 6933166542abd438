import { EventContracts, streamName } from '@app/kernel';
import type { AssessmentGrade } from '../plan/plan-vocabulary';

// A grade and the default scale are the plan's vocabulary; its decider reads them through this file.
export { DEFAULT_ASSESSMENT_SCALE } from '../plan/plan-vocabulary';
export type { AssessmentGrade } from '../plan/plan-vocabulary';

/** Stream of a department's assessment scale (`AssessmentScale-<department>`): one event per change, each the whole scale. */
export const assessmentScaleStream = (department: string): string => streamName('AssessmentScale', department);

/**
 * The grades a department assesses a year's work on, in its order (best first, as the analyses
 * list them), each a stable code and its uk/ru/en words; `previous` the scale it replaced, null
 * while the department had none of its own (the default, `DEFAULT_ASSESSMENT_SCALE`, was in force).
 * It applies to closings and corrections from then on: a closing keeps the words it recorded.
 */
export type AssessmentScaleSet = {
  type: 'AssessmentScaleSet';
  data: { department: string; grades: AssessmentGrade[]; previous: AssessmentGrade[] | null };
};

/** Every event of a department's assessment-scale stream. */
export type AssessmentScaleEvent = AssessmentScaleSet;

const words = (grades: readonly AssessmentGrade[], language: 'uk' | 'ru' | 'en'): string => grades.map((g) => g.label[language]).join(', ');

/** What the platform knows of each assessment-scale event. */
export const assessmentScaleEvents: EventContracts<AssessmentScaleEvent> = {
  AssessmentScaleSet: {
    // Closings from now on are assessed on it; a past closing keeps the grade and words it recorded.
    effectiveOn: () => null,
    concerns: (d) => [{ kind: 'department', id: d.department }],
    describe: (d) => ({
      uk: `Встановлено шкалу оцінювання: ${words(d.grades, 'uk')}`,
      ru: `Установлена шкала оценки: ${words(d.grades, 'ru')}`,
      en: `Assessment scale set: ${words(d.grades, 'en')}`,
    }),
  },
};
