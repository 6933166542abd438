import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IdentityModule, identityEvents, identityProjections } from '@app/identity';
import { NetworksModule, networksEvents, networksProjections } from '@app/networks';
import { personEvents } from '@app/personal-data';
import { AppConfig, PlatformModule } from '@app/platform';
import { HealthController } from './operations/health.controller';
import { ProjectionsController } from './operations/projections.controller';

/** Every projection of every module; the runner keeps a checkpoint for each. */
export const allProjections = [...identityProjections, ...networksProjections];

/** The event contracts of every module: the event store upcasts what it reads by them. */
export const allEventContracts = [identityEvents, networksEvents, personEvents];

@Module({})
export class AppModule {
  /**
   * The HTTP API. In the embedded profile it also runs the projections and jobs; with
   * `runProjections: false` a worker process does (distributed profile).
   */
  static forRoot(config: AppConfig, options: { runProjections: boolean } = { runProjections: true }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PlatformModule.forRoot({ config, projections: allProjections, eventContracts: allEventContracts, runProjections: options.runProjections }),
        IdentityModule,
        NetworksModule,
      ],
      controllers: [HealthController, ProjectionsController],
    };
  }
}
