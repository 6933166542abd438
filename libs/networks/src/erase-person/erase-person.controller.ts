import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@app/identity';
import { Access } from '@app/identity';
import { ApiProblems, IdPipe, RequestContext, commandContextFrom } from '@app/platform/http';
import { ErasePersonCommand, PersonErasure } from './erase-person.command';
import { ErasePersonDto, ErasedPersonDto } from './erase-person.dto';

@ApiTags('personal data')
@ApiBearerAuth()
@Controller('people')
export class ErasePersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':personId/erasure')
  @Access('department-admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erase a person’s personal data on request; the history keeps that it was erased, by whom and why' })
  @ApiOkResponse({ type: ErasedPersonDto })
  @ApiProblems(400, 401, 403, 404)
  erase(
    @Param('personId', IdPipe) personId: string,
    @Body() body: ErasePersonDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
  ): Promise<ErasedPersonDto> {
    const reason = body.reason.trim();
    return this.commands.execute<ErasePersonCommand, PersonErasure>(new ErasePersonCommand(personId, reason, commandContextFrom(principal, request, reason)));
  }
}
