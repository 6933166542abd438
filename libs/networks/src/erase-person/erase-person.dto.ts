import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform/http';
import type { ErasePersonInput } from './erase-person.command';

export class ErasePersonDto implements ErasePersonInput {
  @ApiProperty({ description: 'Why the data is erased (e.g. the request it answers)', example: 'Запит суб’єкта персональних даних від 12.03.2024' })
  @IsText(1000) reason: string;
}

export class ErasedPersonDto {
  @ApiProperty() personId: string;
  @ApiProperty() erasedAt: string;
  @ApiProperty() erasedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'Global position of the recorded erasure (for consistentWith)' }) position: number;
}
