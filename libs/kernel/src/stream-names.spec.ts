import { STREAM_CATEGORIES, StreamCategory, StreamCategoryRule, legacyStreamName, streamCategory, streamName } from './stream-names';

const categories = Object.keys(STREAM_CATEGORIES) as StreamCategory[];

describe('stream names', () => {
  it('gives every category one word without a dash, so that the first dash ends it', () => {
    for (const category of categories) expect({ category, word: /^[A-Z][A-Za-z0-9]*$/.test(category) }).toEqual({ category, word: true });
  });

  it('never lets the names of one category begin with another category and its dash', () => {
    for (const a of categories) {
      for (const b of categories) {
        if (a === b) continue;
        // Ids that would reach into the other category if a dash could (`code-…` behind `Institution-`).
        for (const id of [`${b}-x`, b.toLowerCase(), 'code-1', 'calendar-bakhmut', 'bootstrap-admin']) {
          expect({ name: streamName(a, id), startsWithOther: streamName(a, id).startsWith(`${b}-`) }).toEqual({ name: streamName(a, id), startsWithOther: false });
        }
      }
    }
  });

  it('tells a name of today its category from the word before the first dash', () => {
    for (const category of categories) expect(streamCategory(streamName(category, 'bakhmut-educational-district'))).toBe(category);
    expect(streamCategory('contract_x-1')).toBeUndefined();
  });

  it('had old names whose categories were prefixes of one another', () => {
    // What the old names were: a prefix read of `institution-` (or EventStoreDB's $ce-institution)
    // mixed institutions with code claims; `department-calendar-bakhmut` was also the stream of a
    // department named `calendar-bakhmut`.
    const legacy = categories.flatMap((c) => (STREAM_CATEGORIES as Record<string, StreamCategoryRule>)[c].legacy ?? []);
    const overlapping = legacy.flatMap((a) => legacy.filter((b) => a !== b && b.startsWith(a)).map((b) => `${a} < ${b}`));
    expect(overlapping.sort()).toEqual(['api-key- < api-key-bootstrap-', 'department- < department-calendar-', 'institution- < institution-code-']);
    expect(legacyStreamName(streamName('Department', 'calendar-bakhmut'))!.name).toBe(legacyStreamName(streamName('DepartmentCalendar', 'bakhmut'))!.name);
  });

  it('maps each name of today to its old name, with the first event that tells an ambiguous one apart', () => {
    expect(legacyStreamName('Institution-0190a1b2-0000-7000-8000-000000000001')).toEqual({ name: 'institution-0190a1b2-0000-7000-8000-000000000001' });
    expect(legacyStreamName('ExternalCode-ab12')).toEqual({ name: 'institution-code-ab12' });
    expect(legacyStreamName('NetworkMap-bakhmut-other')).toEqual({ name: 'network-map-bakhmut-other' });
    expect(legacyStreamName('BootstrapKey-admin')).toEqual({ name: 'api-key-bootstrap-admin' });
    expect(legacyStreamName('DepartmentCalendar-bakhmut')).toEqual({ name: 'department-calendar-bakhmut', firstEvent: 'AcademicYearStartSet' });
    expect(legacyStreamName('Department-calendar-bakhmut')).toEqual({ name: 'department-calendar-bakhmut', firstEvent: 'DepartmentCreated' });
    expect(legacyStreamName('institution-1')).toBeUndefined();
    expect(legacyStreamName('Unknown-1')).toBeUndefined();
  });

  it('tells the category of an old name by its longest old prefix, and an ambiguous one by its event', () => {
    expect(streamCategory('institution-0190a1b2-0000-7000-8000-000000000001')).toBe('Institution');
    expect(streamCategory('institution-code-ab12')).toBe('ExternalCode');
    expect(streamCategory('api-key-bootstrap-admin')).toBe('BootstrapKey');
    expect(streamCategory('api-key-0190a1b2')).toBe('ApiKey');
    expect(streamCategory('network-map-bakhmut-other')).toBe('NetworkMap');
    expect(streamCategory('department-calendar-bakhmut', 'AcademicYearStartSet')).toBe('DepartmentCalendar');
    expect(streamCategory('department-calendar-bakhmut', 'DepartmentCreated')).toBe('Department');
    expect(streamCategory('department-bakhmut', 'DepartmentCreated')).toBe('Department');
  });

  it('gives the categories made after the change no old names: their streams have only ever had one', () => {
    const newer = categories.filter((c) => (STREAM_CATEGORIES as Record<string, StreamCategoryRule>)[c].legacy === undefined);
    expect(newer).toEqual(['Event', 'EventSeries', 'Plan', 'AssessmentScale', 'Report', 'ReportTemplate', 'ReportBatch', 'ReportSchedule', 'ReportLanguage', 'ApiKeyIssue']);
    expect(legacyStreamName('Event-0190a1b2-0000-7000-8000-000000000001')).toBeUndefined();
    expect(legacyStreamName('ApiKeyIssue-0190a1b2')).toBeUndefined();
    expect(legacyStreamName('EventSeries-0190a1b2')).toBeUndefined();
    expect(streamCategory('Event-0190a1b2-0000-7000-8000-000000000001')).toBe('Event');
    expect(streamCategory('EventSeries-0190a1b2')).toBe('EventSeries');
    expect(legacyStreamName('Plan-0190a1b2')).toBeUndefined();
    expect(streamCategory('Plan-0190a1b2')).toBe('Plan');
    expect(legacyStreamName('AssessmentScale-bakhmut')).toBeUndefined();
    expect(streamCategory('AssessmentScale-bakhmut')).toBe('AssessmentScale');
    expect(legacyStreamName('Report-0190a1b2')).toBeUndefined();
    expect(streamCategory('Report-0190a1b2')).toBe('Report');
    // Not an API key's stream, though the words begin alike: the category ends at the first dash.
    expect(streamCategory('ApiKeyIssue-0190a1b2')).toBe('ApiKeyIssue');
    // Written as an old name would be, it is no stream of theirs.
    expect(streamCategory('event-0190a1b2')).toBeUndefined();
    expect(streamCategory('event-series-0190a1b2')).toBeUndefined();
    expect(streamCategory('plan-0190a1b2')).toBeUndefined();
  });

  it('refuses an empty id', () => {
    expect(() => streamName('Institution', '')).toThrow(RangeError);
  });
});
