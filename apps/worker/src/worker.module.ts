import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { allEventContracts, allJobsModules, allProjections, allReactors } from '@app/modules';
import { AppConfig, PlatformModule } from '@app/platform';

/**
 * The worker of the distributed profile: keeps every read model of the registry up to date
 * from the event store's global log, runs the reactors, and takes the queue's jobs (projection
 * rebuilds; reports, through the modules' jobs modules, with the queries their generators read).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CqrsModule.forRoot(),
        PlatformModule.forRoot({ config, projections: allProjections, reactors: allReactors, eventContracts: allEventContracts, runProjections: true }),
        ...allJobsModules,
      ],
    };
  }
}
