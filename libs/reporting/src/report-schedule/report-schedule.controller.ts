import { Body, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, Caller, CommandContext, ConsistencyQueryDto, IdPipe, WriteController, WriteEndpoint } from '@app/platform/http';
import { ChangeReportScheduleCommand, CreateReportScheduleCommand, RemoveReportScheduleCommand } from './report-schedule.commands';
import { ReportScheduleAnswerDto, ReportScheduleDto, ReportSchedulePageDto } from './report-schedule.dto';
import { GetReportScheduleQuery, ListReportSchedulesQuery, ReportScheduleAnswer, ReportSchedulePage } from './report-schedule-queries';

/** The department's report schedules: its settings, so admins write them; every role reads them. */
@ApiController('report-schedules')
export class ReportScheduleController extends WriteController {
  constructor(
    commands: CommandBus,
    private readonly queries: QueryBus,
  ) {
    super(commands);
  }

  @Post()
  @Access('department-admin')
  @WriteEndpoint({
    summary:
      'Make a report schedule of your department: a cron expression read in a time zone (0 6 25 10 * in Europe/Kyiv: every 25 October at 06:00), and at each slot a batch of every network’s annual analysis for the last period of its kind ended by the slot’s day; one batch per slot however many processes run',
    status: 201,
    location: '/report-schedules/:id',
    problems: [400, 401, 403, 409, 422],
  })
  create(@Body() body: ReportScheduleDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new CreateReportScheduleCommand(body, caller));
  }

  @Put(':id')
  @Access('department-admin')
  @WriteEndpoint({ summary: 'Set a report schedule as a whole (its cron and zone take effect from the next slot); 422 nothing-to-change when it already is this one', problems: [400, 401, 403, 404, 409, 422] })
  change(@Param('id', IdPipe) id: string, @Body() body: ReportScheduleDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new ChangeReportScheduleCommand(id, body, caller));
  }

  @Delete(':id')
  @Access('department-admin')
  @WriteEndpoint({ summary: 'Remove a report schedule: it runs no more; the batches it asked for stay', problems: [400, 401, 403, 404, 409] })
  remove(@Param('id', IdPipe) id: string, @Caller() caller: CommandContext) {
    return this.commands.execute(new RemoveReportScheduleCommand(id, {}, caller));
  }

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'Your department’s report schedules, oldest first' })
  @ApiOkResponse({ type: ReportSchedulePageDto })
  @ApiProblems(400, 401, 503)
  list(@Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<ReportSchedulePage> {
    return this.queries.execute(new ListReportSchedulesQuery(principal.department, query.consistentWith));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'One report schedule, with its next slots' })
  @ApiOkResponse({ type: ReportScheduleAnswerDto })
  @ApiProblems(400, 401, 404, 503)
  get(@Param('id', IdPipe) id: string, @Query() query: ConsistencyQueryDto, @CurrentPrincipal() principal: Principal): Promise<ReportScheduleAnswer> {
    return this.queries.execute(new GetReportScheduleQuery(principal.department, id, query.consistentWith));
  }
}
