import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, EventMetadata, NewEvent, UpcasterRegistry, eventsOf, newId } from '@app/kernel';
import { EventStore, SqliteEventStore, upcastingEventStore } from '@app/event-store';
import { ProjectionRunner, SqliteReadStore } from '@app/read-store';
import { institutionStream } from '../institution/institution.decider';
import { networkListProjection } from '../network-list/network-list.projection';
import { membershipId, networkMembershipsProjection } from '../network-memberships/network-memberships.projection';
import { networksEvents } from '../networks.events';
import { foldNetworkMap, initialNetworkMapState, networkMapStream } from './network-map.decider';
import { networkMapEvents } from './network-map.events';
import { NetworkMapWriter } from './network-map.writer';

/**
 * The first network-map decider recorded `NetworkSplit` without the new network's department
 * and kind (schema version 1; a split of a later version-1 decider carries them). Read through
 * the store's upcasters, such a split is today's: the new network belongs to the map's
 * department and kind, for the write path's fold and for every read model.
 */
const DEPARTMENT = 'bakhmut';
const MAP = networkMapStream(DEPARTMENT, 'council-of-heads');

const metadata = (schemaVersion = 1): EventMetadata => ({
  actor: { id: 'operator-1', role: 'operator' },
  department: DEPARTMENT,
  correlationId: 'c',
  causationId: 'c',
  commandId: 'c',
  source: 'api',
  recordedAt: '2019-09-01T09:00:00.000Z',
  schemaVersion,
});

const event = (type: string, data: Record<string, unknown>): NewEvent => ({ id: newId(), type, data, metadata: metadata() });

/** A council with two members, split as the first decider recorded it. */
const oldLog = (): NewEvent[] => [
  event('NetworkRegistered', { networkId: 'c-1', department: DEPARTMENT, kind: 'council-of-heads', name: 'Рада директорів', number: null, description: null, website: null }),
  event('MemberAdmitted', { networkId: 'c-1', institutionId: 'school-1', role: 'member', from: '2017-09-01' }),
  event('MemberAdmitted', { networkId: 'c-1', institutionId: 'school-2', role: 'partner', from: '2017-09-01' }),
  event('NetworkSplit', {
    networkId: 'c-1',
    newNetworkId: 'c-2',
    on: '2019-09-01',
    reason: 'Поділ ради',
    moved: [{ institutionId: 'school-2', role: 'partner' }],
    name: 'Рада директорів ліцеїв',
    number: null,
    description: null,
    website: null,
  }),
];

describe('NetworkSplit of schema version 1, read through the upcasters', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let store: EventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okrug-upcast-'));
    raw = await SqliteEventStore.open({ file: join(dir, 'okrug.sqlite') });
    store = upcastingEventStore(raw, UpcasterRegistry.of(networksEvents));
    await raw.append(MAP, oldLog(), { expectedRevision: 'no_stream' });
  });

  afterEach(async () => {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the split the map’s department and kind, as version 2 records them', async () => {
    const [split] = (await store.readStream(MAP)).slice(-1);
    expect(split.metadata.schemaVersion).toBe(2);
    expect(split.data).toMatchObject({ newNetworkId: 'c-2', department: DEPARTMENT, kind: 'council-of-heads', name: 'Рада директорів ліцеїв' });
    // The log itself is never rewritten.
    const [stored] = (await raw.readStream(MAP)).slice(-1);
    expect(stored.metadata.schemaVersion).toBe(1);
    expect(stored.data).not.toHaveProperty('kind');
  });

  it('folds into a map whose split-off network has the department and kind of the map', async () => {
    const state = foldNetworkMap(initialNetworkMapState(), eventsOf(networkMapEvents, await store.readStream(MAP)));
    expect(state.networks['c-2']).toMatchObject({ department: DEPARTMENT, kind: 'council-of-heads', status: 'active' });
  });

  it('projects the split-off network into the department’s lists, from the log and live', async () => {
    const reads = await SqliteReadStore.open({ file: join(dir, 'okrug.sqlite') });
    const runner = new ProjectionRunner({ eventStore: store, readStore: reads, projections: [networkListProjection, networkMembershipsProjection] });
    try {
      await runner.start();
      await runner.waitFor(await store.headPosition(), { timeoutMs: 5_000 });
      expect(await reads.get('networks', 'c-2')).toMatchObject({ department: DEPARTMENT, kind: 'council-of-heads', name: 'Рада директорів ліцеїв' });
      expect(await reads.get('network-memberships', membershipId('c-2', 'school-2'))).toMatchObject({ department: DEPARTMENT, kind: 'council-of-heads' });

      // The same shape arriving while the runner follows the log live.
      const split = event('NetworkSplit', { networkId: 'c-2', newNetworkId: 'c-3', on: '2020-09-01', reason: 'Ще один поділ', moved: [], name: 'Рада 3', number: null, description: null, website: null });
      const { position } = await raw.append(MAP, [split], { expectedRevision: 3 });
      await runner.waitFor(position, { timeoutMs: 5_000 });
      expect(await reads.get('networks', 'c-3')).toMatchObject({ department: DEPARTMENT, kind: 'council-of-heads' });
    } finally {
      await runner.stop();
      await reads.close();
    }
  });

  it('records a split decided today at version 2', async () => {
    const reads = await SqliteReadStore.open({ file: join(dir, 'okrug.sqlite') });
    try {
      await store.append(institutionStream('school-1'), [event('InstitutionRegistered', { institutionId: 'school-1', department: DEPARTMENT, fullName: 'Школа 1', shortName: 'Школа 1', kind: 'general-school', settlement: 'Бахмут', externalCode: null, website: null })], { expectedRevision: 'no_stream' });
      const context: CommandContext = { actor: { id: 'operator-1', role: 'operator' }, department: DEPARTMENT, commandId: newId(), correlationId: newId(), source: 'api', receivedAt: new Date('2024-09-01T09:00:00Z') };
      await new NetworkMapWriter(store, reads).execute({
        context,
        kind: 'council-of-heads',
        networkId: 'c-1',
        command: () => ({ type: 'SplitNetwork', data: { networkId: 'c-1', newNetworkId: 'c-4', institutionIds: ['school-1'], on: '2024-09-01', reason: 'Поділ', name: 'Рада 4', number: null, description: null, website: null } }),
      });
      const [split] = (await raw.readStream(MAP)).slice(-1);
      expect(split).toMatchObject({ type: 'NetworkSplit', data: { newNetworkId: 'c-4', department: DEPARTMENT, kind: 'council-of-heads' }, metadata: { schemaVersion: 2 } });
    } finally {
      await reads.close();
    }
  });
});
