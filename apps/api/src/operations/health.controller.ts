import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Public } from '@app/platform/access';
import { JOB_QUEUE, JobQueue } from '@app/jobs';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data';
import { APP_CONFIG, AppConfig, HealthParts, ProjectionsService, profileOf } from '@app/platform';
import { READ_STORE, ReadStore } from '@app/read-store';

interface PartHealth {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

const probe = async (check: () => Promise<Record<string, unknown>>): Promise<PartHealth> => {
  try {
    return { status: 'up', ...(await check()) };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
};

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    private readonly projections: ProjectionsService,
    private readonly parts: HealthParts,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Health of each part: event store, read store, queue, personal-data vault, the modules’ own stores (the reports’ artifacts), and projection and reactor lag (no key needed)' })
  @ApiOkResponse({ description: 'Every part is up' })
  @ApiServiceUnavailableResponse({ description: 'A part is down, or a projection or reactor failed' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [eventStore, readStore, queue, personalData, ...own] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.readStore.ping()),
      probe(() => this.queue.ping()),
      probe(() => this.vault.ping()),
      ...this.parts.list().map((part) => probe(() => part.ping())),
    ]);
    const modules = Object.fromEntries(this.parts.list().map((part, i) => [part.name, own[i]]));
    const failure = (error: Error) => [{ name: '*', state: 'failed', error: error.message }];
    const [projections, reactors] = await Promise.all([this.projections.status().catch(failure), this.projections.reactorStatus().catch(failure)]);
    const failed = [...projections, ...reactors].some((p) => p.state === 'failed');
    const down = [eventStore, readStore, queue, personalData, ...own].some((p) => p.status === 'down');
    const status = down || failed ? 'down' : 'up';
    reply.status(status === 'up' ? 200 : 503);
    return { status, profile: profileOf(this.config), eventStore, readStore, queue, personalData, ...modules, projections, reactors };
  }
}
