import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsUUID } from 'class-validator';
import type { ReportingPeriod } from '@app/kernel';
import { ReportingPeriodDto } from '../plan-writer/plan-input.dto';
import type { DraftPlanInput } from './draft-plan.command';

export class DraftPlanDto implements DraftPlanInput {
  @ApiProperty({ format: 'uuid', description: 'The network whose plan it is' }) @IsUUID() networkId: string;
  @ApiProperty({ type: ReportingPeriodDto, description: 'The period it is for: an academic year (the default kind) or a calendar year' }) @IsObject() period: ReportingPeriod;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Last year’s closed plan of the network this draft starts from' })
  @IsOptional() @IsUUID() continuesPlanId?: string | null;
}
