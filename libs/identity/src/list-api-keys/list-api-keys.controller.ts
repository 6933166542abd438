import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { ApiProblems } from '@app/platform/http';
import { IdentityService } from '../identity.service';
import { Access, CurrentPrincipal, Principal, ROLES, Role } from '@app/platform/access';

export class ListedApiKeyDto {
  @ApiProperty() keyId: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() label: string;
  @ApiPropertyOptional({ type: [String] }) networkIds?: string[];
  @ApiProperty() issuedAt: string;
  @ApiPropertyOptional() expiresAt?: string;
  @ApiProperty({ enum: ['active', 'revoked', 'expired'] }) status: string;
  @ApiPropertyOptional() revokedAt?: string;
  @ApiPropertyOptional() revokedReason?: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ListedApiKeyDto] }) items: ListedApiKeyDto[];
}

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ListApiKeysController {
  constructor(
    private readonly identity: IdentityService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access('audit')
  @ApiOperation({ summary: 'The keys of your department: who holds which role, since when, until when; never the secrets (admins and auditors)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiProblems(401, 403)
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyListDto> {
    return { items: await this.identity.list(principal.department, this.clock.now()) };
  }
}
