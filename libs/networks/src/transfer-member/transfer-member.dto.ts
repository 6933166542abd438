import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsText } from '@app/platform/http';
import { MEMBER_ROLES, MemberRole } from '../network-map/network-map.decider';
import type { TransferMemberInput } from './transfer-member.command';

export class TransferMemberDto implements TransferMemberInput {
  @ApiProperty({ format: 'uuid', description: 'The network it moves to' }) @IsUUID() toNetworkId: string;
  @ApiProperty({ example: '2019-09-01' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 'Рішення управління освіти про розподіл учасників округів' }) @IsText(1000) reason: string;
  @ApiPropertyOptional({ enum: MEMBER_ROLES, description: 'Its role in the new network; the current one by default' })
  @IsOptional() @IsIn(MEMBER_ROLES) role?: MemberRole;
}
