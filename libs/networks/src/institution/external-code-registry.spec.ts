import { CommandContext, FixedClock, metadataFor, newId } from '@app/kernel';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { externalCodeClaimStream } from './external-code-claim';
import { ExternalCodeRegistry } from './external-code-registry';
import { InstitutionEvent, institutionStream } from './institution.decider';

const DEPARTMENT = 'bakhmut';
const context = (receivedAt = new Date()): CommandContext => ({
  actor: { id: 'operator.koval', role: 'operator' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt,
});
const registered = (institutionId: string, externalCode: string | null): InstitutionEvent => ({
  type: 'InstitutionRegistered',
  data: { institutionId, department: DEPARTMENT, fullName: 'ЗОШ № 7', shortName: 'ЗОШ № 7', kind: 'general-school', settlement: 'Бахмут', externalCode, website: null },
});

/** Writes what a registration with a code writes: the claim and the institution, in one append. */
const register = async (store: InMemoryEventStore, registry: ExternalCodeRegistry, institutionId: string, code: string, at = new Date()) => {
  const change = await registry.change(institutionId, null, code, context(at));
  const event = registered(institutionId, code);
  await store.appendMany([...change.before, { streamId: institutionStream(institutionId), expectedRevision: 'no_stream', events: [{ id: newId(), ...event, metadata: metadataFor(context(at)) }] }]);
};

describe('ExternalCodeRegistry', () => {
  it('reads a code nobody claimed as free, and prepares its claim on a new stream', async () => {
    const store = new InMemoryEventStore();
    const registry = new ExternalCodeRegistry(store);
    expect(await registry.read(DEPARTMENT, 'UA-7')).toEqual({ streamId: externalCodeClaimStream(DEPARTMENT, 'UA-7'), revision: -1, claimant: null, holder: null });
    const change = await registry.change('school-7', null, 'UA-7', context());
    expect(change.holder).toBeNull();
    expect(change.after).toEqual([]);
    expect(change.before).toEqual([
      {
        streamId: externalCodeClaimStream(DEPARTMENT, 'UA-7'),
        expectedRevision: 'no_stream',
        events: [expect.objectContaining({ type: 'ExternalCodeClaimed', data: { department: DEPARTMENT, code: 'UA-7', institutionId: 'school-7' } })],
      },
    ]);
  });

  it('names the holder from the claim stream; a change of code claims the new one before and releases the old one after', async () => {
    const store = new InMemoryEventStore();
    const registry = new ExternalCodeRegistry(store);
    await register(store, registry, 'school-7', 'UA-7');
    expect(await registry.holderOf(DEPARTMENT, 'UA-7')).toBe('school-7');
    // The claim decider refuses another claimant; the holder's own claim needs no new one.
    await expect(registry.change('school-5', null, 'UA-7', context())).rejects.toMatchObject({ code: 'external-code-taken' });
    expect(await registry.change('school-7', null, 'UA-7', context())).toEqual({ holder: 'school-7', before: [], after: [] });

    const change = await registry.change('school-7', 'UA-7', 'UA-77', context());
    expect(change.holder).toBeNull();
    expect(change.before.map((a) => [a.streamId, a.expectedRevision, a.events[0].type])).toEqual([[externalCodeClaimStream(DEPARTMENT, 'UA-77'), 'no_stream', 'ExternalCodeClaimed']]);
    expect(change.after.map((a) => [a.streamId, a.expectedRevision, a.events[0].type])).toEqual([[externalCodeClaimStream(DEPARTMENT, 'UA-7'), 0, 'ExternalCodeReleased']]);
    const corrected = { type: 'InstitutionDetailsCorrected', data: { institutionId: 'school-7', corrections: { externalCode: 'UA-77' }, reason: 'typo' } };
    await store.appendMany([...change.before, { streamId: institutionStream('school-7'), expectedRevision: 0, events: [{ id: newId(), ...corrected, metadata: metadataFor(context()) }] }, ...change.after]);
    expect(await registry.holderOf(DEPARTMENT, 'UA-7')).toBeNull();
    expect(await registry.holderOf(DEPARTMENT, 'UA-77')).toBe('school-7');
    // Removing a code releases it and claims nothing.
    const removal = await registry.change('school-7', 'UA-77', null, context());
    expect(removal.before).toEqual([]);
    expect(removal.after.map((a) => a.events[0].type)).toEqual(['ExternalCodeReleased']);
  });

  it('counts a claim whose institution is not recorded (yet) for a minute, then frees the code', async () => {
    const store = new InMemoryEventStore();
    const registry = new ExternalCodeRegistry(store);
    // A store that appends stream after stream stopped between the claim and the institution.
    const claimOnly = async (institutionId: string, at: Date) => {
      const change = await registry.change(institutionId, null, 'UA-9', context(at));
      await store.appendMany(change.before);
    };
    await claimOnly('in-flight', new Date());
    expect(await registry.holderOf(DEPARTMENT, 'UA-9')).toBe('in-flight');

    const other = new InMemoryEventStore();
    const registryOfOther = new ExternalCodeRegistry(other);
    const change = await registryOfOther.change('crashed', null, 'UA-9', context(new Date(Date.now() - 120_000)));
    await other.appendMany(change.before);
    expect(await registryOfOther.read(DEPARTMENT, 'UA-9')).toMatchObject({ revision: 0, holder: null });
    // Claiming it again is appended after the dangling claim, at its revision.
    expect((await registryOfOther.change('school-9', null, 'UA-9', context())).before[0].expectedRevision).toBe(0);
  });

  it('measures the minute by the injected clock, not the system time', async () => {
    const store = new InMemoryEventStore();
    const clock = new FixedClock(new Date('2031-05-01T12:00:00Z'));
    const registry = new ExternalCodeRegistry(store, clock);
    const change = await registry.change('in-flight', null, 'UA-5', context(new Date('2031-05-01T12:00:00Z')));
    await store.appendMany(change.before);
    clock.set(new Date('2031-05-01T12:00:59Z'));
    expect(await registry.holderOf(DEPARTMENT, 'UA-5')).toBe('in-flight');
    clock.set(new Date('2031-05-01T12:01:01Z'));
    expect(await registry.holderOf(DEPARTMENT, 'UA-5')).toBeNull();
  });

  it('makes the second of two claimants that read the same claim fail to append', async () => {
    const store = new InMemoryEventStore();
    const registry = new ExternalCodeRegistry(store);
    const first = await registry.change('school-1', null, 'UA-1', context());
    const second = await registry.change('school-2', null, 'UA-1', context());
    await store.appendMany(first.before);
    await expect(store.appendMany(second.before)).rejects.toMatchObject({ name: 'WrongExpectedRevision' });
  });
});
