import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CommandContext } from '@app/kernel';
import { ProjectionsService } from '@app/platform';
import { ApiProblems, Caller, IdPipe, WriteResultDto } from '@app/platform/http';
import { Access } from '@app/platform/access';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

export class RevokeApiKeyDto {
  @ApiProperty({ description: 'Why the key is revoked', example: 'Оператор звільнився', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api-keys')
export class RevokeApiKeyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Access('department-admin')
  @ApiOperation({ summary: 'Revoke a key of your department: refused (401) from this answer on, in every process (admins only)' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async revoke(
    @Param('keyId', IdPipe) keyId: string,
    @Body() body: RevokeApiKeyDto,
    @Caller() caller: CommandContext,
  ): Promise<WriteResultDto> {
    const result = await this.commands.execute(new RevokeApiKeyCommand(keyId, body.reason, { ...caller, reason: body.reason.trim() }));
    // The guard reads the key's stream, so the key is refused already; the list shows it once this answer arrives.
    await this.projections.waitFor(result.position, ['api-keys']);
    return result;
  }
}
