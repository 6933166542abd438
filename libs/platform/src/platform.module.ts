import { HealthParts } from './health-parts';
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, SomeEventContracts, systemClock } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { JOB_QUEUE, JobQueue } from '@app/jobs';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';
import { openPersonalDataVault } from '@app/personal-data';
import { Projection } from '@app/read-store';
import { Reactor } from '@app/read-store';
import { READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig } from './config/app-config';
import { openEventStore, openJobQueue, openReadStore } from './open-stores';
import { APP_CONFIG, CLOCK } from './platform.tokens';
import { ProjectionsService } from './projections.service';
import { ReadModels } from './read-models.service';
import { RequestDrain } from './http/request-drain';

export interface PlatformOptions {
  config: AppConfig;
  /** Every projection of every module (the registry's `allProjections`): the runner keeps a checkpoint for each. */
  projections: readonly Projection[];
  /** Every reactor of every module (the registry's `allReactors`); they run where the projections run. */
  reactors?: readonly Reactor[];
  /** The event contracts of every module (the registry's `allEventContracts`): their upcasters apply to every event read. */
  eventContracts: readonly SomeEventContracts[];
  /** Whether this process runs the projections and reactors (the API does in the embedded profile; the worker always). */
  runProjections: boolean;
  /** The clock of domain time (when a request was received, what "today" is); the system's unless a test fixes it. */
  clock?: Clock;
}

export const PLATFORM_OPTIONS = 'PlatformOptions';

/**
 * Starts the projections once the application is up, and on shutdown (after RequestDrain has
 * let the requests in flight finish and the HTTP server has closed) flushes them and closes
 * the stores in order.
 */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('platform');
  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    private readonly projections: ProjectionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.runProjections) await this.projections.start();
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log({ msg: 'shutting down', signal: signal ?? null });
    await this.projections.stop();
    await this.queue.close();
    await this.vault.close();
    await this.readStore.close();
    await this.eventStore.close();
    this.logger.log({ msg: 'stores closed' });
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config, options.eventContracts) },
        { provide: READ_STORE, useFactory: () => openReadStore(config) },
        { provide: JOB_QUEUE, useFactory: () => openJobQueue(config) },
        {
          provide: PERSONAL_DATA_VAULT,
          useFactory: () => openPersonalDataVault({ sqliteFile: config.mongodbUrl ? undefined : config.databaseFile, mongodbUrl: config.mongodbUrl }),
        },
        ProjectionsService,
        ReadModels,
        PlatformLifecycle,
        RequestDrain,
        HealthParts,
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE, READ_STORE, JOB_QUEUE, PERSONAL_DATA_VAULT, ProjectionsService, ReadModels, PLATFORM_OPTIONS, RequestDrain, HealthParts],
    };
  }
}
