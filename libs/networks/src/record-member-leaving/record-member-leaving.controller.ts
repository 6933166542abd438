import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WriteResult } from '@app/kernel';
import { CurrentPrincipal, Principal } from '@app/identity';
import { Access } from '@app/identity';
import { ApiProblems, IdPipe, RequestContext, WriteResultDto, commandContextFrom } from '@app/platform/http';
import { RecordMemberLeavingCommand } from './record-member-leaving.command';
import { RecordMemberLeavingDto } from './record-member-leaving.dto';

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class RecordMemberLeavingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/members/:institutionId/leave')
  @Access('records')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a member leaves the network on a date, with a reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The network revision you last read (ETag); a newer one answers 412' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key gives the same answer and one change' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 404, 409, 412, 422)
  async handle(
    @Param('id', IdPipe) id: string,
    @Param('institutionId', IdPipe) institutionId: string,
    @Body() body: RecordMemberLeavingDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
  ): Promise<WriteResultDto> {
    return this.commands.execute<RecordMemberLeavingCommand, WriteResult>(
      new RecordMemberLeavingCommand(id, institutionId, body, commandContextFrom(principal, request), request.ifMatch),
    );
  }
}
