import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ClosingDto, PlanContentDto } from '../plan-writer/plan-input.dto';
import type { CorrectPlanInput } from './correct-plan.command';

/** Any closing or text field; those given replace the plan's. */
export class CorrectPlanDto extends IntersectionType(PlanContentDto, ClosingDto) implements CorrectPlanInput {
  @ApiPropertyOptional({ description: 'Why the closed plan is corrected: required', example: 'Уточнена оценка по решению совета руководителей', maxLength: 1000 })
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}
