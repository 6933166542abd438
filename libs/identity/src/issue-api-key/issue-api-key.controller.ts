import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { IssueApiKeyCommand } from './issue-api-key.command';
import { IssueApiKeyDto, IssuedApiKeyDto } from './issue-api-key.dto';

@ApiController('api-keys', 'api keys')
export class IssueApiKeyController extends WriteController {
  @Post()
  @Access('department-admin')
  @WriteEndpoint({
    summary: 'Issue an API key for an actor of your department (admins only)',
    status: 201,
    idempotencyKey: 'Repeat a request safely: a repeat with the same key issues no second key and answers 409 idempotency-key-reused with the keyId of the first (whose secret was shown once)',
    response: IssuedApiKeyDto,
    problems: [400, 401, 403, 409, 422],
  })
  issue(@Body() body: IssueApiKeyDto, @Caller() caller: CommandContext) {
    // The department is always the admin's own: the body cannot name another.
    return this.commands.execute(new IssueApiKeyCommand({ ...body, department: caller.department }, caller));
  }
}
