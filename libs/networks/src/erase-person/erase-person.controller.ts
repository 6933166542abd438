import { Body, Param, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { ErasePersonCommand } from './erase-person.command';
import { ErasePersonDto, ErasedPersonDto } from './erase-person.dto';

@ApiController('people', 'personal data')
export class ErasePersonController extends WriteController {
  @Post(':personId/erasure')
  @Access('department-admin')
  @WriteEndpoint({
    summary: 'Erase a person’s personal data on request; the history keeps that it was erased, by whom and why',
    idempotencyKey: false,
    response: ErasedPersonDto,
    problems: [400, 401, 403, 404],
  })
  erase(@Param('personId', IdPipe) personId: string, @Body() body: ErasePersonDto, @Caller() caller: CommandContext) {
    const reason = body.reason.trim();
    return this.commands.execute(new ErasePersonCommand(personId, { reason }, { ...caller, reason }));
  }
}
