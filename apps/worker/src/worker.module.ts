import { DynamicModule, Module } from '@nestjs/common';
import { identityEvents, identityProjections } from '@app/identity';
import { networksEvents, networksProjections } from '@app/networks';
import { personEvents } from '@app/personal-data';
import { AppConfig, PlatformModule } from '@app/platform';

/**
 * The worker of the distributed profile: keeps every read model up to date from the event
 * store's global log and takes the queue's jobs (projection rebuilds, later reports).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({
          config,
          projections: [...identityProjections, ...networksProjections],
          eventContracts: [identityEvents, networksEvents, personEvents],
          runProjections: true,
        }),
      ],
    };
  }
}
