import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleViolated } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ProjectionsService } from '@app/platform/projections.service';
import { ApiProblems, RequestContext, commandContextFrom } from '@app/platform/http';
import { READ_STORE, ReadStore } from '@app/read-store/read-store.port';
import { IdentityService } from '../identity.service';
import { Access, CurrentPrincipal, Principal } from '../principal';
import { IssueApiKeyDto, IssuedApiKeyDto } from './issue-api-key.dto';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api-keys')
export class IssueApiKeyController {
  constructor(
    private readonly identity: IdentityService,
    private readonly projections: ProjectionsService,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @Access('department-admin')
  @ApiOperation({ summary: 'Issue an API key for an actor of your department (admins only)' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiProblems(400, 401, 403, 422)
  async issue(@Body() body: IssueApiKeyDto, @CurrentPrincipal() principal: Principal, @RequestContext() request: RequestContext): Promise<IssuedApiKeyDto> {
    // A network head's key names networks of this department only, as far as the log is written now.
    if (body.networkIds?.length) await this.projections.waitFor(await this.store.headPosition(), ['network-list']);
    for (const networkId of body.networkIds ?? []) {
      const network = (await this.readStore.get('networks', networkId)) as { department?: string } | null;
      if (network?.department !== principal.department) {
        throw new RuleViolated('network-not-registered', `network ${networkId} is not a network of your department`);
      }
    }
    const context = commandContextFrom(principal, request);
    // The department is always the admin's own: the body cannot name another.
    const issued = await this.identity.issue({ ...body, department: principal.department }, context);
    // The key works as soon as it is recorded (the guard reads its stream); the list shows it once this answer arrives.
    await this.projections.waitFor(issued.position, ['api-keys']);
    return issued;
  }
}
