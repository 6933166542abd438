import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsIn, IsObject, IsOptional, IsUUID, ValidateBy, ValidateIf, ValidateNested, ValidationArguments, buildMessage } from 'class-validator';
import { REPORTING_PERIOD_KINDS, ReportingPeriod, isIsoDate, parseReportingPeriod } from '@app/kernel';
import {
  MAX_MONITORING_YEARS,
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_LANGUAGES,
  ReportFormat,
  ReportKind,
  ReportLanguage,
  YearRange,
} from '../report/report.events';
import type { RequestReportInput } from './request-report.command';

/*
 * What `POST /reports` takes: the kind of report, its format, and the parameters of that kind,
 * each kind's checked field by field by its own class (`parameters.<field>`). A period is
 * checked by the kernel in the handler, as the plans' are.
 */

/** A day written YYYY-MM-DD, or a log position (a whole number from 0). */
const IsDayOrPosition = (): PropertyDecorator =>
  ValidateBy({
    name: 'isDayOrPosition',
    validator: {
      validate: (value) => isIsoDate(value) || (Number.isSafeInteger(value) && (value as number) >= 0),
      defaultMessage: buildMessage(() => 'asOf must be a day written YYYY-MM-DD or a log position (a whole number from 0)'),
    },
  });

const LANGUAGE = {
  enum: REPORT_LANGUAGES,
  example: 'uk',
  nullable: true,
  description: 'The language it is written in; left out: the department’s (PUT /department/report-language), recorded with the request',
} as const;

/** `asOf`, the same for every kind: its schema, and its check (400 `parameters.asOf`). */
const AsOf = (description: string): PropertyDecorator => {
  const schema = ApiPropertyOptional({
    oneOf: [{ type: 'string', format: 'date', example: '2021-06-30' }, { type: 'integer', minimum: 0, example: 1200 }],
    nullable: true,
    description,
  });
  return applyDecorators(schema, IsOptional(), IsDayOrPosition());
};

/** A reporting period as the request takes it, checked as a whole by the kernel (`parameters.period.kind`, `.academicYear`, `.year`). */
export class ReportPeriodDto {
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS, example: 'academic-year' }) kind: 'academic-year' | 'calendar-year';
  @ApiPropertyOptional({ description: 'For kind academic-year', example: '2020/2021' }) academicYear?: string;
  @ApiPropertyOptional({ description: 'For kind calendar-year', example: 2021 }) year?: number;
}

/** An annual analysis: of a network, for a period. */
export class AnnualAnalysisParametersDto {
  @ApiProperty({ format: 'uuid', description: 'The network the analysis is of' }) @IsUUID() networkId: string;
  @ApiProperty({ type: ReportPeriodDto, description: 'The period: an academic year, or a calendar year for a network that reports so' }) @IsObject() period: ReportingPeriod;
  @ApiPropertyOptional(LANGUAGE) @IsOptional() @IsIn(REPORT_LANGUAGES) language?: ReportLanguage | null;
  @AsOf('The records as they stood by the end of a day (up to today), or at a log position (a write’s `position`, then the report’s position); left out: as recorded when requested')
  asOf?: string | number | null;
}

/** The start year of a year written as its kind writes it (`2019/2020` → 2019, `2019` → 2019), or null when it is not one. */
const startYear = (kind: unknown, value: unknown): number | null => {
  if (kind === 'academic-year') {
    const parsed = typeof value === 'string' ? parseReportingPeriod(value) : null;
    return parsed?.kind === 'academic-year' && parsed.academicYear === value ? Number(value.slice(0, 4)) : null;
  }
  if (kind === 'calendar-year') return Number.isInteger(value) && (value as number) >= 1900 && (value as number) <= 2999 ? (value as number) : null;
  return null;
};

const yearMessage = (args: ValidationArguments): string =>
  (args.object as { kind?: unknown }).kind === 'calendar-year'
    ? `${args.property} must be a whole year from 1900 to 2999 (a range of calendar years)`
    : `${args.property} must be two consecutive years written 2019/2020 (a range of academic years)`;

/** A year of the range's kind; an unknown kind is the kind's own error. */
const IsYearOfRange = (): PropertyDecorator =>
  ValidateBy({
    name: 'isYearOfRange',
    validator: {
      validate: (value, args) => {
        const kind = (args?.object as { kind?: unknown }).kind;
        return !REPORTING_PERIOD_KINDS.includes(kind as never) || startYear(kind, value) !== null;
      },
      defaultMessage: (args) => yearMessage(args!),
    },
  });

/** The range's last year: not before its first, at most {@link MAX_MONITORING_YEARS} years on (checked once both are years). */
const EndsTheRange = (): PropertyDecorator =>
  ValidateBy({
    name: 'endsTheRange',
    validator: {
      validate: (value, args) => {
        const range = args?.object as { kind?: unknown; from?: unknown };
        const first = startYear(range.kind, range.from);
        const last = startYear(range.kind, value);
        return first === null || last === null || (first <= last && last - first < MAX_MONITORING_YEARS);
      },
      defaultMessage: () => `to must not be before from, and a table has at most ${MAX_MONITORING_YEARS} years`,
    },
  });

/** A monitoring table's years: consecutive academic or calendar years, first and last included. */
export class YearRangeDto {
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS, example: 'academic-year', description: 'Academic years (from the department’s start day) or calendar years' })
  @IsIn(REPORTING_PERIOD_KINDS)
  kind: YearRange['kind'];
  @ApiProperty({ oneOf: [{ type: 'string', example: '2019/2020' }, { type: 'integer', example: 2019 }], description: 'The first year: `2019/2020` by academic year, `2019` by calendar year' })
  @IsYearOfRange()
  from: string | number;
  @ApiProperty({ oneOf: [{ type: 'string', example: '2022/2023' }, { type: 'integer', example: 2022 }], description: `The last year, not before the first; at most ${MAX_MONITORING_YEARS} years in all` })
  @IsYearOfRange()
  @EndsTheRange()
  to: string | number;
}

/** A monitoring table: of a network or the whole department, over a range of years. */
export class MonitoringTableParametersDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The network the table is of; left out (or null): the whole department' }) @IsOptional() @IsUUID() networkId?: string | null;
  @ApiProperty({ type: YearRangeDto, description: 'The years, one column each' }) @IsObject() @ValidateNested() @Type(() => YearRangeDto) periods: YearRangeDto;
  @ApiPropertyOptional({ enum: ['series', 'kinds'], default: 'series', description: 'A row per series of recurring events (the default), or per kind of event held' })
  @IsOptional()
  @IsIn(['series', 'kinds'])
  rowsBy?: 'series' | 'kinds';
  @ApiPropertyOptional(LANGUAGE) @IsOptional() @IsIn(REPORT_LANGUAGES) language?: ReportLanguage | null;
  @AsOf(
    'The events held as recorded by the end of a day (up to today; the series established and named by then), or at a log position (a write’s `position`, then the report’s position); left out: as recorded when requested',
  )
  asOf?: string | number | null;
}

/** A department summary: every network, for a period. */
export class DepartmentSummaryParametersDto {
  @ApiProperty({ type: ReportPeriodDto, description: 'The period: an academic or a calendar year' }) @IsObject() period: ReportingPeriod;
  @ApiPropertyOptional(LANGUAGE) @IsOptional() @IsIn(REPORT_LANGUAGES) language?: ReportLanguage | null;
  @AsOf(
    'The plans, their fulfilment and the events held as recorded by the end of a day (up to today; also the day the plans are judged on), or at a log position (a write’s `position`, then the report’s position); left out: as recorded when requested',
  )
  asOf?: string | number | null;
}

/** One end of a profile's days: a day, given with the other (both or neither), `from` not after `to`. */
const IsEndOfDays = (end: 'from' | 'to'): PropertyDecorator =>
  ValidateBy({
    name: 'isEndOfDays',
    validator: {
      validate: (value, args) => {
        const days = args?.object as { from?: unknown; to?: unknown };
        if (!isIsoDate(value)) return false;
        return end === 'from' || !isIsoDate(days.from) || (days.from as string) <= (value as string);
      },
      defaultMessage: (args) => {
        if (args!.value === undefined || args!.value === null) return `${end} is given with ${end === 'from' ? 'to' : 'from'}: both days, or neither`;
        return isIsoDate(args!.value) ? 'to must not be before from' : `${end} must be a date written YYYY-MM-DD`;
      },
    },
  });

const hasDays = (days: { from?: unknown; to?: unknown }): boolean => (days.from ?? null) !== null || (days.to ?? null) !== null;

/** An institution profile: of an institution, its events of the days asked (both or neither) or all. */
export class InstitutionProfileParametersDto {
  @ApiProperty({ format: 'uuid', description: 'The institution the profile is of' }) @IsUUID() institutionId: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2019-09-01', description: 'Its events from this day (with `to`); left out with `to`: all its events' })
  @ValidateIf(hasDays)
  @IsEndOfDays('from')
  from?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2020-08-31', description: 'Its events up to this day (with `from`, not before it)' })
  @ValidateIf(hasDays)
  @IsEndOfDays('to')
  to?: string | null;
  @ApiPropertyOptional(LANGUAGE) @IsOptional() @IsIn(REPORT_LANGUAGES) language?: ReportLanguage | null;
  @AsOf(
    'Its names, stays and the events held as they stood by the end of a day (up to today), or at a log position (a write’s `position`, then the report’s position); left out: as recorded when requested',
  )
  asOf?: string | number | null;
}

/** For a kind the request does not know: its fields are let through (the kind's own error says what is wrong), any other is refused. */
class AnyKindParametersDto {
  @Allow() networkId?: unknown;
  @Allow() institutionId?: unknown;
  @Allow() period?: unknown;
  @Allow() periods?: unknown;
  @Allow() rowsBy?: unknown;
  @Allow() from?: unknown;
  @Allow() to?: unknown;
  @Allow() language?: unknown;
  @Allow() asOf?: unknown;
}

/** Each kind's parameters. */
export const PARAMETERS_OF: Readonly<Record<ReportKind, Function>> = {
  'annual-analysis': AnnualAnalysisParametersDto,
  'monitoring-table': MonitoringTableParametersDto,
  'department-summary': DepartmentSummaryParametersDto,
  'institution-profile': InstitutionProfileParametersDto,
};

/** The class a request's parameters are checked by: its kind's, or, for a kind it does not know, one that lets the kinds' fields through. */
const parametersTypeOf = (report: unknown): Function =>
  typeof report === 'string' && Object.hasOwn(PARAMETERS_OF, report) ? PARAMETERS_OF[report as ReportKind] : AnyKindParametersDto;

/** The parameters' schema in the OpenAPI document: one of the kinds' (the request's `report` says which). */
export const PARAMETERS_SCHEMA = { oneOf: Object.values(PARAMETERS_OF).map((type) => ({ $ref: getSchemaPath(type) })) };

@ApiExtraModels(AnnualAnalysisParametersDto, MonitoringTableParametersDto, DepartmentSummaryParametersDto, InstitutionProfileParametersDto)
export class RequestReportDto implements RequestReportInput {
  @ApiProperty({ enum: REPORT_KINDS, example: 'annual-analysis', description: 'The kind of report; its parameters are that kind’s' }) @IsIn(REPORT_KINDS) report: ReportKind;
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'docx',
    description:
      'The document’s format (DOCX by default for every kind): docx, html, markdown, json and pdf for every kind, xlsx for the monitoring table and the department summary; which ones this installation generates: a request for another is refused (422 report-format-unavailable)',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
  @ApiProperty({
    ...PARAMETERS_SCHEMA,
    description:
      'By kind: annual-analysis { networkId, period, language?, asOf? }; monitoring-table { networkId?, periods: { kind, from, to }, rowsBy?, language?, asOf? }; department-summary { period, language?, asOf? }; institution-profile { institutionId, from?, to?, language?, asOf? }. language, for every kind: uk, ru or en; left out, the department’s (PUT /department/report-language), else 400. asOf, for every kind: a day up to today (the records as they stood by its end) or a log position (the report’s position)',
  })
  @IsObject()
  @ValidateNested()
  @Type((options) => parametersTypeOf((options?.object as { report?: unknown } | undefined)?.report))
  parameters: object;
}
