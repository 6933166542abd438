import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@app/platform/access';
import { CommandContext } from '@app/kernel';
import { ApiProblems, Caller, IdPipe } from '@app/platform/http';
import { ErasePersonCommand } from './erase-person.command';
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
    @Caller() caller: CommandContext,
  ): Promise<ErasedPersonDto> {
    const reason = body.reason.trim();
    return this.commands.execute(new ErasePersonCommand(personId, reason, { ...caller, reason }));
  }
}
