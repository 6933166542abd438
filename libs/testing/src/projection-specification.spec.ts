import { EventContracts, EventMetadata, RecordedEvent } from '@app/kernel';
import { Document, Projection, defineProjection } from '@app/read-store';
import { ProjectionSpecification } from './projection-specification';

type Counted = { type: 'Counted'; data: { counterId: string; by: number } };
type Reset = { type: 'Reset'; data: { counterId: string } };
type CounterEvent = Counted | Reset;

const counterEvents: EventContracts<CounterEvent> = {
  Counted: { effectiveOn: () => null, concerns: () => [], describe: () => ({ uk: '+', ru: '+', en: '+' }) },
  Reset: { effectiveOn: () => null, concerns: () => [], describe: () => ({ uk: '0', ru: '0', en: '0' }) },
};

interface Counter extends Document {
  total: number;
  revision: number;
}

/** A counter whose replay guard can be left out, as the mutations the harness must catch. */
const counter = (guarded: boolean) =>
  defineProjection<Counter, CounterEvent>({
    name: 'counter',
    collection: 'counters',
    events: counterEvents,
    documentId: (event) => event.data.counterId,
    evolve: (doc, event, id) => {
      if (guarded && doc && doc.revision >= event.revision) return doc;
      const total = event.type === 'Counted' ? (doc?.total ?? 0) + event.data.by : 0;
      return { id, total, revision: event.revision };
    },
  });

const metadata: EventMetadata = { actor: { id: 'a', role: 'admin' }, department: 'd', correlationId: 'c', causationId: 'c', commandId: 'c', source: 'api', recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
const events: CounterEvent[] = [
  { type: 'Counted', data: { counterId: 'c-1', by: 2 } },
  { type: 'Counted', data: { counterId: 'c-1', by: 3 } },
  { type: 'Reset', data: { counterId: 'c-1' } },
  { type: 'Counted', data: { counterId: 'c-1', by: 5 } },
];
const log: Array<RecordedEvent<CounterEvent>> = events.map((e, i) => ({ ...e, id: `e-${i}`, streamId: 'counter-c-1', revision: i, position: 10 + i, metadata }));

describe('ProjectionSpecification', () => {
  it('passes a projection that comes to the same documents however the log is batched and replayed', () => {
    ProjectionSpecification.for(counter(true))
      .given(log)
      .then((docs) => expect(docs.get('c-1')).toEqual({ id: 'c-1', total: 5, revision: 3 }));
  });

  it('fails a projection without a replay guard of its own, on a stale prefix delivered again', () => {
    expect(() => ProjectionSpecification.for(counter(false)).given(log).then(() => undefined)).toThrow(/the first \d+ events again/);
  });

  it('fails a projection whose handles lost a type of its contracts', () => {
    const lost: Projection<Counter, CounterEvent> = { ...counter(true), handles: ['Counted'] };
    expect(() => ProjectionSpecification.for(lost).given(log).then(() => undefined)).toThrow(/notHandled/);
  });
});
