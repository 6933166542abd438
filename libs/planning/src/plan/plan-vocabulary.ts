import { LocalText } from '@app/kernel';

/*
 * The closed lists a plan is written with, each with the words the department writes
 * (Ukrainian, Russian) and English. A planned event's kind, audience and date are the events
 * module's own (`EventKind`, `AudienceCategory`, `When`), so that an item and the event that
 * realises it are described alike.
 */

/** Where a plan is in its life: drafted and edited freely, approved (then only amended), closed (then only corrected). */
export const PLAN_STATUSES = ['draft', 'approved', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, LocalText>> = {
  draft: { uk: 'проєкт', ru: 'проект', en: 'draft' },
  approved: { uk: 'затверджено', ru: 'утверждён', en: 'approved' },
  closed: { uk: 'підсумки підбито', ru: 'подведены итоги', en: 'closed' },
};

/** How a task of the year was done, as the year's analysis says it. */
export const TASK_RESULTS = ['done', 'partly-done', 'not-done'] as const;
export type TaskResult = (typeof TASK_RESULTS)[number];

export const TASK_RESULT_LABELS: Readonly<Record<TaskResult, LocalText>> = {
  done: { uk: 'виконано повністю', ru: 'выполнена полностью', en: 'done fully' },
  'partly-done': { uk: 'виконано частково', ru: 'выполнена частично', en: 'done partly' },
  'not-done': { uk: 'не виконано', ru: 'не выполнена', en: 'not done' },
};

/**
 * What became of a planned event when the year is closed: held (by the events that realised it),
 * cancelled (with the reason), or carried over to next year's plan.
 */
export const ITEM_RESOLUTIONS = ['held', 'cancelled', 'carried-over'] as const;
export type ItemResolutionKind = (typeof ITEM_RESOLUTIONS)[number];

export const ITEM_RESOLUTION_LABELS: Readonly<Record<ItemResolutionKind, LocalText>> = {
  held: { uk: 'проведено', ru: 'проведено', en: 'held' },
  cancelled: { uk: 'скасовано', ru: 'отменено', en: 'cancelled' },
  'carried-over': { uk: 'перенесено на наступний рік', ru: 'перенесено на следующий год', en: 'carried over to next year' },
};

/** One grade of an assessment scale: a stable code and its words. */
export interface AssessmentGrade {
  grade: string;
  label: LocalText;
}

/**
 * The scale a year's work is assessed on unless the department sets its own: the levels the
 * analyses use ("відповідає достатньому рівню", "работу округа можно считать удовлетворительной").
 * The assessment is chosen by a person, never computed. A department's own scale (its codes and
 * words) comes to the decider in the facts; the closing records the grade's words as they were,
 * so a later change of the scale does not rewrite past years.
 */
export const DEFAULT_ASSESSMENT_SCALE: readonly AssessmentGrade[] = [
  { grade: 'high', label: { uk: 'високий рівень', ru: 'высокий уровень', en: 'high' } },
  { grade: 'sufficient', label: { uk: 'достатній рівень', ru: 'достаточный уровень', en: 'sufficient' } },
  { grade: 'satisfactory', label: { uk: 'задовільно', ru: 'удовлетворительно', en: 'satisfactory' } },
  { grade: 'unsatisfactory', label: { uk: 'незадовільно', ru: 'неудовлетворительно', en: 'unsatisfactory' } },
];
