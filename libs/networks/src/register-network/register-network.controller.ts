import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { WriteResult } from '@app/kernel';
import { CurrentPrincipal, Principal } from '@app/identity';
import { Access } from '@app/identity';
import { ApiProblems, RequestContext, WriteResultDto, commandContextFrom } from '@app/platform/http';
import { RegisterNetworkCommand } from './register-network.command';
import { RegisterNetworkDto } from './register-network.dto';

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class RegisterNetworkController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access('records')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a network: an educational district, a council of heads, a partnership' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key gives the same answer and one change' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 409, 422)
  async register(
    @Body() body: RegisterNetworkDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResultDto> {
    const result = await this.commands.execute<RegisterNetworkCommand, WriteResult>(new RegisterNetworkCommand(body, commandContextFrom(principal, request)));
    reply.header('Location', `/networks/${result.id}`);
    return result;
  }
}
