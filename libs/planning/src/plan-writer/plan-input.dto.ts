import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORTING_PERIOD_KINDS } from '@app/kernel';

/**
 * A reporting period as the API takes it (docs/planning.md, "The period"). Checked as a whole
 * by the kernel's `reportingPeriodProblems` (field by field: `period.kind`,
 * `period.academicYear`, `period.year`), so the class only describes it.
 */
export class ReportingPeriodDto {
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS, example: 'academic-year' }) kind: 'academic-year' | 'calendar-year';
  @ApiPropertyOptional({ description: 'For kind academic-year', example: '2020/2021' }) academicYear?: string;
  @ApiPropertyOptional({ description: 'For kind calendar-year', example: 2021 }) year?: number;
}
