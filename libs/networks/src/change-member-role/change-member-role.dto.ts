import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDate } from '@app/platform/http';
import { MEMBER_ROLES, MemberRole } from '../network-map/network-map.decider';
import type { ChangeMemberRoleInput } from './change-member-role.command';

export class ChangeMemberRoleDto implements ChangeMemberRoleInput {
  @ApiProperty({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role: MemberRole;
  @ApiProperty({ example: '2020-09-01' }) @IsCalendarDate() from: string;
}
