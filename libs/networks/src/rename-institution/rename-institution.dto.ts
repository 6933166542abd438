import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { RenameInstitutionInput } from './rename-institution.command';

export class RenameInstitutionDto implements RenameInstitutionInput {
  @ApiProperty({ example: 'Бахмутський ліцей № 7' }) @IsText(500) fullName: string;
  @ApiProperty({ example: 'Ліцей № 7' }) @IsText(200) shortName: string;
  @ApiProperty({ description: 'The date the new name takes effect (may be past or future)', example: '2020-09-01' }) @IsCalendarDate() renamedOn: string;
}
