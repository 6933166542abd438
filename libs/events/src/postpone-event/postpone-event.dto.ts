import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsText } from '@app/platform/http';
import { WhenDto } from '../event-writer/event-input.dto';
import type { PostponeEventInput } from './postpone-event.command';

export class PostponeEventDto implements PostponeEventInput {
  @ApiProperty({ type: WhenDto, description: 'The new date, as precisely as known (`not-known` when none is set yet)' }) @IsObject() @ValidateNested() @Type(() => WhenDto) when: WhenDto;
  @ApiProperty({ example: 'Карантин в школах округа', maxLength: 1000 }) @IsText(1000) reason: string;
}
