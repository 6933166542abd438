import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ApprovalDto, NewPlanItemDto, PlanContentDto, PlanItemFieldsDto } from '../plan-writer/plan-input.dto';
import type { AmendPlanInput } from './amend-plan.command';

export class ItemChangeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() planItemId: string;
  @ApiProperty({ type: PlanItemFieldsDto }) @IsObject() @ValidateNested() @Type(() => PlanItemFieldsDto) changes: PlanItemFieldsDto;
}

export class AmendPlanDto implements AmendPlanInput {
  @ApiPropertyOptional({ description: 'Why the approved plan changes: required', example: 'Семинар перенесён по решению совета руководителей', maxLength: 1000 })
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ApiProperty({ type: ApprovalDto, description: 'The amendment’s approval' }) @IsObject() @ValidateNested() @Type(() => ApprovalDto) approval: ApprovalDto;
  @ApiPropertyOptional({ type: PlanContentDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => PlanContentDto) content?: PlanContentDto;
  @ApiPropertyOptional({ type: [NewPlanItemDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => NewPlanItemDto) addItems?: NewPlanItemDto[];
  @ApiPropertyOptional({ type: [ItemChangeDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ItemChangeDto) changeItems?: ItemChangeDto[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID(undefined, { each: true }) removeItemIds?: string[];
}
