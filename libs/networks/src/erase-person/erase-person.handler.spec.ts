import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, NotFound, newId } from '@app/kernel';
import { SqliteEventStore } from '@app/event-store';
import { SqlitePersonalDataVault, personStream } from '@app/personal-data';
import { ErasePersonCommand } from './erase-person.command';
import { ErasePersonHandler } from './erase-person.handler';

const DEPARTMENT = 'bakhmut';

const context = (actorId: string, idempotencyKey?: string): CommandContext => ({
  actor: { id: actorId, role: 'admin' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date(),
  reason: 'Запит особи',
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

describe('ErasePersonHandler: an erasure is recorded once, whatever the concurrency', () => {
  let dir: string;
  let store: SqliteEventStore;
  let vault: SqlitePersonalDataVault;
  let handler: ErasePersonHandler;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okrug-erasure-'));
    const file = join(dir, 'okrug.sqlite');
    store = await SqliteEventStore.open({ file });
    vault = await SqlitePersonalDataVault.open({ file });
    handler = new ErasePersonHandler(vault, store);
  });
  afterEach(async () => {
    await vault.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const aPerson = async (): Promise<string> => {
    const personId = newId();
    await vault.record({ personId, department: DEPARTMENT, fullName: 'Шевченко Тарас Григорович', recordedAt: new Date().toISOString(), recordedBy: 'operator' });
    return personId;
  };
  const erase = (personId: string, actorId = 'admin', key?: string) => handler.execute(new ErasePersonCommand(personId, { reason: 'Запит особи' }, context(actorId, key)));

  it('records the fact once for ten erasures sent at once, and answers each with the first tombstone and that fact', async () => {
    const personId = await aPerson();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => erase(personId, `admin-${i}`)));
    const events = await store.readStream(personStream(personId));
    expect(events.map((e) => e.type)).toEqual(['PersonalDataErased']);
    expect(events[0].data).toEqual({ personId, erasedAt: answers[0].erasedAt });
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ personId, erasedBy: events[0].metadata.actor.id, position: events[0].position });
    expect((await vault.lookup(DEPARTMENT, [personId])).get(personId)).toMatchObject({ status: 'erased' });
  });

  it('records nothing more when erased again, with or without an Idempotency-Key', async () => {
    const personId = await aPerson();
    const first = await erase(personId, 'admin', 'erase-once');
    expect(await erase(personId, 'admin', 'erase-once')).toEqual(first);
    expect(await erase(personId, 'admin.deputy')).toEqual(first);
    expect(await store.readStream(personStream(personId))).toHaveLength(1);
  });

  it('refuses an unknown person or another department’s before anything is recorded', async () => {
    const personId = newId();
    await expect(erase(personId)).rejects.toBeInstanceOf(NotFound);
    const elsewhere = newId();
    await vault.record({ personId: elsewhere, department: 'kramatorsk', fullName: 'Інша особа', recordedAt: new Date().toISOString(), recordedBy: 'operator' });
    await expect(erase(elsewhere)).rejects.toBeInstanceOf(NotFound);
    expect(await store.headPosition()).toBe(0);
  });
});
