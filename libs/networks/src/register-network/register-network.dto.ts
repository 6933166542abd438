import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REPORTING_PERIOD_KINDS, ReportingPeriodKind } from '@app/kernel';
import { IsText, IsWebsite } from '@app/platform/http';
import { NETWORK_KINDS, NetworkKind } from '../network-map/network-map.decider';
import type { RegisterNetworkInput } from './register-network.command';

export class RegisterNetworkDto implements RegisterNetworkInput {
  @ApiProperty({ example: 'Школьный округ № 3' }) @IsText(300) name: string;
  @ApiProperty({ enum: NETWORK_KINDS, example: 'educational-district' }) @IsIn(NETWORK_KINDS) kind: NetworkKind;
  @ApiPropertyOptional({ example: '3', description: 'The number departments give districts ("district No. 3")' }) @IsOptional() @IsText(20) number?: string;
  @ApiPropertyOptional({ example: 'Единое образовательное пространство школ и детских садов округа' }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsWebsite() website?: string;
  @ApiPropertyOptional({ enum: REPORTING_PERIOD_KINDS, example: 'calendar-year', description: 'How the network plans and reports; academic-year when left out' })
  @IsOptional()
  @IsIn(REPORTING_PERIOD_KINDS)
  reportingPeriod?: ReportingPeriodKind;
}
