import { EventMetadata, RecordedEvent } from '@app/kernel';
import { InstitutionEvent, institutionStream } from './institution.decider';

/** A short, realistic life of one institution as recorded events; for projection specs. */
export const institutionEvents = (institutionId = '0b9c3f0e-7a51-4f8e-9d0a-5a3c7f1e0007'): Array<RecordedEvent<InstitutionEvent>> => {
  const metadata = (recordedAt: string, reason?: string): EventMetadata => ({
    actor: { id: 'operator-1', role: 'admin' },
    department: 'bakhmut',
    correlationId: `corr-${recordedAt}`,
    causationId: `cmd-${recordedAt}`,
    commandId: `cmd-${recordedAt}`,
    source: 'api',
    recordedAt,
    schemaVersion: 1,
    ...(reason ? { reason } : {}),
  });
  const events: InstitutionEvent[] = [
    {
      type: 'InstitutionRegistered',
      data: {
        institutionId,
        department: 'bakhmut',
        fullName: 'Бахмутська ЗОШ № 7',
        shortName: 'ЗОШ № 7',
        kind: 'general-school',
        settlement: 'Бахмут',
        externalCode: null,
        website: null,
      },
    },
    { type: 'InstitutionRenamed', data: { institutionId, fullName: 'Бахмутський ліцей № 7', shortName: 'Ліцей № 7', renamedOn: '2020-09-01' } },
    { type: 'InstitutionDetailsCorrected', data: { institutionId, corrections: { settlement: 'м. Бахмут' }, reason: 'Помилка введення' } },
    { type: 'InstitutionClosed', data: { institutionId, closedOn: '2021-06-30', reason: 'Реорганізація' } },
  ];
  const times = ['2019-09-02T08:00:00.000Z', '2020-08-20T08:00:00.000Z', '2020-10-01T08:00:00.000Z', '2021-06-30T08:00:00.000Z'];
  return events.map((event, i) => {
    const reason = 'reason' in event.data ? (event.data.reason ?? undefined) : undefined;
    return {
      ...event,
      id: `event-${i + 1}`,
      streamId: institutionStream(institutionId),
      revision: i,
      position: 10 + i * 3,
      metadata: metadata(times[i], reason),
    };
  });
};
