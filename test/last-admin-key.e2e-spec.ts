import { READ_STORE, ReadStore } from '@app/read-store';
import { ApiHarness } from './support/api-harness';
import { secondDepartmentAdmin } from './support/second-department';

/**
 * Holds the revocations' lookups of the department's admin keys until `count` of them are
 * waiting, so that every revocation has looked before any decides: the interleaving in which
 * each sees the other key still active. (In one process on SQLite the first request would
 * otherwise be decided before the second is read off its socket.) Released after `ms` at the
 * latest, so a change that no longer looks shows as `met: false`, not as a hang.
 */
const holdLookups = (readStore: ReadStore, count: number, ms = 2_000) => {
  const find = readStore.find.bind(readStore);
  const waiting: Array<() => void> = [];
  const barrier = { met: false, release: () => waiting.splice(0).forEach((go) => go()) };
  const timer = setTimeout(barrier.release, ms);
  readStore.find = async (collection, query) => {
    if (collection === 'api-keys' && waiting.length < count) {
      await new Promise<void>((go) => {
        waiting.push(go);
        if (waiting.length === count) {
          barrier.met = true;
          clearTimeout(timer);
          barrier.release();
        }
      });
    }
    return find(collection, query);
  };
  return { barrier, restore: () => { clearTimeout(timer); barrier.release(); readStore.find = find; } };
};

/**
 * A department keeps at least one active admin key, also when its last two are revoked at the
 * same time: each revocation sees the other key still active in that key's own stream, so they
 * must meet on a stream both append to (the department's), where one append fails and the
 * revocation is decided again on what the other recorded.
 */
describe('the last admin key under concurrent revocations', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  const ROUNDS = 20;

  it(`of two revocations of a department's last two admin keys sent at once, exactly one stands (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await secondDepartmentAdmin(api, `concurrent-admins-${round}`);
      const deputy = await api.as(first).post('/api-keys').send({ actorId: 'admin.deputy', role: 'admin', label: 'deputy admin' });
      expect(deputy.status).toBe(201);
      const keys = (await api.as(first).get('/api-keys')).body.items as Array<{ keyId: string }>;
      const firstId = keys.find((k) => k.keyId !== deputy.body.keyId)!.keyId;

      // Both revocations by the first admin's key, so both pass the guard whichever is decided first.
      const hold = holdLookups(api.app.get<symbol, ReadStore>(READ_STORE), 2);
      const [ofDeputy, ofFirst] = await Promise.all([
        api.as(first).post(`/api-keys/${deputy.body.keyId}/revoke`).send({ reason: 'concurrent revocation' }),
        api.as(first).post(`/api-keys/${firstId}/revoke`).send({ reason: 'concurrent revocation' }),
      ]).finally(hold.restore);
      expect({ round, bothLookedFirst: hold.barrier.met }).toEqual({ round, bothLookedFirst: true });

      expect({ round, statuses: [ofDeputy.status, ofFirst.status].sort() }).toEqual({ round, statuses: [200, 422] });
      const refused = ofDeputy.status === 422 ? ofDeputy : ofFirst;
      // The problem a lone revocation of the last admin key gets.
      expect(refused.body).toMatchObject({ status: 422, type: 'urn:okrug:problem:last-admin-key' });

      // The department keeps one active admin key, which works, and the list shows what happened.
      const survivor = ofDeputy.status === 200 ? first : deputy.body.secret;
      const listed = await api.as(survivor).get('/api-keys');
      expect(listed.status).toBe(200);
      const admins = (listed.body.items as Array<{ role: string; status: string }>).filter((k) => k.role === 'admin');
      expect(admins.map((k) => k.status).sort()).toEqual(['active', 'revoked']);
      // And that key is now the last: revoking it alone is refused as before.
      const survivorId = ofDeputy.status === 200 ? firstId : deputy.body.keyId;
      expect((await api.as(survivor).post(`/api-keys/${survivorId}/revoke`).send({ reason: 'x' })).body.type).toBe('urn:okrug:problem:last-admin-key');
    }
  }, 120_000);
});
