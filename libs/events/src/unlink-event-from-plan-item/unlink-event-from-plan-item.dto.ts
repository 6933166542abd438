import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform/http';
import type { UnlinkEventFromPlanItemInput } from './unlink-event-from-plan-item.command';

export class UnlinkEventFromPlanItemDto implements UnlinkEventFromPlanItemInput {
  @ApiProperty({ example: 'Пункт плана перенесён на следующий год', maxLength: 1000 }) @IsText(1000) reason: string;
}
