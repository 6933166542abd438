import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { LocalText } from '@app/kernel';
import { IsText } from '@app/platform/http';
import { GRADE_CODE, MAX_GRADES, MAX_GRADE_CODE, MAX_GRADE_LABEL } from './assessment-scale.decider';
import type { AssessmentScaleInput } from './set-assessment-scale.command';

export class GradeLabelDto implements LocalText {
  @ApiProperty({ example: 'достатній рівень' }) @IsText(MAX_GRADE_LABEL) uk: string;
  @ApiProperty({ example: 'достаточный уровень' }) @IsText(MAX_GRADE_LABEL) ru: string;
  @ApiProperty({ example: 'sufficient' }) @IsText(MAX_GRADE_LABEL) en: string;
}

export class AssessmentGradeDto {
  @ApiProperty({ example: 'sufficient', description: 'The grade’s code, what a closing names: lower-case letters and digits joined by dashes; each its own' })
  @IsString()
  @Matches(GRADE_CODE, { message: 'grade must be a code of lower-case letters and digits joined by dashes (sufficient, needs-improvement)' })
  @MaxLength(MAX_GRADE_CODE)
  grade: string;
  @ApiProperty({ type: GradeLabelDto, description: 'Its words in Ukrainian, Russian and English' }) @IsObject() @ValidateNested() @Type(() => GradeLabelDto) label: GradeLabelDto;
}

/** The department's whole scale, in its order (best first, as the analyses list them). */
export class AssessmentScaleDto implements AssessmentScaleInput {
  @ApiProperty({ type: [AssessmentGradeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRADES)
  @ValidateNested({ each: true })
  @Type(() => AssessmentGradeDto)
  grades: AssessmentGradeDto[];
}

export class AssessmentScaleAnswerDto {
  @ApiProperty() department: string;
  @ApiProperty({ description: 'True while the department has set no scale of its own: the default one is in force' }) isDefault: boolean;
  @ApiProperty({ type: [AssessmentGradeDto] }) grades: AssessmentGradeDto[];
}
