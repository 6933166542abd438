import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, newId } from '@app/kernel';
import { EventStore } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/embedded/sqlite-event-store';
import { SqliteReadStore } from '@app/read-store/embedded/sqlite-read-store';
import { ApiKeyHasher } from './api-key-secret';
import { IdentityService } from './identity.service';

const PEPPER = 'a-pepper-of-at-least-thirty-two-characters';

const context = (): CommandContext => ({
  actor: { id: 'admin', role: 'admin' },
  department: 'murygino',
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date(),
});

/** Counts the streams read through a store (their events, not just their revision). */
const counting = (store: EventStore): { store: EventStore; reads: string[] } => {
  const reads: string[] = [];
  const readStream = store.readStream.bind(store);
  store.readStream = (streamId, options) => {
    reads.push(streamId);
    return readStream(streamId, options);
  };
  return { store, reads };
};

describe('IdentityService.keyOf: the guard’s view of a key', () => {
  let dir: string;
  const closing: Array<{ close(): Promise<void> }> = [];
  /** One process: its own connections to the shared file, and its own service. */
  const aProcess = async () => {
    const file = join(dir, 'okrug.sqlite');
    const events = await SqliteEventStore.open({ file });
    const reads = await SqliteReadStore.open({ file });
    closing.push(events, reads);
    const counted = counting(events);
    return { service: new IdentityService(counted.store, reads, new ApiKeyHasher(PEPPER)), reads: counted.reads };
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okrug-identity-'));
  });
  afterEach(async () => {
    for (const store of closing.splice(0).reverse()) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a key seen before only as far as its stream’s revision, while nothing was appended to it', async () => {
    const one = await aProcess();
    const issued = await one.service.issue({ actorId: 'operator.a', role: 'operator', department: 'murygino', label: 'op' }, context());
    expect((await one.service.keyOf(issued.secret))?.status).toBe('active');
    one.reads.splice(0);
    for (let n = 0; n < 3; n++) expect((await one.service.keyOf(issued.secret))?.keyId).toBe(issued.keyId);
    expect(one.reads).toEqual([]);
  });

  it('sees a revocation recorded by another process at once, and one recorded by itself', async () => {
    const one = await aProcess();
    const other = await aProcess();
    const first = await one.service.issue({ actorId: 'operator.a', role: 'operator', department: 'murygino', label: 'a' }, context());
    const second = await one.service.issue({ actorId: 'operator.b', role: 'operator', department: 'murygino', label: 'b' }, context());
    expect((await one.service.keyOf(first.secret))?.status).toBe('active');
    expect((await one.service.keyOf(second.secret))?.status).toBe('active');

    await other.service.revoke(first.keyId, 'left the department', context());
    expect((await one.service.keyOf(first.secret))?.status).toBe('revoked');

    await one.service.revoke(second.keyId, 'lost', context());
    expect((await one.service.keyOf(second.secret))?.status).toBe('revoked');
    expect((await other.service.keyOf(second.secret))?.status).toBe('revoked');
  });

  it('knows nothing of a secret that was never issued', async () => {
    const one = await aProcess();
    expect(await one.service.keyOf('okrug_never-issued-secret')).toBeNull();
    expect(await one.service.keyOf('okrug_never-issued-secret')).toBeNull();
  });
});
