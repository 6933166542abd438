import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_ROLES, NETWORK_KINDS } from '../network-map/network-map.decider';

class MembershipDto {
  @ApiProperty() networkId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) networkName: string | null;
  @ApiProperty({ enum: NETWORK_KINDS }) kind: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: string;
  @ApiProperty() from: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'First day no longer a member; null while it is' }) to: string | null;
  @ApiProperty() wasAnchor: boolean;
}

export class InstitutionMembershipsDto {
  @ApiProperty() institutionId: string;
  @ApiProperty({ type: [MembershipDto] }) memberships: MembershipDto[];
}
