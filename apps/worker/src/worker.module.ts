import { DynamicModule, Module } from '@nestjs/common';
import { allEventContracts, allProjections, allReactors } from '@app/modules';
import { AppConfig, PlatformModule } from '@app/platform';

/**
 * The worker of the distributed profile: keeps every read model of the registry up to date
 * from the event store's global log, runs the reactors, and takes the queue's jobs (projection
 * rebuilds, later reports).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot({ config, projections: allProjections, reactors: allReactors, eventContracts: allEventContracts, runProjections: true })],
    };
  }
}
