import { describeWithServer, redisServerBinary, startRedisServer } from '@app/testing';
import { ApiHarness } from './support/api-harness';
import { TestInstallation } from './support/profile';

describeWithServer(
  'the API with Bull on Redis as its job queue',
  redisServerBinary(),
  'no redis-server binary on this machine (apt-get install -y redis-server); the Bull profile e2e needs one',
  () => {
    let redis: Awaited<ReturnType<typeof startRedisServer>>;
    let api: ApiHarness;
    beforeAll(async () => {
      redis = await startRedisServer();
      api = await ApiHarness.start({}, TestInstallation.create({ redisUrl: redis!.url }));
    });
    afterAll(async () => {
      await api?.stop();
      await redis?.stop();
    });

    it('reports the Bull queue in health', async () => {
      const res = await api.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body.profile.queue).toBe('bull');
      expect(res.body.queue).toMatchObject({ status: 'up', kind: 'bull' });
    });

    it('runs a requested projection rebuild as a Bull job', async () => {
      const registered = await api.as().post('/institutions').send({ fullName: 'Ремонтненская гимназия № 1', shortName: 'Гимназия № 1', kind: 'gymnasium', settlement: 'с. Ремонтное' });
      expect(registered.status).toBe(201);
      const job = await api.as().post('/projections/institution-list/rebuild');
      expect(job.status).toBe(202);
      expect(job.body.queue).toBe('projection-rebuild');
      let status = job.body;
      for (let i = 0; i < 200 && status.state !== 'completed' && status.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await api.as().get(`/projections/rebuilds/${job.body.id}`)).body;
      }
      expect(status).toMatchObject({ state: 'completed', result: { projection: 'institution-list', generation: 2 } });
      const list = await api.as().get('/institutions');
      expect(list.body.items.map((i: { shortName: string }) => i.shortName)).toEqual(['Гимназия № 1']);
    });
  },
);
