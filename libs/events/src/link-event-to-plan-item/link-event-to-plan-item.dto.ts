import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsText } from '@app/platform/http';
import type { LinkEventToPlanItemInput } from './link-event-to-plan-item.command';

export class LinkEventToPlanItemDto implements LinkEventToPlanItemInput {
  @ApiProperty({ format: 'uuid', description: 'The plan item the event realises (the planning module’s id)' }) @IsUUID() planItemId: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsText(1000) reason?: string;
}
