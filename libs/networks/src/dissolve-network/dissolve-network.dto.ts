import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@app/platform/http';

export class DissolveNetworkDto {
  @ApiProperty({ example: '2022-08-31' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация' }) @IsString() @IsNotBlank() @MaxLength(1000) reason: string;
}
