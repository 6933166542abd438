import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsIn } from 'class-validator';
import { IsText } from '@app/platform/http';
import { EVENT_KINDS, EventKind } from '../event/event-vocabulary';
import { IdList } from '../event-writer/event-input.dto';
import type { EstablishEventSeriesInput } from './establish-event-series.command';

export class EstablishEventSeriesDto implements EstablishEventSeriesInput {
  @ApiProperty({ example: 'Единый день открытых дверей', maxLength: 300 }) @IsText(300) name: string;
  @ApiProperty({ enum: EVENT_KINDS, example: 'open-door-day', description: 'Every event of the series is of this kind' }) @IsIn(EVENT_KINDS) kind: EventKind;
  @ApiProperty({ type: [String], description: 'The networks it recurs in (existing today); its events share one of them' }) @ArrayMinSize(1) @IdList(50) networkIds: string[];
}
