import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsText } from '@app/platform/http';
import type { AppointHeadInput } from './appoint-head.command';

export class AppointHeadDto implements AppointHeadInput {
  @ApiProperty({ description: 'The person’s name: personal data, kept outside the event log so that it can be erased', example: 'Петренко Олена Іванівна' })
  @IsText(300) fullName: string;
  @ApiProperty({ example: 'директор НВК № 11' }) @IsText(300) position: string;
  @ApiProperty({ example: '2019-09-01', description: 'From this date they head the network, replacing the previous head' }) @IsCalendarDate() appointedOn: string;
}
