import { InvalidInput, RuleViolated, describeEvent, fold, idsConcerned } from '@app/kernel';
import { DeciderSpecification } from '@app/testing/decider-specification';
import { DEFAULT_ASSESSMENT_SCALE } from '../plan/plan-vocabulary';
import { AssessmentScaleSet, SetAssessmentScale, assessmentScaleDecider, assessmentScaleEvents, assessmentScaleStream, gradesInForce } from './assessment-scale.decider';

const spec = DeciderSpecification.for(assessmentScaleDecider);
const code = (expected: string) => (error: Error) => expect((error as RuleViolated).code).toBe(expected);
const fields = (...expected: string[]) => (error: Error) => expect((error as InvalidInput).errors.map((e) => e.field)).toEqual(expected);

/** Bakhmut's analyses speak of levels, the last "needs improvement" ("достатній рівень, потребує удосконалення"). */
const BAKHMUT_SCALE = [
  { grade: 'high', label: { uk: 'високий рівень', ru: 'высокий уровень', en: 'high' } },
  { grade: 'sufficient', label: { uk: 'достатній рівень', ru: 'достаточный уровень', en: 'sufficient' } },
  { grade: 'needs-improvement', label: { uk: 'потребує удосконалення', ru: 'требует совершенствования', en: 'needs improvement' } },
];
const set = (grades: unknown, department = 'bakhmut'): SetAssessmentScale => ({ type: 'SetAssessmentScale', data: { department, grades: grades as SetAssessmentScale['data']['grades'] } });
const scaleSet = (grades = BAKHMUT_SCALE, previous: AssessmentScaleSet['data']['previous'] = null): AssessmentScaleSet => ({ type: 'AssessmentScaleSet', data: { department: 'bakhmut', grades, previous } });

describe('a department’s assessment scale', () => {
  it('is the default one until the department sets its own', () => {
    expect(gradesInForce(fold(assessmentScaleDecider, []))).toBe(DEFAULT_ASSESSMENT_SCALE);
    expect(gradesInForce(fold(assessmentScaleDecider, [scaleSet()]))).toEqual(BAKHMUT_SCALE);
  });

  it('is set as a whole: its grades in order, each a code and its uk/ru/en words, with the scale it replaced', () => {
    spec.given([]).when(set(BAKHMUT_SCALE)).then([scaleSet()]);
    const two = BAKHMUT_SCALE.slice(0, 2);
    spec.given([scaleSet()]).when(set(two)).then([scaleSet(two, BAKHMUT_SCALE)]);
    // The same grades in another order are another scale.
    spec.given([scaleSet()]).when(set([...BAKHMUT_SCALE].reverse())).then([scaleSet([...BAKHMUT_SCALE].reverse(), BAKHMUT_SCALE)]);
  });

  it('keeps the words trimmed', () => {
    const padded = [{ grade: 'high', label: { uk: '  високий рівень ', ru: 'высокий уровень\n', en: ' high' } }];
    spec.given([]).when(set(padded)).then([scaleSet([BAKHMUT_SCALE[0]])]);
  });

  it('refuses setting the scale it already is (422 nothing-to-change), also written with other spaces', () => {
    spec.given([scaleSet()]).when(set(BAKHMUT_SCALE)).thenThrows(RuleViolated, code('nothing-to-change'));
    spec.given([scaleSet()]).when(set(BAKHMUT_SCALE.map((g) => ({ ...g, label: { ...g.label, en: ` ${g.label.en} ` } })))).thenThrows(RuleViolated, code('nothing-to-change'));
  });

  it('needs at least one grade, and at most 20', () => {
    spec.given([]).when(set([])).thenThrows(InvalidInput, fields('grades'));
    spec.given([]).when(set(undefined)).thenThrows(InvalidInput, fields('grades'));
    const many = Array.from({ length: 21 }, (_, i) => ({ grade: `level-${i}`, label: { uk: `рівень ${i}`, ru: `уровень ${i}`, en: `level ${i}` } }));
    spec.given([]).when(set(many)).thenThrows(InvalidInput, fields('grades'));
  });

  it('needs each grade’s code of a slug form, and its own', () => {
    const withCode = (grade: unknown) => [BAKHMUT_SCALE[0], { ...BAKHMUT_SCALE[1], grade }];
    for (const bad of ['', 'Sufficient', 'достатній', 'needs improvement', '-high', 'high-', 'a--b', 'x'.repeat(51), 7, null]) {
      spec.given([]).when(set(withCode(bad))).thenThrows(InvalidInput, fields('grades.1.grade'));
    }
    spec.given([]).when(set(withCode('high'))).thenThrows(InvalidInput, fields('grades.1.grade'));
    spec.given([]).when(set(withCode('level-2'))).then([scaleSet(withCode('level-2') as typeof BAKHMUT_SCALE)]);
  });

  it('needs every grade’s words in Ukrainian, Russian and English, none blank', () => {
    spec.given([]).when(set([{ grade: 'high', label: { uk: 'високий рівень', ru: '  ' } }])).thenThrows(InvalidInput, fields('grades.0.label.ru', 'grades.0.label.en'));
    spec.given([]).when(set([{ grade: 'high' }, { grade: 'low', label: { uk: 'низький', ru: 'низкий', en: 'x'.repeat(201) } }])).thenThrows(
      InvalidInput,
      fields('grades.0.label.uk', 'grades.0.label.ru', 'grades.0.label.en', 'grades.1.label.en'),
    );
    spec.given([]).when(set([null])).thenThrows(InvalidInput, fields('grades.0.grade', 'grades.0.label.uk', 'grades.0.label.ru', 'grades.0.label.en'));
  });

  it('is recorded on the department’s own stream, concerns the department and is described in uk/ru/en', () => {
    expect(assessmentScaleStream('bakhmut')).toBe('AssessmentScale-bakhmut');
    const [event] = assessmentScaleDecider.decide(set(BAKHMUT_SCALE), fold(assessmentScaleDecider, []));
    expect(idsConcerned(assessmentScaleEvents, event, 'department')).toEqual(['bakhmut']);
    expect(describeEvent(assessmentScaleEvents, event)).toEqual({
      uk: 'Встановлено шкалу оцінювання: високий рівень, достатній рівень, потребує удосконалення',
      ru: 'Установлена шкала оценки: высокий уровень, достаточный уровень, требует совершенствования',
      en: 'Assessment scale set: high, sufficient, needs improvement',
    });
  });
});
