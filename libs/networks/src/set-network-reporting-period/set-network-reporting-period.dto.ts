import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REPORTING_PERIOD_KINDS, ReportingPeriodKind } from '@app/kernel';
import type { SetNetworkReportingPeriodInput } from './set-network-reporting-period.command';

export class SetNetworkReportingPeriodDto implements SetNetworkReportingPeriodInput {
  @ApiProperty({
    enum: REPORTING_PERIOD_KINDS,
    example: 'calendar-year',
    description: 'How the network plans and reports from now on: by academic year (the default) or by calendar year; plans already drafted keep their period',
  })
  @IsIn(REPORTING_PERIOD_KINDS)
  reportingPeriod: ReportingPeriodKind;
}
