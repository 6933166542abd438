import { Body, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { ReportLanguageAnswerDto, ReportLanguageDto } from './report-language.dto';
import { SetReportLanguageCommand } from './report-language.commands';
import { GetReportLanguageQuery, ReportLanguageAnswer } from './report-language.query';

/** The department's report language, set and read as its assessment scale is (`/department/assessment-scale`). */
@ApiController('department/report-language', 'department')
export class ReportLanguageController extends WriteController {
  constructor(
    commands: CommandBus,
    private readonly queries: QueryBus,
  ) {
    super(commands);
  }

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'The language your department’s reports are written in when a request names none; null (isSet false) until it sets one' })
  @ApiOkResponse({ type: ReportLanguageAnswerDto })
  @ApiProblems(401)
  get(@CurrentPrincipal() principal: Principal): Promise<ReportLanguageAnswer> {
    return this.queries.execute(new GetReportLanguageQuery(principal.department));
  }

  @Put()
  @Access('department-admin')
  @WriteEndpoint({
    summary: 'Set the language (uk, ru, en) your department’s reports, batches and schedules are written in when they name none; a request that names one is written in it',
    problems: [400, 401, 403, 422],
  })
  set(@Body() body: ReportLanguageDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new SetReportLanguageCommand(body, caller));
  }
}
