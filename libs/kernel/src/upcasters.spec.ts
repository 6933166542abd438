import { EventMetadata, NewEvent, RecordedEvent } from './envelope';
import { EventContracts, upcaster } from './event-contract';
import { NewerSchemaVersion, UpcasterRegistry } from './upcasters';

/** A made-up event whose data changed shape twice: a name split into two, then a title added. */
type Greeted = { type: 'Greeted'; data: { first: string; last: string; title: string | null } };
type Waved = { type: 'Waved'; data: { hand: 'left' | 'right' } };

const contracts: EventContracts<Greeted | Waved> = {
  Greeted: {
    effectiveOn: () => null,
    concerns: () => [],
    describe: () => ({ uk: 'Привітано', ru: 'Поприветствовали', en: 'Greeted' }),
    version: 3,
    upcasters: {
      1: upcaster<{ name: string }, { first: string; last: string }>(({ name }) => {
        const [first, ...rest] = name.split(' ');
        return { first, last: rest.join(' ') };
      }),
      2: upcaster<{ first: string; last: string }, Greeted['data']>((data) => ({ ...data, title: null })),
    },
  },
  Waved: { effectiveOn: () => null, concerns: () => [], describe: () => ({ uk: 'Помахали', ru: 'Помахали', en: 'Waved' }) },
};

const metadata = (schemaVersion: number): EventMetadata => ({
  actor: { id: 'a', role: 'admin' },
  department: 'd',
  correlationId: 'c',
  causationId: 'c',
  commandId: 'c',
  source: 'api',
  recordedAt: '2026-01-01T00:00:00.000Z',
  schemaVersion,
});

const recorded = (type: string, data: unknown, schemaVersion: number): RecordedEvent => ({ id: 'e', type, data, metadata: metadata(schemaVersion), streamId: 's', revision: 0, position: 1 });

describe('upcaster registry', () => {
  const registry = UpcasterRegistry.of(contracts);

  it('upcasts an event version after version to the shape of today, and says so in its metadata', () => {
    const event = registry.upcast(recorded('Greeted', { name: 'Тарас Григорович Шевченко' }, 1));
    expect(event.data).toEqual({ first: 'Тарас', last: 'Григорович Шевченко', title: null });
    expect(event.metadata.schemaVersion).toBe(3);
    expect(registry.upcast(recorded('Greeted', { first: 'Леся', last: 'Українка' }, 2)).data).toEqual({ first: 'Леся', last: 'Українка', title: null });
  });

  it('hands back an event of today, of a type without versions, or of a type it does not know, as it is', () => {
    const today = recorded('Greeted', { first: 'Леся', last: 'Українка', title: 'поетеса' }, 3);
    expect(registry.upcast(today)).toBe(today);
    const waved = recorded('Waved', { hand: 'left' }, 1);
    expect(registry.upcast(waved)).toBe(waved);
    const other = recorded('SomethingElse', { x: 1 }, 7);
    expect(registry.upcast(other)).toBe(other);
  });

  it('refuses an event recorded at a version newer than the code', () => {
    expect(() => registry.upcast(recorded('Greeted', {}, 4))).toThrow(NewerSchemaVersion);
  });

  it('stamps a new event with its type’s version of today', () => {
    const event: NewEvent = { id: 'e', type: 'Greeted', data: { first: 'a', last: 'b', title: null }, metadata: metadata(1) };
    expect(registry.stamp(event).metadata.schemaVersion).toBe(3);
    const waved: NewEvent = { id: 'e', type: 'Waved', data: { hand: 'left' }, metadata: metadata(1) };
    expect(registry.stamp(waved)).toBe(waved);
    const other: NewEvent = { id: 'e', type: 'SomethingElse', data: {}, metadata: metadata(5) };
    expect(registry.stamp(other)).toBe(other);
  });

  it('refuses contracts with a version but a missing upcaster, or one type in two tables', () => {
    const { upcasters: _all, ...withoutUpcasters } = contracts.Greeted;
    expect(() => UpcasterRegistry.of({ Greeted: { ...withoutUpcasters, upcasters: { 1: contracts.Greeted.upcasters![1] } } })).toThrow(/no upcaster from version 2/);
    expect(() => UpcasterRegistry.of(contracts, { Waved: contracts.Waved })).toThrow(/Waved has two contracts/);
  });
});
