import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORTING_PERIOD_KINDS } from '@app/kernel';
import { NETWORK_KINDS } from '../network-map/network-map.decider';

export class NetworkDto {
  @ApiProperty() id: string;
  @ApiProperty() department: string;
  @ApiProperty({ enum: NETWORK_KINDS }) kind: string;
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS, description: 'How the network plans and reports: by academic year (the default) or by calendar year' }) reportingPeriod: string;
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

/** A network as the other answers about it name it (composition, changes). */
export class NetworkRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) number?: string | null;
  @ApiPropertyOptional({ enum: NETWORK_KINDS }) kind?: string;
  @ApiPropertyOptional() status?: string;
}

/** A network's head as compositions and timelines show it: the name from the vault, or that it was erased. */
export class HeadDto {
  @ApiProperty() personId: string;
  @ApiProperty() position: string;
  @ApiProperty() since: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null when erased on request' }) fullName: string | null;
  @ApiProperty({ description: 'The name was erased on request (personal data)' }) erased: boolean;
  @ApiPropertyOptional() erasedAt?: string;
}

/** Who recorded a change. */
export class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty() role: string;
}
