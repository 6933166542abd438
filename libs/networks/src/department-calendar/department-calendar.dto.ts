import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { AcademicYearStart } from '@app/kernel';

export class AcademicYearStartDto implements AcademicYearStart {
  @ApiProperty({ minimum: 1, maximum: 12, example: 9 }) @IsInt() @Min(1) @Max(12) month: number;
  @ApiProperty({ minimum: 1, maximum: 31, example: 1 }) @IsInt() @Min(1) @Max(31) day: number;
}

export class AcademicCalendarDto {
  @ApiProperty() department: string;
  @ApiProperty({ type: AcademicYearStartDto }) academicYearStart: AcademicYearStartDto;
  @ApiProperty({ example: '2026/2027' }) currentAcademicYear: string;
}
