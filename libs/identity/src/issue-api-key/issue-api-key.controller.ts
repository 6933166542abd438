import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from '@app/platform/projections.service';
import { ApiProblems, RequestContext, commandContextFrom } from '@app/platform/http';
import { IdentityService } from '../identity.service';
import { AllowRoles, CurrentPrincipal, Principal } from '../principal';
import { IssueApiKeyDto, IssuedApiKeyDto } from './issue-api-key.dto';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api-keys')
export class IssueApiKeyController {
  constructor(
    private readonly identity: IdentityService,
    private readonly projections: ProjectionsService,
  ) {}

  @Post()
  @AllowRoles('admin')
  @ApiOperation({ summary: 'Issue an API key for an actor of your department (admins only)' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiProblems(400, 401, 403)
  async issue(@Body() body: IssueApiKeyDto, @CurrentPrincipal() principal: Principal, @RequestContext() request: RequestContext): Promise<IssuedApiKeyDto> {
    const context = commandContextFrom(principal, request);
    const issued = await this.identity.issue({ ...body, department: principal.department }, context);
    // The key works as soon as the answer arrives: wait until the key read model has it.
    await this.projections.waitFor(issued.position, ['api-keys']);
    return issued;
  }
}
