import { Decider, FieldError, InvalidInput, NotFound, REPORTING_PERIOD_KINDS, RuleViolated, assertNever } from '@app/kernel';
import { DEFAULT_REPORT_FORMAT, REPORT_LANGUAGES, ReportLanguage, cronProblem, isTimeZone, languageNotSet } from './schedule-rules';
import { ReportScheduleEvent, ReportScheduleSpec, SCHEDULED_REPORTS, SCHEDULE_FORMATS } from './report-schedule.events';

export * from './report-schedule.events';

/** The most a schedule's name holds. */
export const MAX_SCHEDULE_NAME = 200;

/**
 * Make a schedule (`create`: its id new) or change one as a whole. `given` is the body as it
 * came: the decider checks it field by field and gives it its one form. `departmentLanguage`:
 * the department's report language (null or left out: none), which a schedule of no language
 * needs, as each of its runs is written in it.
 */
export type SetReportSchedule = {
  type: 'SetReportSchedule';
  data: { scheduleId: string; department: string; create: boolean; given: unknown; departmentLanguage?: ReportLanguage | null };
};
export type RemoveReportSchedule = { type: 'RemoveReportSchedule'; data: { scheduleId: string; department: string } };
export type ReportScheduleCommand = SetReportSchedule | RemoveReportSchedule;

export type ReportScheduleState =
  | { status: 'none' }
  | ({ status: 'set' | 'removed'; scheduleId: string; department: string } & ReportScheduleSpec);

/**
 * The schedule given, checked field by field (`cron`, `timeZone`, `report`, `periodKind`,
 * `language`, `format`, `name`), in its one form (texts trimmed, the cron's fields one space
 * apart, DOCX when no format is given, no language (null) when none is given: each run is
 * written in the department's then, so the department must have one). Throws
 * {@link InvalidInput} with every problem.
 */
export const cleanSchedule = (given: unknown, departmentLanguage: ReportLanguage | null = null): ReportScheduleSpec => {
  const body = (given && typeof given === 'object' ? given : {}) as Record<string, unknown>;
  const problems: FieldError[] = [];
  const bad = (field: string, message: string) => problems.push({ field, messages: [message] });
  const allowed = new Set(['name', 'cron', 'timeZone', 'report', 'periodKind', 'language', 'format']);
  for (const field of Object.keys(body)) if (!allowed.has(field)) bad(field, `${field} is not a field of a schedule`);

  const name = body.name === undefined || body.name === null ? null : body.name;
  if (name !== null && (typeof name !== 'string' || !name.trim() || name.trim().length > MAX_SCHEDULE_NAME)) {
    bad('name', `name must be a text of 1 to ${MAX_SCHEDULE_NAME} characters, or left out`);
  }
  const cron = typeof body.cron === 'string' ? body.cron.trim().split(/\s+/).join(' ') : '';
  const cronWhy = typeof body.cron === 'string' ? cronProblem(cron) : 'cron must be a cron expression, like 0 6 25 10 * (every 25 October at 06:00)';
  if (cronWhy) bad('cron', cronWhy);
  const timeZone = typeof body.timeZone === 'string' ? body.timeZone.trim() : '';
  if (!isTimeZone(timeZone)) bad('timeZone', 'timeZone must be an IANA time zone, like Europe/Kyiv');
  if (!SCHEDULED_REPORTS.includes(body.report as never)) bad('report', `report must be one of ${SCHEDULED_REPORTS.join(', ')}`);
  if (!REPORTING_PERIOD_KINDS.includes(body.periodKind as never)) bad('periodKind', `periodKind must be one of ${REPORTING_PERIOD_KINDS.join(', ')}`);
  const language = body.language ?? null;
  if (language === null && departmentLanguage === null) problems.push(languageNotSet('language'));
  else if (language !== null && !REPORT_LANGUAGES.includes(language as never)) bad('language', `language must be one of ${REPORT_LANGUAGES.join(', ')}`);
  const format = body.format ?? DEFAULT_REPORT_FORMAT;
  if (!SCHEDULE_FORMATS.includes(format as never)) bad('format', `format must be one of ${SCHEDULE_FORMATS.join(', ')}`);
  if (problems.length) throw new InvalidInput('the schedule is invalid', problems);
  return {
    name: typeof name === 'string' ? name.trim() : null,
    cron,
    timeZone,
    report: body.report as ReportScheduleSpec['report'],
    periodKind: body.periodKind as ReportScheduleSpec['periodKind'],
    language: language as ReportScheduleSpec['language'],
    format: format as ReportScheduleSpec['format'],
  };
};

const SPEC_FIELDS = ['name', 'cron', 'timeZone', 'report', 'periodKind', 'language', 'format'] as const;
export const specOf = (state: ReportScheduleSpec): ReportScheduleSpec =>
  Object.fromEntries(SPEC_FIELDS.map((field) => [field, state[field]])) as unknown as ReportScheduleSpec;
const sameSpec = (a: ReportScheduleSpec, b: ReportScheduleSpec): boolean => SPEC_FIELDS.every((field) => a[field] === b[field]);

/** The schedule of the department, or 404: none, removed, or another department's (which reads the same). */
const existing = (state: ReportScheduleState, scheduleId: string, department: string) => {
  if (state.status !== 'set' || state.department !== department) throw new NotFound('report schedule', scheduleId);
  return state;
};

export const reportScheduleDecider: Decider<ReportScheduleState, ReportScheduleCommand, ReportScheduleEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReportScheduleSet': {
        const { scheduleId, department } = event.data;
        return { status: 'set', scheduleId, department, ...specOf(event.data) };
      }
      case 'ReportScheduleRemoved':
        return state.status === 'none' ? state : { ...state, status: 'removed' };
      default:
        return assertNever(event);
    }
  },
  decide: (command, state) => {
    const { scheduleId, department } = command.data;
    switch (command.type) {
      case 'SetReportSchedule': {
        const spec = cleanSchedule(command.data.given, command.data.departmentLanguage ?? null);
        if (command.data.create) {
          // A new id every time (or one derived from an Idempotency-Key, whose repeat is answered before this).
          if (state.status !== 'none') throw new RuleViolated('schedule-exists', `report schedule ${scheduleId} exists already`);
          return [{ type: 'ReportScheduleSet', data: { scheduleId, department, ...spec, previous: null } }];
        }
        const current = existing(state, scheduleId, department);
        if (sameSpec(current, spec)) throw new RuleViolated('nothing-to-change', 'the schedule already is this one');
        return [{ type: 'ReportScheduleSet', data: { scheduleId, department, ...spec, previous: specOf(current) } }];
      }
      case 'RemoveReportSchedule':
        existing(state, scheduleId, department);
        return [{ type: 'ReportScheduleRemoved', data: { scheduleId, department } }];
      default:
        return assertNever(command);
    }
  },
};
