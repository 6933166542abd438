import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_ROLES, NETWORK_KINDS, NETWORK_MAP_EVENT_TYPES } from '../network-map/network-map.decider';

export class NetworkDto {
  @ApiProperty() id: string;
  @ApiProperty() department: string;
  @ApiProperty({ enum: NETWORK_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) number: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ enum: ['active', 'dissolved'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dissolvedOn: string | null;
  @ApiProperty() registeredAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Also sent as the ETag' }) revision: number;
  @ApiProperty({ description: 'Members (and partners) today' }) currentMembers: number;
}

export class NetworkPageDto {
  @ApiProperty({ type: [NetworkDto] }) items: NetworkDto[];
  @ApiProperty({ description: 'How many match; counting stops 500 beyond this page, so when totalExact is false there are at least this many' })
  total: number;
  @ApiProperty({ description: 'False when counting stopped before the end: total is then a lower bound' }) totalExact: boolean;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}

class NetworkRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) number?: string | null;
  @ApiPropertyOptional({ enum: NETWORK_KINDS }) kind?: string;
  @ApiPropertyOptional() status?: string;
}

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

class HeadDto {
  @ApiProperty() personId: string;
  @ApiProperty() position: string;
  @ApiProperty() since: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null when erased on request' }) fullName: string | null;
  @ApiProperty({ description: 'The name was erased on request (personal data)' }) erased: boolean;
  @ApiPropertyOptional() erasedAt?: string;
}

export class CompositionDto {
  @ApiProperty({ type: NetworkRefDto }) network: NetworkRefDto;
  @ApiProperty({ example: '2020-01-15' }) on: string;
  @ApiPropertyOptional({ type: AnchorDto, nullable: true }) anchor: AnchorDto | null;
  @ApiPropertyOptional({ type: HeadDto, nullable: true }) head: HeadDto | null;
  @ApiProperty({ type: [CompositionMemberDto], description: 'The anchor first, then by since' }) members: CompositionMemberDto[];
}

class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty() role: string;
}

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

class TimelineEntryDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: NETWORK_MAP_EVENT_TYPES }) type: string;
  @ApiProperty() position: number;
  @ApiProperty() revision: number;
  @ApiProperty() recordedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) effectiveAt: string | null;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiProperty({ enum: ['api', 'import', 'system'] }) source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The recorded fact (never a person’s name)' }) data: Record<string, unknown>;
  @ApiPropertyOptional({ type: HeadDto, description: 'For HeadAppointed: the person, or that they were erased' }) person?: HeadDto;
}

export class TimelineDto {
  @ApiProperty() networkId: string;
  @ApiProperty({ type: [TimelineEntryDto] }) entries: TimelineEntryDto[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Pass as `after` for the next page; null on the last page' }) next: number | null;
}

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
