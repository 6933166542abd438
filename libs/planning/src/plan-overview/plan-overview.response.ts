import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_STATUSES } from '../plan/plan-vocabulary';
import { ReportingPeriodDto } from '../plan-view/plan.response';

export class OverviewItemsDto {
  @ApiProperty() planned: number;
  @ApiProperty() held: number;
  @ApiProperty() cancelled: number;
  @ApiProperty() carriedOver: number;
  @ApiProperty() notHeld: number;
  @ApiProperty() shareHeld: number;
}

export class NetworkPlanRowDto {
  @ApiProperty() networkId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dissolvedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) planId: string | null;
  @ApiProperty({ enum: [...PLAN_STATUSES, 'none'] }) status: string;
  @ApiProperty() revision: number;
  @ApiProperty({ type: OverviewItemsDto }) items: OverviewItemsDto;
  @ApiPropertyOptional({ nullable: true, type: Object, description: '`{ grade, label: { uk, ru, en }, comment }`' }) assessment: object | null;
}

export class PlanOverviewTotalsDto {
  @ApiProperty() networks: number;
  @ApiProperty() withPlan: number;
  @ApiProperty({ example: { draft: 1, approved: 2, closed: 3, none: 1 } }) byStatus: object;
  @ApiProperty() planned: number;
  @ApiProperty() held: number;
  @ApiProperty() cancelled: number;
}

export class PlanOverviewDto {
  @ApiProperty({ type: ReportingPeriodDto }) period: ReportingPeriodDto;
  @ApiProperty() periodLabel: string;
  @ApiProperty({ type: [NetworkPlanRowDto] }) networks: NetworkPlanRowDto[];
  @ApiProperty({ type: PlanOverviewTotalsDto }) totals: PlanOverviewTotalsDto;
}
