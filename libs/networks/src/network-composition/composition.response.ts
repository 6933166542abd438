import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_ROLES } from '../network-map/network-map.decider';
import { HeadDto, NetworkRefDto } from '../network-list/network.responses';

class CompositionMemberDto {
  @ApiProperty() institutionId: string;
  @ApiProperty({ enum: ['anchor', ...MEMBER_ROLES] }) role: string;
  @ApiProperty({ description: 'In the network without a break since' }) since: string;
  @ApiPropertyOptional({ nullable: true, type: String }) shortName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) fullName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) kind: string | null;
}

class AnchorDto {
  @ApiProperty() institutionId: string;
  @ApiProperty() since: string;
  @ApiPropertyOptional({ nullable: true, type: String }) shortName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) fullName: string | null;
}

export class CompositionDto {
  @ApiProperty({ type: NetworkRefDto }) network: NetworkRefDto;
  @ApiProperty({ example: '2020-01-15' }) on: string;
  @ApiPropertyOptional({ type: AnchorDto, nullable: true }) anchor: AnchorDto | null;
  @ApiPropertyOptional({ type: HeadDto, nullable: true }) head: HeadDto | null;
  @ApiProperty({ type: [CompositionMemberDto], description: 'The anchor first, then by since' }) members: CompositionMemberDto[];
}
