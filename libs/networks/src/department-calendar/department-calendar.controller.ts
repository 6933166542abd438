import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Clock, CommandContext, academicYearOf, toIsoDate } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { Access, CurrentPrincipal, Principal } from '@app/platform/access';
import { ApiProblems, Caller, WriteResultDto } from '@app/platform/http';
import { DepartmentCalendar } from './department-calendar.service';
import { SetAcademicYearStartCommand } from './set-academic-year-start.command';

export class AcademicYearStartDto {
  @ApiProperty({ minimum: 1, maximum: 12, example: 9 }) @IsInt() @Min(1) @Max(12) month: number;
  @ApiProperty({ minimum: 1, maximum: 31, example: 1 }) @IsInt() @Min(1) @Max(31) day: number;
}

export class AcademicCalendarDto {
  @ApiProperty() department: string;
  @ApiProperty({ type: AcademicYearStartDto }) academicYearStart: AcademicYearStartDto;
  @ApiProperty({ example: '2026/2027' }) currentAcademicYear: string;
}

@ApiTags('department')
@ApiBearerAuth()
@Controller('department/academic-year')
export class DepartmentCalendarController {
  constructor(
    private readonly calendar: DepartmentCalendar,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
  @ApiOperation({ summary: 'Set the day your department’s academic year starts; periods such as 2020/2021 follow it' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiProblems(400, 401, 403, 422)
  set(@Body() body: AcademicYearStartDto, @Caller() caller: CommandContext): Promise<WriteResultDto> {
    return this.commands.execute(new SetAcademicYearStartCommand({ month: body.month, day: body.day }, caller));
  }
}
