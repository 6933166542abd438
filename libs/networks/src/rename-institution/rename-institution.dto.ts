import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';
import type { RenameInstitutionInput } from './rename-institution.command';

export class RenameInstitutionDto implements RenameInstitutionInput {
  @ApiProperty({ example: 'Бахмутський ліцей № 7' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  fullName: string;

  @ApiProperty({ example: 'Ліцей № 7' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  shortName: string;

  @ApiProperty({ description: 'The date the new name takes effect (may be past or future)', example: '2020-09-01' })
  @IsCalendarDate()
  renamedOn: string;
}
