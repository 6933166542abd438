import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { CloseInstitutionInput } from './close-institution.command';

export class CloseInstitutionDto implements CloseInstitutionInput {
  @ApiProperty({ description: 'The date the institution closes', example: '2021-06-30' }) @IsCalendarDate() closedOn: string;
  @ApiProperty({ example: 'Реорганізація шляхом приєднання до НВК № 11' }) @IsText(1000) reason: string;
}
