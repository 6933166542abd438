import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform/http';
import type { RenameEventSeriesInput } from './rename-event-series.command';

export class RenameEventSeriesDto implements RenameEventSeriesInput {
  @ApiProperty({ example: 'Единый день открытых дверей в школах округа', maxLength: 300 }) @IsText(300) name: string;
}
