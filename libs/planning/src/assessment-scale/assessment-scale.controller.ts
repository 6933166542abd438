import { Body, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { AssessmentScaleAnswerDto, AssessmentScaleDto } from './assessment-scale.dto';
import { AssessmentScaleAnswer, GetAssessmentScaleQuery } from './get-assessment-scale.query';
import { SetAssessmentScaleCommand } from './set-assessment-scale.command';

/** The department's assessment scale, as the department's academic-year start is set and read (`/department/academic-year`). */
@ApiController('department/assessment-scale', 'department')
export class AssessmentScaleController extends WriteController {
  constructor(
    commands: CommandBus,
    private readonly queries: QueryBus,
  ) {
    super(commands);
  }

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'The scale your department’s plans are closed on: its own, or the default one (isDefault) until it sets one' })
  @ApiOkResponse({ type: AssessmentScaleAnswerDto })
  @ApiProblems(401)
  get(@CurrentPrincipal() principal: Principal): Promise<AssessmentScaleAnswer> {
    return this.queries.execute(new GetAssessmentScaleQuery(principal.department));
  }

  @Put()
  @Access('department-admin')
  @WriteEndpoint({
    summary: 'Set your department’s assessment scale, as a whole: its grades in order, each a code and its uk/ru/en words; closings from now on are assessed on it',
    problems: [400, 401, 403, 422],
  })
  set(@Body() body: AssessmentScaleDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new SetAssessmentScaleCommand(body, caller));
  }
}
