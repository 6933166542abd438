import { CommandContext, NewEvent, RuleViolated, StaleRevision, metadataFor, newId } from '@app/kernel';
import { AppendOptions, AppendResult } from '@app/event-store';
import { PersonRecord, PersonalDataVault } from '@app/personal-data';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { ReadStore } from '@app/read-store/read-store.port';
import { NetworkMapEvent, networkMapStream } from '../network-map/network-map.decider';
import { NetworkMapWriter } from '../network-map/network-map.writer';
import { AppointHeadCommand } from './appoint-head.command';
import { AppointHeadHandler } from './appoint-head.handler';

const DEPARTMENT = 'bakhmut';
const MAP = networkMapStream(DEPARTMENT, 'council-of-heads');
const NETWORK = '0190f7a1-0000-7000-8000-0000000000c1';

const context = (idempotencyKey?: string): CommandContext => ({
  actor: { id: 'operator.koval', role: 'operator' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date('2026-09-01T08:00:00Z'),
  ...(idempotencyKey ? { idempotencyKey } : {}),
});
const recorded = (event: NetworkMapEvent): NewEvent => ({ id: newId(), ...event, metadata: metadataFor(context()) });
const council = (networkId: string, name: string): NetworkMapEvent => ({
  type: 'NetworkRegistered',
  data: { networkId, department: DEPARTMENT, kind: 'council-of-heads', name, number: null, description: null, website: null },
});

/** The in-memory store, with another writer that gets in just before the next append. */
class Store extends InMemoryEventStore {
  beforeNextAppend?: () => Promise<void>;
  override async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const hook = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    if (hook) await hook();
    return super.append(streamId, events, options);
  }
}

/** A vault that remembers what it was asked to record. */
const recordingVault = () => {
  const records: PersonRecord[] = [];
  const vault = { record: async (person: PersonRecord) => void records.push(person) } as unknown as PersonalDataVault;
  return { vault, records };
};

describe('AppointHeadHandler: the vault is written once per command', () => {
  const setUp = async () => {
    const store = new Store();
    await store.append(MAP, [recorded(council(NETWORK, 'Рада директорів'))], { expectedRevision: 'no_stream' });
    const { vault, records } = recordingVault();
    const writer = new NetworkMapWriter(store, { get: async () => null } as unknown as ReadStore);
    const handler = new AppointHeadHandler(writer, vault);
    const appoint = (options: { ifMatch?: number; key?: string; appointedOn?: string } = {}) =>
      handler.execute(new AppointHeadCommand(NETWORK, { fullName: ' Шевченко Тарас ', position: 'голова ради', appointedOn: options.appointedOn ?? '2024-09-01' }, { ...context(options.key), ifMatch: options.ifMatch }));
    const heads = async () => (await store.readStream(MAP)).filter((e) => e.type === 'HeadAppointed').map((e) => e.data as { personId: string });
    return { store, records, appoint, heads };
  };

  it('records the name once when the decision is made again after another writer got in first', async () => {
    const { store, records, appoint, heads } = await setUp();
    store.beforeNextAppend = () => store.append(MAP, [recorded(council(newId(), 'Інша рада'))], { expectedRevision: 0 }).then(() => undefined);
    const result = await appoint();
    expect(result).toMatchObject({ id: NETWORK, revision: 2 });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ department: DEPARTMENT, fullName: 'Шевченко Тарас', recordedBy: 'operator.koval' });
    expect(await heads()).toEqual([expect.objectContaining({ personId: records[0].personId })]);
  });

  it('records nothing for a stale If-Match, and nothing again for a repeated Idempotency-Key', async () => {
    const { records, appoint, heads } = await setUp();
    await expect(appoint({ ifMatch: 7 })).rejects.toBeInstanceOf(StaleRevision);
    expect(records).toHaveLength(0);
    const first = await appoint({ key: 'appoint-once' });
    const again = await appoint({ key: 'appoint-once' });
    expect(again).toEqual(first);
    expect(records).toHaveLength(1);
    expect(await heads()).toHaveLength(1);
  });

  it('leaves the name in the vault, named by no event, when the decision refuses after it was recorded', async () => {
    const { records, appoint, heads } = await setUp();
    await appoint({ appointedOn: '2024-09-01' });
    await expect(appoint({ appointedOn: '2020-09-01' })).rejects.toBeInstanceOf(RuleViolated);
    expect(records).toHaveLength(2);
    expect((await heads()).map((h) => h.personId)).toEqual([records[0].personId]);
  });
});
