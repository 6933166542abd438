import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STREAM_CATEGORIES, StreamCategory, legacyStreamName, newId, streamCategory } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store';
import { BOOTSTRAP_STREAM, apiKeyIssueStream, apiKeyStream, departmentStream } from '@app/identity';
import { departmentCalendarStream, institutionStream, networkMapStream } from '@app/networks';
// The claim streams are the networks module's own mechanism, not part of what it publishes.
import { externalCodeClaimStream } from '@app/networks/institution/external-code-claim';
import { personStream } from '@app/personal-data';
import { eventSeriesStream, eventStream } from '@app/events';
import { assessmentScaleStream, planStream } from '@app/planning';
import { reportBatchStream, reportLanguageStream, reportScheduleStream, reportStream, reportTemplateStream } from '@app/reporting';

/**
 * Every stream-name helper of every module, one stream of each kind (including the pair the old
 * names made one stream: the calendar of `bakhmut` and a department named `calendar-bakhmut`).
 */
const streams: { kind: StreamCategory; streamId: string; type: string }[] = [
  { kind: 'Institution', streamId: institutionStream(newId()), type: 'InstitutionRegistered' },
  { kind: 'ExternalCode', streamId: externalCodeClaimStream('bakhmut', 'UA-11'), type: 'ExternalCodeClaimed' },
  { kind: 'NetworkMap', streamId: networkMapStream('bakhmut', 'educational-district'), type: 'NetworkRegistered' },
  { kind: 'DepartmentCalendar', streamId: departmentCalendarStream('bakhmut'), type: 'AcademicYearStartSet' },
  { kind: 'Person', streamId: personStream(newId()), type: 'PersonalDataErased' },
  { kind: 'Department', streamId: departmentStream('calendar-bakhmut'), type: 'DepartmentCreated' },
  { kind: 'ApiKey', streamId: apiKeyStream(newId()), type: 'ApiKeyIssued' },
  { kind: 'BootstrapKey', streamId: BOOTSTRAP_STREAM, type: 'ApiKeyIssued' },
  { kind: 'Event', streamId: eventStream(newId()), type: 'EventPlanned' },
  { kind: 'EventSeries', streamId: eventSeriesStream(newId()), type: 'EventSeriesEstablished' },
  { kind: 'Plan', streamId: planStream(newId()), type: 'PlanDrafted' },
  { kind: 'AssessmentScale', streamId: assessmentScaleStream('bakhmut'), type: 'AssessmentScaleSet' },
  { kind: 'Report', streamId: reportStream(newId()), type: 'ReportRequested' },
  { kind: 'ReportTemplate', streamId: reportTemplateStream('bakhmut', 'annual-analysis'), type: 'ReportTemplateUploaded' },
  { kind: 'ReportBatch', streamId: reportBatchStream(newId()), type: 'ReportBatchRequested' },
  { kind: 'ReportSchedule', streamId: reportScheduleStream(newId()), type: 'ReportScheduleSet' },
  { kind: 'ReportLanguage', streamId: reportLanguageStream('bakhmut'), type: 'ReportLanguageSet' },
  { kind: 'ApiKeyIssue', streamId: apiKeyIssueStream('bakhmut', 'retry-1'), type: 'ApiKeyIssueClaimed' },
];

/** The streams of the categories that had names before the categories (the newer ones never had). */
const withOldNames = streams.filter((s) => legacyStreamName(s.streamId) !== undefined);

/** EventStoreDB's `$by_category`: the category of a stream is what comes before its first `-`. */
const ceCategory = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));

const groupBy = (names: { kind: string; streamId: string }[], category: (streamId: string) => string): Record<string, string[]> => {
  const groups: Record<string, string[]> = {};
  for (const { kind, streamId } of names) (groups[category(streamId)] ??= []).push(kind);
  return groups;
};

describe('stream categories', () => {
  it('has a helper for every category of the table, and every helper names a stream of its own category', () => {
    expect(streams.map((s) => s.kind).sort()).toEqual(Object.keys(STREAM_CATEGORIES).sort());
    for (const { kind, streamId } of streams) expect({ streamId, category: streamCategory(streamId) }).toEqual({ streamId, category: kind });
  });

  it('gives each kind of stream an EventStoreDB category ($ce-) of its own, where the old names mixed them', () => {
    const today = groupBy(streams, ceCategory);
    expect(today).toEqual(Object.fromEntries(streams.map((s) => [s.kind, [s.kind]])));
    expect(streams.filter((s) => !withOldNames.includes(s)).map((s) => s.kind)).toEqual(['Event', 'EventSeries', 'Plan', 'AssessmentScale', 'Report', 'ReportTemplate', 'ReportBatch', 'ReportSchedule', 'ReportLanguage', 'ApiKeyIssue']);
    const old = groupBy(
      withOldNames.map((s) => ({ kind: s.kind, streamId: legacyStreamName(s.streamId)!.name })),
      ceCategory,
    );
    expect(old).toEqual({
      institution: ['Institution', 'ExternalCode'],
      network: ['NetworkMap'],
      department: ['DepartmentCalendar', 'Department'],
      person: ['Person'],
      api: ['ApiKey', 'BootstrapKey'],
    });
  });

  describe('a category read by prefix over the log', () => {
    let dir: string;
    let store: SqliteEventStore;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'okrug-stream-categories-'));
      store = await SqliteEventStore.open({ file: join(dir, 'okrug.db') });
    });
    afterAll(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });

    const record = (streamId: string, type: string) =>
      store.append(
        streamId,
        [
          {
            id: randomUUID(),
            type,
            data: {},
            metadata: { actor: { id: 'test', role: 'system' }, department: 'bakhmut', correlationId: newId(), causationId: newId(), commandId: newId(), source: 'system', recordedAt: new Date().toISOString(), schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'any' },
      );
    const streamsStartingWith = async (prefix: string): Promise<string[]> => {
      const all = await store.readAll({ after: 0, maxCount: 1000 });
      return [...new Set(all.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.streamId))];
    };

    it('finds exactly the streams of the category', async () => {
      for (const { streamId, type } of streams) await record(streamId, type);
      for (const { kind, streamId } of streams) expect({ kind, found: await streamsStartingWith(`${kind}-`) }).toEqual({ kind, found: [streamId] });
    });

    it('would have mixed them under the old names, and made two streams one', async () => {
      for (const { streamId, type } of withOldNames) await record(legacyStreamName(streamId)!.name, type);
      const old = (kind: StreamCategory) => legacyStreamName(streams.find((s) => s.kind === kind)!.streamId)!.name;
      expect((await streamsStartingWith('institution-')).sort()).toEqual([old('Institution'), old('ExternalCode')].sort());
      expect((await streamsStartingWith('api-key-')).sort()).toEqual([old('ApiKey'), old('BootstrapKey')].sort());
      expect(old('Department')).toBe(old('DepartmentCalendar'));
      expect((await store.readStream(old('Department'))).map((e) => e.type)).toEqual(['AcademicYearStartSet', 'DepartmentCreated']);
    });
  });
});
