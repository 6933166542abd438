import { DynamicModule } from '@nestjs/common';
import { allEventContracts, allJobsModules, allProjections, allReactors, okrugModules } from '@app/modules';
import { AppConfig, PLATFORM_OPTIONS, PlatformModule, PlatformOptions } from '@app/platform';
import { REACTOR_NAME } from '@app/read-store';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';

/** The platform options an app's root module composes. */
const platformOptionsOf = (root: DynamicModule): PlatformOptions => {
  const platform = (root.imports ?? []).find((imported) => (imported as DynamicModule).module === PlatformModule) as DynamicModule;
  const provider = (platform.providers ?? []).find((p) => (p as { provide?: unknown }).provide === PLATFORM_OPTIONS) as { useValue: PlatformOptions };
  return provider.useValue;
};

describe('the module registry', () => {
  const config = {} as AppConfig;

  it('gives every processor of every module a name of its own', () => {
    const names = [...allProjections, ...allReactors].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(allProjections).toEqual(okrugModules.flatMap((m) => m.projections));
    for (const reactor of allReactors) expect(reactor.name).toMatch(REACTOR_NAME);
  });

  it('is what the API and the worker both run, and the API imports every module of it', () => {
    for (const root of [AppModule.forRoot(config), AppModule.forRoot(config, { runProjections: false }), WorkerModule.forRoot(config)]) {
      const options = platformOptionsOf(root);
      expect(options.projections).toBe(allProjections);
      expect(options.reactors).toBe(allReactors);
      // Every module's events are upcast by what both apps (and the CLI, from the same list) open the store with.
      expect(options.eventContracts).toBe(allEventContracts);
    }
    expect(allEventContracts).toEqual(okrugModules.flatMap((m) => m.eventContracts));
    expect(okrugModules.map((m) => m.name)).toEqual(expect.arrayContaining(['identity', 'networks', 'events']));
    const api = AppModule.forRoot(config).imports ?? [];
    for (const module of okrugModules) expect(api).toContain(module.nestModule);
    // The worker takes the queue's jobs: it imports each module's jobs module (reporting's, for the reports).
    const worker = WorkerModule.forRoot(config).imports ?? [];
    expect(allJobsModules.length).toBeGreaterThanOrEqual(1);
    for (const module of allJobsModules) expect(worker).toContain(module);
    expect(okrugModules.find((m) => m.name === 'reporting')?.reactors.map((r) => r.name)).toEqual(['QueueReportOnReportRequested', 'RequestReportsOnReportBatchRequested']);
  });
});
