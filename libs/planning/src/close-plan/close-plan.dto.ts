import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/platform/http';
import { ClosingDto } from '../plan-writer/plan-input.dto';
import type { ClosePlanInput } from './close-plan.command';

/** The year's closing: an assessment and every planned event resolved are required. */
export class ClosePlanDto extends ClosingDto implements ClosePlanInput {
  @ApiProperty({ example: '2021-06-30', description: 'Not after today, not before the approval in force' }) @IsCalendarDate() closedOn: string;
}
