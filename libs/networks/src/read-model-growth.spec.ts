import { EventMetadata, RecordedEvent } from '@app/kernel';
import { Document } from '@app/read-store/read-store.port';
import { NetworkMapEvent, networkMapStream } from './network-map/network-map.decider';
import { networks } from './index';

/**
 * What one event costs a read model must not grow with the history before it: the documents
 * written for the 5,000th event of a network are as small as those for its 2nd.
 */
describe('network read models write small documents, however long the history', () => {
  const recorded = (event: NetworkMapEvent, i: number): RecordedEvent => {
    const metadata: EventMetadata = {
      actor: { id: 'operator-1', role: 'operator' },
      department: 'bakhmut',
      correlationId: `c-${i}`,
      causationId: `c-${i}`,
      commandId: `c-${i}`,
      source: 'api',
      recordedAt: '2024-09-01T09:00:00.000Z',
      schemaVersion: 1,
    };
    return { ...event, id: `e-${i}`, streamId: networkMapStream('bakhmut', 'educational-district'), revision: i, position: 1000 + i, metadata } as RecordedEvent;
  };
  const history: RecordedEvent[] = [
    recorded({ type: 'NetworkRegistered', data: { networkId: 'd-1', department: 'bakhmut', kind: 'educational-district', name: 'Округ 1', number: null, description: null, website: null } }, 0),
    ...Array.from({ length: 4_999 }, (_, i) =>
      recorded({ type: 'MemberAdmitted', data: { networkId: 'd-1', institutionId: `school-${i}`, role: 'member', from: '2024-09-01' } }, i + 1),
    ),
  ];

  it.each(networks.projections.map((p) => [p.name, p] as const))('%s: the documents for the 5,000th event do not hold the 4,999 before it', (_name, projection) => {
    const docs = new Map<string, Document | null>();
    const written: Document[][] = [];
    for (const event of history) {
      if (!projection.handles.includes(event.type)) continue;
      const ids = projection.documentId(event);
      const list = ids === null ? [] : typeof ids === 'string' ? [ids] : ids;
      written.push(
        list.flatMap((id) => {
          const next = projection.evolve(docs.get(id) ?? null, event, id);
          docs.set(id, next);
          return next ? [next] : [];
        }),
      );
    }
    if (!written.length) return;
    const size = (docs: Document[]) => JSON.stringify(docs).length;
    const second = size(written[1] ?? []);
    const last = size(written[written.length - 1]);
    expect(JSON.stringify(written[written.length - 1])).not.toContain('school-4997');
    expect(last).toBeLessThan(Math.max(2 * second, 2_000));
  });
});
