import { Decider, FieldError, InvalidInput, RuleViolated, assertNever } from '@app/kernel';
import { AssessmentGrade, AssessmentScaleEvent, DEFAULT_ASSESSMENT_SCALE } from './assessment-scale.events';

export * from './assessment-scale.events';

/*
 * A department's assessment scale: the grades a plan's closing is assessed on
 * (docs/planning.md, "The assessment scale"). One small aggregate per department, its stream
 * `AssessmentScale-<department>`; each change records the whole scale, so the last event is the
 * scale. Until a department sets one, `DEFAULT_ASSESSMENT_SCALE` is in force.
 */

/** The department's scale as given: its grades, in order, each a code and its uk/ru/en words. */
export type SetAssessmentScale = { type: 'SetAssessmentScale'; data: { department: string; grades: AssessmentGrade[] } };

/** The scale the department set; null while it has none of its own. */
export type AssessmentScaleState = { grades: AssessmentGrade[] | null };

/** A grade's code: lower-case letters and digits in words joined by dashes (`sufficient`, `needs-improvement`, `level-2`). */
export const GRADE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_GRADES = 20;
export const MAX_GRADE_CODE = 50;
export const MAX_GRADE_LABEL = 200;
const LANGUAGES = ['uk', 'ru', 'en'] as const;

/** The grades in force: the department's own, else the default. */
export const gradesInForce = (state: AssessmentScaleState): readonly AssessmentGrade[] => state.grades ?? DEFAULT_ASSESSMENT_SCALE;

/** The grades given, checked field by field (`grades.1.grade`, `grades.0.label.uk`) and in their one written form (words trimmed). */
const cleanGrades = (given: unknown): AssessmentGrade[] => {
  const problems: FieldError[] = [];
  const bad = (field: string, message: string) => problems.push({ field, messages: [message] });
  if (!Array.isArray(given) || given.length === 0) {
    bad('grades', 'grades must be a list of at least one grade { grade, label: { uk, ru, en } }');
    throw new InvalidInput('the assessment scale is invalid', problems);
  }
  if (given.length > MAX_GRADES) bad('grades', `a scale has at most ${MAX_GRADES} grades`);
  const seen = new Set<string>();
  const grades = given.map((g: Partial<AssessmentGrade> | null, i): AssessmentGrade => {
    const at = `grades.${i}`;
    const code = g?.grade;
    if (typeof code !== 'string' || !GRADE_CODE.test(code) || code.length > MAX_GRADE_CODE) {
      bad(`${at}.grade`, `grade must be a code of lower-case letters and digits joined by dashes (sufficient, needs-improvement), at most ${MAX_GRADE_CODE} characters`);
    } else if (seen.has(code)) {
      bad(`${at}.grade`, `grade ${code} is on the scale twice; each grade's code is its own`);
    } else seen.add(code);
    const label = {} as AssessmentGrade['label'];
    for (const language of LANGUAGES) {
      const text: unknown = g?.label?.[language];
      if (typeof text !== 'string' || !text.trim()) bad(`${at}.label.${language}`, `label.${language} must be a text that is not empty or only whitespace`);
      else if (text.trim().length > MAX_GRADE_LABEL) bad(`${at}.label.${language}`, `label.${language} must be at most ${MAX_GRADE_LABEL} characters`);
      label[language] = typeof text === 'string' ? text.trim() : '';
    }
    return { grade: typeof code === 'string' ? code : '', label };
  });
  if (problems.length) throw new InvalidInput('the assessment scale is invalid', problems);
  return grades;
};

const sameScale = (a: readonly AssessmentGrade[], b: readonly AssessmentGrade[]): boolean =>
  a.length === b.length && a.every((g, i) => g.grade === b[i].grade && LANGUAGES.every((l) => g.label[l] === b[i].label[l]));

export const assessmentScaleDecider: Decider<AssessmentScaleState, SetAssessmentScale, AssessmentScaleEvent> = {
  initialState: () => ({ grades: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'AssessmentScaleSet':
        return { grades: event.data.grades };
      default:
        return assertNever(event.type);
    }
  },
  decide: (command, state) => {
    const grades = cleanGrades(command.data.grades);
    if (state.grades && sameScale(state.grades, grades)) throw new RuleViolated('nothing-to-change', 'the department’s assessment scale already is this one');
    return [{ type: 'AssessmentScaleSet', data: { department: command.data.department, grades, previous: state.grades } }];
  },
};
