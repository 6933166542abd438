import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_STATUSES } from '../plan/plan-vocabulary';
import { ReportingPeriodDto } from '../plan-writer/plan-input.dto';

export { ReportingPeriodDto };

export class PlanApprovalDto {
  @ApiProperty({ example: '2020-09-01' }) approvedOn: string;
  @ApiProperty({ description: '`{ personId, body }`: a person by id, a body by name, or both', example: { personId: null, body: 'совет руководителей' } }) approvedBy: object;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'протокол № 1' }) decisionNumber: string | null;
}

export class PlanRevisionSummaryDto {
  @ApiProperty() revision: number;
  @ApiProperty({ type: PlanApprovalDto }) approval: PlanApprovalDto;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The amendment’s reason; null for the first approval' }) reason: string | null;
  @ApiProperty() recordedAt: string;
}

export class PlanCorrectionDto {
  @ApiProperty() reason: string;
  @ApiProperty({ type: [String] }) fields: string[];
  @ApiProperty() recordedAt: string;
}

export class PlanDto {
  @ApiProperty() planId: string;
  @ApiProperty() networkId: string;
  @ApiProperty({ type: ReportingPeriodDto }) period: ReportingPeriodDto;
  @ApiProperty({ example: '2020/2021' }) periodLabel: string;
  @ApiProperty({ enum: PLAN_STATUSES, description: 'Now, or on the day asked (asOf)' }) status: string;
  @ApiProperty({ enum: ['current', 'revision', 'as-of'] }) shown: string;
  @ApiProperty({ description: 'The revision shown (0: a draft)' }) revision: number;
  @ApiPropertyOptional({ nullable: true, type: String }) asOf: string | null;
  @ApiProperty({ description: 'theme, goal, tasks, activityKinds, projects, agreements' }) content: object;
  @ApiProperty({ description: 'The planned events', type: 'array', items: { type: 'object' } }) items: object[];
  @ApiPropertyOptional({ nullable: true, type: PlanApprovalDto }) approval: PlanApprovalDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: [PlanRevisionSummaryDto] }) revisions: PlanRevisionSummaryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) continuesPlanId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object, description: 'assessment, conclusions, problems, taskResults, sections, nextYear, itemResolutions' }) closing: object | null;
  @ApiProperty({ type: [PlanCorrectionDto] }) corrections: PlanCorrectionDto[];
  @ApiProperty() draftedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'The plan stream’s revision: send it as If-Match' }) streamRevision: number;
}

export class PlanSummaryDto {
  @ApiProperty() planId: string;
  @ApiProperty() networkId: string;
  @ApiProperty({ type: ReportingPeriodDto }) period: ReportingPeriodDto;
  @ApiProperty() periodLabel: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status: string;
  @ApiProperty() revision: number;
  @ApiPropertyOptional({ nullable: true, type: String }) approvedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) grade: string | null;
  @ApiProperty({ description: 'How many planned events' }) items: number;
  @ApiProperty() updatedAt: string;
}

export class PlanPageDto {
  @ApiProperty({ type: [PlanSummaryDto] }) items: PlanSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() totalExact: boolean;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}
