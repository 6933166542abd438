import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorDto, NetworkRefDto } from '../network-list/network.responses';

class ChangeDto {
  @ApiProperty({ enum: ['joined', 'left', 'moved-in', 'moved-out', 'role-changed', 'anchor-set'] }) change: string;
  @ApiProperty() institutionId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ description: 'Effective date' }) on: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional({ description: 'For moves: the network on the other side' }) otherNetworkId?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
}

class PeriodDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: '2019/2020' }) label: string | null;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

export class ChangesDto {
  @ApiProperty({ type: NetworkRefDto }) network: NetworkRefDto;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [ChangeDto] }) changes: ChangeDto[];
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiProperty({ description: 'Whether changes follow this page (ask again with offset + limit)' }) more: boolean;
}
