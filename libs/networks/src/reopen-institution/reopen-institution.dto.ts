import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@app/platform/http';

export class ReopenInstitutionDto {
  @ApiProperty({ description: 'The date the institution works again', example: '2021-09-01' })
  @IsCalendarDate()
  reopenedOn: string;

  @ApiPropertyOptional({ example: 'Рішення сесії міської ради' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}
