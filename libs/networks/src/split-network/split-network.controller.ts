import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { WriteResult } from '@app/kernel';
import { CurrentPrincipal, Principal } from '@app/identity';
import { Access } from '@app/identity';
import { ApiProblems, IdPipe, RequestContext, WriteResultDto, commandContextFrom } from '@app/platform/http';
import { SplitNetworkCommand } from './split-network.command';
import { SplitNetworkDto } from './split-network.dto';

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class SplitNetworkController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/split')
  @Access('records')
  @HttpCode(201)
  @ApiOperation({ summary: 'Split members off into a new network on a date; answers with the new network' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision of the network being split' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key gives the same answer and one change' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 404, 409, 412, 422)
  async split(
    @Param('id', IdPipe) id: string,
    @Body() body: SplitNetworkDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResultDto> {
    const result = await this.commands.execute<SplitNetworkCommand, WriteResult>(
      new SplitNetworkCommand(id, body, commandContextFrom(principal, request), request.ifMatch),
    );
    reply.header('Location', `/networks/${result.id}`);
    return result;
  }
}
