import { CommandContext, ConcurrencyConflict, metadataFor, newId } from '@app/kernel';
import { AppendResult, StreamAppend } from '@app/event-store/event-store.port';
import { Document, FindQuery, ReadStore } from '@app/read-store/read-store.port';
import { InMemoryEventStore } from '@app/read-store/testing/in-memory-event-store';
import { ExternalCodeRegistry } from '../institution/external-code-registry';
import { institutionStream } from '../institution/institution.decider';
import { networkMapStream } from '../network-map/network-map.decider';
import { readJsonImport } from './import-file';
import { Importer } from './import.service';

const DEPARTMENT = 'murygino';
const context = (): CommandContext => ({
  actor: { id: 'operator.petrova', role: 'operator' },
  department: DEPARTMENT,
  commandId: newId(),
  correlationId: newId(),
  source: 'api',
  receivedAt: new Date(),
});

/** A read store holding the institution documents it is given; the importer only lists them. */
const readStoreWith = (docs: Document[] = []): ReadStore =>
  ({
    find: async (_collection: string, query?: FindQuery) => docs.filter((d) => d.department === query?.where?.department),
  }) as unknown as ReadStore;

const file = readJsonImport({
  institutions: [
    { fullName: 'МБОУ Мурыгинская средняя школа', shortName: 'МБОУ Мурыгинская СШ', kind: 'general-school', settlement: 'пгт Мурыгино', externalCode: '4329005370' },
    { fullName: 'МБОУ Лосненская средняя школа', shortName: 'МБОУ Лосненская СШ', kind: 'general-school', settlement: 'с. Лосное' },
  ],
  networks: [
    {
      name: 'Школьный округ № 3',
      kind: 'educational-district',
      number: '3',
      anchor: '4329005370',
      members: [
        { institution: '4329005370', role: 'member', from: '2020-09-01' },
        { institution: 'МБОУ Лосненская СШ', role: 'member', from: '2020-09-01' },
      ],
    },
  ],
});

describe('Importer', () => {
  it('writes everything in one multi-stream append; the code is claimed as the registry sees claims', async () => {
    const store = new InMemoryEventStore();
    const appendMany = jest.spyOn(store, 'appendMany');
    const importer = new Importer({ eventStore: store, readStore: readStoreWith() });
    const summary = await importer.run(file, context(), { dryRun: false });
    expect(summary).toMatchObject({ dryRun: false, applied: true, counts: { rejected: 0, created: { institutions: 2, networks: 1, memberships: 2, anchors: 1 } } });
    expect(summary.position).toBe(await store.headPosition());
    expect(appendMany).toHaveBeenCalledTimes(1);
    const murygino = summary.rows[0].id!;
    expect(await new ExternalCodeRegistry(store).holderOf(DEPARTMENT, '4329005370')).toBe(murygino);
    const [registered] = await store.readStream(institutionStream(murygino));
    expect(registered.metadata).toMatchObject({ source: 'import', actor: { id: 'operator.petrova', role: 'operator' } });
  });

  it('writes nothing on a dry run, and nothing when a row is rejected', async () => {
    const store = new InMemoryEventStore();
    const importer = new Importer({ eventStore: store, readStore: readStoreWith() });
    const dry = await importer.run(file, context(), { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, applied: false, counts: { created: { institutions: 2 } } });
    expect(dry.position).toBeUndefined();
    const bad = readJsonImport({ institutions: [{ fullName: 'x', shortName: 'y', kind: 'school', settlement: 'z' }] });
    const rejected = await importer.run(bad, context(), { dryRun: false });
    expect(rejected).toMatchObject({ applied: false, counts: { rejected: 1 } });
    expect(await store.headPosition()).toBe(0);
  });

  it('matches an institution registered through the API, found by its name and settlement in the read model', async () => {
    const store = new InMemoryEventStore();
    const id = newId();
    const data = { institutionId: id, department: DEPARTMENT, fullName: 'МБОУ Лосненская средняя школа', shortName: 'МБОУ Лосненская СШ', kind: 'general-school', settlement: 'с. Лосное', externalCode: null, website: null };
    await store.append(institutionStream(id), [{ id: newId(), type: 'InstitutionRegistered', data, metadata: metadataFor(context()) }], { expectedRevision: 'no_stream' });
    const importer = new Importer({ eventStore: store, readStore: readStoreWith([{ id, ...data }, { id: 'elsewhere', ...data, department: 'other' }]) });
    const summary = await importer.run(file, context(), { dryRun: false });
    expect(summary.rows[1]).toMatchObject({ entity: 'institution', outcome: 'unchanged', id });
    const again = await importer.run(file, context(), { dryRun: false });
    expect(again.counts.created).toEqual({ institutions: 0, networks: 0, memberships: 0, anchors: 0 });
    expect(again.position).toBeUndefined();
  });

  it('waits for the institution read model to reach the head before it matches', async () => {
    const store = new InMemoryEventStore();
    await store.append('other', [{ id: newId(), type: 'Something', data: {}, metadata: metadataFor(context()) }], { expectedRevision: 'any' });
    const waited: number[] = [];
    const importer = new Importer({ eventStore: store, readStore: readStoreWith(), institutionsReadAt: async (p) => void waited.push(p) });
    await importer.run(file, context(), { dryRun: true });
    expect(waited).toEqual([1]);
  });

  it('plans again when another writer got in between, and gives up after three attempts (409)', async () => {
    const store = new InMemoryEventStore();
    const map = networkMapStream(DEPARTMENT, 'educational-district');
    const original = store.appendMany.bind(store);
    let interruptions = 1;
    jest.spyOn(store, 'appendMany').mockImplementation(async (appends: StreamAppend[]): Promise<AppendResult[]> => {
      if (interruptions-- > 0) {
        // A network of the same kind registered through the API meanwhile.
        await store.append(
          map,
          [{ id: newId(), type: 'NetworkRegistered', data: { networkId: newId(), department: DEPARTMENT, kind: 'educational-district', name: 'Школьный округ № 1', number: '1', description: null, website: null }, metadata: metadataFor(context()) }],
          { expectedRevision: 'any' },
        );
      }
      return original(appends);
    });
    const importer = new Importer({ eventStore: store, readStore: readStoreWith() });
    const summary = await importer.run(file, context(), { dryRun: false });
    expect(summary.counts.created.networks).toBe(1);
    expect((await store.readStream(map)).map((e) => e.type)).toEqual(['NetworkRegistered', 'NetworkRegistered', 'MemberAdmitted', 'MemberAdmitted', 'AnchorSet']);

    interruptions = 3;
    const other = readJsonImport({ networks: [{ name: 'Школьный округ № 5', kind: 'educational-district', members: [] }] });
    await expect(importer.run(other, context(), { dryRun: false })).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await store.readStream(map)).some((e) => (e.data as { name?: string }).name === 'Школьный округ № 5')).toBe(false);
  });

  it('on a store that appends stream after stream, reports as created what a failed attempt already wrote', async () => {
    const store = new InMemoryEventStore();
    Object.defineProperty(store, 'atomicMultiStreamAppend', { value: false });
    const map = networkMapStream(DEPARTMENT, 'educational-district');
    let interrupted = false;
    jest.spyOn(store, 'appendMany').mockImplementation(async (appends: StreamAppend[]) => {
      const results: AppendResult[] = [];
      for (const append of appends) {
        if (append.streamId === map && !interrupted) {
          interrupted = true;
          await store.append(map, [{ id: newId(), type: 'NetworkRegistered', data: { networkId: newId(), department: DEPARTMENT, kind: 'educational-district', name: 'Другой', number: null, description: null, website: null }, metadata: metadataFor(context()) }], { expectedRevision: 'any' });
        }
        results.push(await store.append(append.streamId, append.events, { expectedRevision: append.expectedRevision }));
      }
      return results;
    });
    const summary = await new Importer({ eventStore: store, readStore: readStoreWith() }).run(file, context(), { dryRun: false });
    expect(summary.counts.created).toEqual({ institutions: 2, networks: 1, memberships: 2, anchors: 1 });
    expect(summary.counts.unchanged).toEqual({ institutions: 0, networks: 0, memberships: 0, anchors: 0 });
  });
});
