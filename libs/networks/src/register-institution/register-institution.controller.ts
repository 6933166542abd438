import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { WriteResult } from '@app/kernel';
import { CurrentPrincipal, Principal } from '@app/identity';
import { Access } from '@app/identity';
import { ApiProblems, RequestContext, WriteResultDto, commandContextFrom } from '@app/platform/http';
import { RegisterInstitutionCommand } from './register-institution.command';
import { RegisterInstitutionDto } from './register-institution.dto';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class RegisterInstitutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access('records')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an institution in your department' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key gives the same answer and one change' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 409, 422)
  async register(
    @Body() body: RegisterInstitutionDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResultDto> {
    const result = await this.commands.execute<RegisterInstitutionCommand, WriteResult>(
      new RegisterInstitutionCommand(body, commandContextFrom(principal, request)),
    );
    reply.header('Location', `/institutions/${result.id}`);
    return result;
  }
}
