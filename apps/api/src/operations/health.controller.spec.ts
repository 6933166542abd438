import type { FastifyReply } from 'fastify';
import type { EventStore } from '@app/event-store';
import type { JobQueue } from '@app/jobs';
import type { PersonalDataVault } from '@app/personal-data/personal-data-vault.port';
import { AppConfig, HealthParts, ProjectionsService, ReactorStatusView } from '@app/platform';
import type { ReadStore } from '@app/read-store/read-store.port';
import { HealthController } from './health.controller';

/** Health with every store up and the processors as given. */
const healthWith = async (reactors: ReactorStatusView[], parts = new HealthParts()) => {
  const up = { ping: async () => ({ kind: 'test', head: 3 }) };
  const projections = {
    status: async () => [{ name: 'institution-list', generation: 1, position: 3, head: 3, lag: 0, state: 'live' }],
    reactorStatus: async () => reactors,
  } as unknown as ProjectionsService;
  const controller = new HealthController({} as AppConfig, up as unknown as EventStore, up as unknown as ReadStore, up as unknown as JobQueue, up as unknown as PersonalDataVault, projections, parts);
  let code = 0;
  const reply = { status: (c: number) => (code = c) } as unknown as FastifyReply;
  const body = await controller.health(reply);
  return { code, body };
};

describe('health with reactors', () => {
  it('lists each reactor with its lag, and is up while none has failed', async () => {
    const { code, body } = await healthWith([{ name: 'GreetOnSchoolOpened', position: 3, head: 3, lag: 0, state: 'live' }]);
    expect(code).toBe(200);
    expect(body).toMatchObject({ status: 'up', reactors: [{ name: 'GreetOnSchoolOpened', lag: 0, state: 'live' }] });
  });

  it('is down when a reactor has failed, and says why', async () => {
    const { code, body } = await healthWith([{ name: 'GreetOnSchoolOpened', position: 2, head: 3, lag: 1, state: 'failed', error: 'cannot greet' }]);
    expect(code).toBe(503);
    expect(body).toMatchObject({ status: 'down', reactors: [{ state: 'failed', error: 'cannot greet' }] });
  });

  it('asks the parts the modules registered (the reports’ artifacts), and is down when one is, saying why', async () => {
    const parts = new HealthParts();
    parts.register({ name: 'artifacts', ping: async () => ({ kind: 'files' }) });
    expect(await healthWith([], parts)).toMatchObject({ code: 200, body: { status: 'up', artifacts: { status: 'up', kind: 'files' } } });
    const broken = new HealthParts();
    broken.register({ name: 'artifacts', ping: async () => { throw new Error('artifacts directory not writable'); } });
    expect(await healthWith([], broken)).toMatchObject({ code: 503, body: { status: 'down', artifacts: { status: 'down', error: 'artifacts directory not writable' } } });
    expect(() => broken.register({ name: 'artifacts', ping: async () => ({}) })).toThrow(/registered already/);
  });
});
