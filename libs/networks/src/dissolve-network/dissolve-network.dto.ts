import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '@app/platform/http';

export class DissolveNetworkDto {
  @ApiProperty({ example: '2022-08-31' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Реструктуризация' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
