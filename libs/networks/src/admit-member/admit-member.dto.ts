import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '@app/platform/http';
import { MEMBER_ROLES, MemberRole } from '../network-map/network-map.decider';
import type { AdmitMemberInput } from './admit-member.command';

export class AdmitMemberDto implements AdmitMemberInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() institutionId: string;
  @ApiProperty({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role: MemberRole;
  @ApiProperty({ example: '2019-09-01', description: 'May lie in the past (a correction) or the future (planned)' }) @IsCalendarDate() from: string;
}
