import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform/http';
import type { CancelEventInput } from './cancel-event.command';

export class CancelEventDto implements CancelEventInput {
  @ApiProperty({ example: 'Отменён в связи с карантином', maxLength: 1000 }) @IsText(1000) reason: string;
}
