import { ReadModelReader, UndeclaredReadModel, readModelsFor } from './read-models';
import { ReadStore } from './read-store.port';

const schools = { name: 'school-list', collection: 'schools' };
const districts = { name: 'district-list', collection: 'districts' };

class ListSchools {
  static readonly reads = [schools];
}
class ListDistrictsWithSchools {
  static readonly reads = [districts, schools];
}
class Undeclared {}

/** A read store that answers every read with the collection it was asked for. */
const store = {
  get: async (collection: string, id: string) => ({ id, collection }),
  find: async (collection: string) => [{ id: 'x', collection }],
  count: async () => 1,
} as unknown as ReadStore;

describe('read models a query declares', () => {
  it('waits for exactly the declared read models, and only when asked to be consistent', async () => {
    const waits: [number, string[]][] = [];
    const waitFor = async (position: number, names: string[]) => void waits.push([position, names]);
    await readModelsFor(store, waitFor, new ListDistrictsWithSchools(), 42);
    await readModelsFor(store, waitFor, new ListSchools(), undefined);
    expect(waits).toEqual([[42, ['district-list', 'school-list']]]);
  });

  it('reads a declared read model through its collection', async () => {
    const read = await readModelsFor(store, async () => undefined, new ListDistrictsWithSchools(), undefined);
    expect(await read.get(districts, 'd1')).toEqual({ id: 'd1', collection: 'districts' });
    expect(await read.find(schools)).toEqual([{ id: 'x', collection: 'schools' }]);
    expect(await read.page(schools, { offset: 0, limit: 10 })).toMatchObject({ items: [{ collection: 'schools' }], total: 1 });
  });

  it('refuses a read model the query did not declare, naming the query', async () => {
    const read = await readModelsFor(store, async () => undefined, new ListSchools(), 42);
    await expect(async () => read.get(districts, 'd1')).rejects.toThrow(UndeclaredReadModel);
    expect(() => read.count(districts)).toThrow(/ListSchools reads the read model district-list without declaring it/);
    // The same name over another collection is not the declared read model either.
    expect(() => new ReadModelReader(store, [schools], 'ListSchools').find({ name: 'school-list', collection: 'districts' })).toThrow(UndeclaredReadModel);
  });

  it('refuses a query that declares nothing, before waiting', async () => {
    const waitFor = jest.fn(async () => undefined);
    await expect(readModelsFor(store, waitFor, new Undeclared(), 42)).rejects.toThrow(/Undeclared does not declare the read models it reads/);
    expect(waitFor).not.toHaveBeenCalled();
  });
});
