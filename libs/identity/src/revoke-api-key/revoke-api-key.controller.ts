import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { RevokeApiKeyCommand } from './revoke-api-key.command';
import { RevokeApiKeyDto } from './revoke-api-key.dto';

@ApiController('api-keys', 'api keys')
export class RevokeApiKeyController extends WriteController {
  @Post(':keyId/revoke')
  @Access('department-admin')
  @WriteEndpoint({
    summary: 'Revoke a key of your department: refused (401) from this answer on, in every process (admins only)',
    idempotencyKey: false,
    problems: [400, 401, 403, 404, 422],
  })
  revoke(@Param('keyId', IdPipe) keyId: string, @Body() body: RevokeApiKeyDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RevokeApiKeyCommand(keyId, body, { ...caller, reason: body.reason.trim() }));
  }
}
