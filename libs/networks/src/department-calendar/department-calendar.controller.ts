import { Body, Get, Inject, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Clock, academicYearOf, toIsoDate } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiController, ApiProblems, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { AcademicCalendarDto, AcademicYearStartDto } from './department-calendar.dto';
import { DepartmentCalendar } from './department-calendar.service';
import { SetAcademicYearStartCommand } from './set-academic-year-start.command';

@ApiController('department/academic-year', 'department')
export class DepartmentCalendarController extends WriteController {
  constructor(
    commands: CommandBus,
    private readonly calendar: DepartmentCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(commands);
  }

  @Get()
  @Access('read')
  @ApiOperation({ summary: 'When your department’s academic year starts (1 September by default) and which year runs now' })
  @ApiOkResponse({ type: AcademicCalendarDto })
  @ApiProblems(401)
  async get(@CurrentPrincipal() principal: Principal): Promise<AcademicCalendarDto> {
    const start = await this.calendar.yearStart(principal.department);
    return { department: principal.department, academicYearStart: start, currentAcademicYear: academicYearOf(toIsoDate(this.clock.now()), start).label };
  }

  @Put()
  @Access('department-admin')
  @WriteEndpoint({
    summary: 'Set the day your department’s academic year starts; periods such as 2020/2021 follow it',
    idempotencyKey: false,
    problems: [400, 401, 403, 422],
  })
  set(@Body() body: AcademicYearStartDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new SetAcademicYearStartCommand(body, caller));
  }
}
