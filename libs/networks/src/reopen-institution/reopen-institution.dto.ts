import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { ReopenInstitutionInput } from './reopen-institution.command';

export class ReopenInstitutionDto implements ReopenInstitutionInput {
  @ApiProperty({ description: 'The date the institution works again', example: '2021-09-01' }) @IsCalendarDate() reopenedOn: string;
  @ApiPropertyOptional({ example: 'Рішення сесії міської ради' }) @IsOptional() @IsText(1000) reason?: string;
}
