import { DynamicModule, Module, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { allEventContracts, allProjections, allReactors, okrugModules } from '@app/modules';
import { Clock } from '@app/kernel';
import { AppConfig, PlatformModule } from '@app/platform';
import { HealthController } from './operations/health.controller';
import { ProjectionsController } from './operations/projections.controller';

@Module({})
export class AppModule {
  /**
   * The HTTP API: every module of the registry. In the embedded profile it also runs the
   * projections, reactors and jobs; with `runProjections: false` a worker process does
   * (distributed profile). `imports`: more modules beside the registry's (a test's report generator).
   */
  static forRoot(config: AppConfig, options: { runProjections: boolean; clock?: Clock; imports?: readonly (Type<unknown> | DynamicModule)[] } = { runProjections: true }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PlatformModule.forRoot({ config, projections: allProjections, reactors: allReactors, eventContracts: allEventContracts, runProjections: options.runProjections, clock: options.clock }),
        ...okrugModules.map((module) => module.nestModule),
        ...(options.imports ?? []),
      ],
      controllers: [HealthController, ProjectionsController],
    };
  }
}
