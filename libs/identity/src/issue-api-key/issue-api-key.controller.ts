import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from '@app/platform';
import { CommandContext } from '@app/kernel';
import { ApiProblems, Caller } from '@app/platform/http';
import { Access } from '@app/platform/access';
import { IssueApiKeyCommand } from './issue-api-key.command';
import { IssueApiKeyDto, IssuedApiKeyDto } from './issue-api-key.dto';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api-keys')
export class IssueApiKeyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Post()
  @Access('department-admin')
  @ApiOperation({ summary: 'Issue an API key for an actor of your department (admins only)' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiProblems(400, 401, 403, 422)
  async issue(@Body() body: IssueApiKeyDto, @Caller() caller: CommandContext): Promise<IssuedApiKeyDto> {
    // The department is always the admin's own: the body cannot name another.
    const issued = await this.commands.execute(new IssueApiKeyCommand({ ...body, department: caller.department }, caller));
    // The key works as soon as it is recorded (the guard reads its stream); the list shows it once this answer arrives.
    await this.projections.waitFor(issued.position, ['api-keys']);
    return issued;
  }
}
