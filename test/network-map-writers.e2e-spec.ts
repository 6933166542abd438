import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApi } from '../apps/api/src/create-app';
import { ADMIN_KEY, ApiHarness } from './support/api-harness';

/**
 * Two API instances on one data directory, as two processes sharing a store would be: each keeps
 * its own folded network maps, and each must see what the other appended before deciding.
 */
describe('network commands through two API instances sharing one store', () => {
  let one: ApiHarness;
  let two: NestFastifyApplication;

  const on = (app: NestFastifyApplication) => ({
    post: (url: string, body: object, headers: Record<string, string> = {}) =>
      request(app.getHttpServer()).post(url).set({ Authorization: `Bearer ${ADMIN_KEY}`, ...headers }).send(body),
  });

  beforeAll(async () => {
    one = await ApiHarness.start();
    // The second instance runs no projections: the first one does, as a worker would.
    ({ app: two } = await createApi(one.config, { runProjections: false }));
  });

  afterAll(async () => {
    await two?.close();
    await one?.stop();
  });

  it('refuses on one instance what the other made impossible, and keeps ETags and keys across both', async () => {
    const a = on(one.app);
    const b = on(two);
    const school = async (name: string) =>
      (await a.post('/institutions', { fullName: `${name} м. Бахмут`, shortName: name, kind: 'general-school', settlement: 'Бахмут' })).body.id as string;
    const contested = await school('Спірна школа');
    const first = await school('ЗОШ № 1');
    const second = await school('ЗОШ № 2');
    const districtA = (await a.post('/networks', { name: 'Округ А', kind: 'educational-district' })).body.id as string;
    const districtB = (await b.post('/networks', { name: 'Округ Б', kind: 'educational-district' })).body.id as string;

    // Both instances fold the map before either admits the contested school.
    const seenByTwo = await b.post(`/networks/${districtB}/members`, { institutionId: first, role: 'member', from: '2024-09-01' });
    expect(seenByTwo.status).toBe(200);
    expect((await a.post(`/networks/${districtA}/members`, { institutionId: second, role: 'member', from: '2024-09-01' })).status).toBe(200);

    const admitted = await a.post(`/networks/${districtA}/members`, { institutionId: contested, role: 'member', from: '2024-09-01' }, { 'Idempotency-Key': 'contested-once' });
    expect(admitted.status).toBe(200);
    const refused = await b.post(`/networks/${districtB}/members`, { institutionId: contested, role: 'member', from: '2024-09-01' });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/one-network-per-kind/);

    // The second instance's copy of district A is stale; its copy of district B is not.
    const stale = await b.post(`/networks/${districtA}/rename`, { name: 'Округ А-1', renamedOn: '2024-09-01' }, { 'If-Match': `"${seenByTwo.body.revision - 1}"` });
    expect(stale.status).toBe(412);
    const fresh = await b.post(`/networks/${districtB}/rename`, { name: 'Округ Б-1', renamedOn: '2024-09-01' }, { 'If-Match': `"${seenByTwo.body.revision}"` });
    expect(fresh.status).toBe(200);

    // A key used on the first instance answers the same on the second, appending nothing.
    const repeated = await b.post(`/networks/${districtA}/members`, { institutionId: contested, role: 'member', from: '2024-09-01' }, { 'Idempotency-Key': 'contested-once' });
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(admitted.body);
  });
});
