/**
 * Stream names: `<Category>-<id>`. A category is one PascalCase word (letters and digits, never
 * a `-`), so the first `-` of a name ends its category: a stream of one category never begins
 * with another category's `<Category>-`, and EventStoreDB's `$ce-<Category>` (which splits at
 * the first `-`) holds exactly the streams of that category.
 *
 * Before this table, names were lower case with dashes inside the category (`institution-code-…`
 * began with `institution-`, `department-calendar-x` was also the stream of a department named
 * `calendar-x`). Streams recorded then keep those names: `legacy` is how each category's names
 * were written, so the event store can still find them (`LegacyStreamNames` in the event store
 * library), and category readers can tell them apart (`streamCategory`). A legacy name begins
 * with a lower-case letter and a new one with a capital, so the two never meet.
 *
 * A category made after that has no old names (`legacy` is left out): its streams were only
 * ever written under `<Category>-<id>`.
 *
 * One row per kind of stream of every module; the table in docs/event-store.md mirrors it.
 */
export const STREAM_CATEGORIES = {
  /** One institution: registration, renames, corrections, closing (networks). */
  Institution: { legacy: 'institution-' },
  /** One external code of a department, by hash: its claims and releases (networks). */
  ExternalCode: { legacy: 'institution-code-' },
  /** A department's networks of one kind, `<department>-<kind>` (networks). */
  NetworkMap: { legacy: 'network-map-' },
  /** The academic-year start of a department (networks). */
  DepartmentCalendar: { legacy: 'department-calendar-', legacyFirstEvent: 'AcademicYearStartSet' },
  /** That a person's personal data was erased (networks). */
  Person: { legacy: 'person-' },
  /** A department's creation and the withdrawals of its admin keys (identity). */
  Department: { legacy: 'department-', legacyFirstEvent: 'DepartmentCreated' },
  /** One API key, by its id (identity). */
  ApiKey: { legacy: 'api-key-' },
  /** The installation's first admin key, `BootstrapKey-admin`: its existence says that key was made (identity). */
  BootstrapKey: { legacy: 'api-key-bootstrap-' },
  /** One event a network holds (a seminar, a council meeting): planned, held, postponed, cancelled (events). */
  Event: {},
  /** One recurring event of a network (the yearly open-door day): its name, kind and networks (events). */
  EventSeries: {},
  /** One network's plan for one period (`Plan-<plan id>`, the id derived from department, network and period): drafted, approved, amended, closed (planning). */
  Plan: {},
  /** A department's assessment scale (`AssessmentScale-<department>`): the grades a year's closing is assessed on, each change the whole scale (planning). */
  AssessmentScale: {},
  /** One report a department asked for (`Report-<report id>`): requested, its generation's attempts and progress, generated with its artifact or failed (reporting). */
  Report: {},
  /** A department's own DOCX templates of one kind of report (`ReportTemplate-<department>-<kind>`): each version uploaded, each withdrawal (reporting). */
  ReportTemplate: {},
  /** One batch of reports a department asked for (`ReportBatch-<batch id>`): every network's annual analysis for a period, the networks it covers and those it skips (reporting). */
  ReportBatch: {},
  /** One report schedule of a department (`ReportSchedule-<schedule id>`): set, changed, removed (reporting). */
  ReportSchedule: {},
  /** A department's report language (`ReportLanguage-<department>`): what its reports are written in when a request names none, each change the language (reporting). */
  ReportLanguage: {},
  /**
   * One issue of a key under an Idempotency-Key, by a UUID derived from the department and the
   * key: which key that request issued, so that a repeat issues none (identity).
   */
  ApiKeyIssue: {},
} as const satisfies Record<string, StreamCategoryRule>;

export interface StreamCategoryRule {
  /**
   * What a name of the category began with before categories were distinct: old streams keep it.
   * Absent for a category made after the change, which has no old names.
   */
  readonly legacy?: string;
  /**
   * Where an old name can also be another category's (`department-calendar-x`: the calendar of
   * `x`, or the department `calendar-x`), the type of the first event that marks it as this one's.
   */
  readonly legacyFirstEvent?: string;
}

export type StreamCategory = keyof typeof STREAM_CATEGORIES;

const CATEGORY = /^[A-Z][A-Za-z0-9]*$/;

/** The name of a stream of the category: `<Category>-<id>`. */
export const streamName = (category: StreamCategory, id: string): string => {
  if (!(category in STREAM_CATEGORIES) || !CATEGORY.test(category)) throw new RangeError(`not a stream category: ${category}`);
  if (id.length === 0) throw new RangeError(`a ${category} stream needs an id`);
  return `${category}-${id}`;
};

const rules = (): [StreamCategory, StreamCategoryRule][] => Object.entries(STREAM_CATEGORIES) as [StreamCategory, StreamCategoryRule][];

/** The old name of a stream that `streamName` names now, with what tells it apart; undefined when there is none. */
export const legacyStreamName = (streamId: string): { name: string; firstEvent?: string } | undefined => {
  const dash = streamId.indexOf('-');
  if (dash <= 0 || dash === streamId.length - 1) return undefined;
  const rule = (STREAM_CATEGORIES as Record<string, StreamCategoryRule>)[streamId.slice(0, dash)];
  if (rule?.legacy === undefined) return undefined;
  const name = `${rule.legacy}${streamId.slice(dash + 1)}`;
  return rule.legacyFirstEvent ? { name, firstEvent: rule.legacyFirstEvent } : { name };
};

/**
 * The category of a stream: for a name of today, the word before the first `-`; for an old
 * name, the category whose old form it has (the longest that fits, and where a name fits two,
 * the one whose first event `eventType` is). Undefined for a name of neither form.
 */
export const streamCategory = (streamId: string, eventType?: string): StreamCategory | undefined => {
  const dash = streamId.indexOf('-');
  const head = dash > 0 ? streamId.slice(0, dash) : '';
  if (head in STREAM_CATEGORIES) return head as StreamCategory;
  const fitting = rules()
    .flatMap(([category, rule]): [StreamCategory, StreamCategoryRule & { legacy: string }][] =>
      rule.legacy !== undefined && streamId.startsWith(rule.legacy) && streamId.length > rule.legacy.length ? [[category, { ...rule, legacy: rule.legacy }]] : [],
    )
    .sort(([, a], [, b]) => b.legacy.length - a.legacy.length);
  const told = fitting.find(([, rule]) => !rule.legacyFirstEvent || eventType === undefined || rule.legacyFirstEvent === eventType);
  return told?.[0];
};
