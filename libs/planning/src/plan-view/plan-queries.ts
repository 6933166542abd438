import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { FieldError, InvalidInput, IsoDate, ReportingPeriod, academicYearPeriod, calendarYearPeriod } from '@app/kernel';
import { ConsistencyQueryDto, IsCalendarDate, IsQueryWholeNumber, PagingQueryDto } from '@app/platform/http';
import { PLAN_STATUSES, PlanStatus } from '../plan/plan-vocabulary';
import type { PlanApproval, PlanClosing, PlanContent, PlanItem } from '../plan/plan.events';
import { PlanCorrectionView, planViewProjection } from './plan-view.projection';

/** A plan's period: an academic year or a calendar year (a network that reports so). */
export class PlanPeriodQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'An academic year, by your department’s start day', example: '2020/2021' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{4}$/, { message: 'academicYear must be an academic year written like 2020/2021' })
  academicYear?: string;
  @ApiPropertyOptional({ description: 'A calendar year (a network that reports by calendar year)', example: 2021 }) @IsOptional() @IsQueryWholeNumber({ min: 1900, max: 2999 }) year?: number;
}

/** Which text of a plan: the current one (neither), an approved revision, or the revision in force on a day. */
export class PlanTextQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'An approved revision (1: as first approved)', example: 1 }) @IsOptional() @IsQueryWholeNumber({ min: 1, max: 10000 }) revision?: number;
  @ApiPropertyOptional({ description: 'The approved revision in force on this day', example: '2021-03-01' }) @IsOptional() @IsCalendarDate() asOf?: IsoDate;
}

export class NetworkPlanQueryDto extends PlanPeriodQueryDto {
  @ApiPropertyOptional({ description: 'An approved revision (1: as first approved)', example: 1 }) @IsOptional() @IsQueryWholeNumber({ min: 1, max: 10000 }) revision?: number;
  @ApiPropertyOptional({ description: 'The approved revision in force on this day', example: '2021-03-01' }) @IsOptional() @IsCalendarDate() asOf?: IsoDate;
}

export class ListPlansQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Plans for an academic year', example: '2020/2021' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{4}$/, { message: 'academicYear must be an academic year written like 2020/2021' })
  academicYear?: string;
  @ApiPropertyOptional({ description: 'Plans for a calendar year', example: 2021 }) @IsOptional() @IsQueryWholeNumber({ min: 1900, max: 2999 }) year?: number;
  @ApiPropertyOptional({ enum: PLAN_STATUSES }) @IsOptional() @IsIn(PLAN_STATUSES) status?: PlanStatus;
  @ApiPropertyOptional({ description: 'Plans of one network' }) @IsOptional() @IsUUID() network?: string;
}

/** The period a filter names, checked: one of academicYear and year (`required`: exactly one). */
export const reportingPeriodOfFilter = (filter: { academicYear?: string; year?: number }, required: boolean): ReportingPeriod | null => {
  const given = (['academicYear', 'year'] as const).filter((f) => filter[f] !== undefined);
  if (given.length > 1) throw new InvalidInput('the period is given more than once', given.map((field): FieldError => ({ field, messages: ['give one period: academicYear or year'] })));
  if (filter.academicYear !== undefined) {
    const [a, b] = filter.academicYear.split('/').map(Number);
    if (b !== a + 1) throw new InvalidInput('the period is invalid', [{ field: 'academicYear', messages: ['academicYear must be two consecutive years, like 2020/2021'] }]);
    return academicYearPeriod(filter.academicYear);
  }
  if (filter.year !== undefined) return calendarYearPeriod(filter.year);
  if (required) throw new InvalidInput('the period is required', [{ field: 'academicYear', messages: ['give the plan’s period: academicYear, or year for a network that reports by calendar year'] }]);
  return null;
};

/** Which text is asked for, checked: a revision or a day, not both. */
export const textChoiceOf = (filter: { revision?: number; asOf?: IsoDate }): void => {
  if (filter.revision !== undefined && filter.asOf !== undefined) {
    throw new InvalidInput('give a revision or a day, not both', [
      { field: 'revision', messages: ['give revision or asOf, not both'] },
      { field: 'asOf', messages: ['give revision or asOf, not both'] },
    ]);
  }
};

/** An approved revision as a plan's answer lists it. */
export interface PlanRevisionSummary {
  revision: number;
  approval: PlanApproval;
  reason: string | null;
  recordedAt: string;
}

/** A plan as the queries answer it: the text shown (current, a revision's, or the one in force on a day), and its life. */
export interface PlanAnswer {
  planId: string;
  networkId: string;
  period: ReportingPeriod;
  periodLabel: string;
  /** The plan's status now, or on the day asked (`asOf`). */
  status: PlanStatus;
  /** Which text this is: `current`, an approved `revision`, or the revision in force `as-of` a day. */
  shown: 'current' | 'revision' | 'as-of';
  /** The revision shown: the current one (0 in draft), the one asked for, or the one in force on the day. */
  revision: number;
  asOf: IsoDate | null;
  content: PlanContent;
  items: PlanItem[];
  /** The approval of the revision shown (null in draft). */
  approval: PlanApproval | null;
  /** The amendment's reason of the revision shown. */
  reason: string | null;
  revisions: PlanRevisionSummary[];
  continuesPlanId: string | null;
  /** The closing, once closed (on the day asked). */
  closedOn: IsoDate | null;
  closing: PlanClosing | null;
  corrections: PlanCorrectionView[];
  draftedAt: string;
  updatedAt: string;
  /** Revision of the plan's stream: what `If-Match` compares. */
  streamRevision: number;
}

/** A plan as a list shows it. */
export interface PlanSummary {
  planId: string;
  networkId: string;
  period: ReportingPeriod;
  periodLabel: string;
  status: PlanStatus;
  revision: number;
  approvedOn: IsoDate | null;
  closedOn: IsoDate | null;
  grade: string | null;
  items: number;
  updatedAt: string;
}

export interface PlanPage {
  items: PlanSummary[];
  total: number;
  totalExact: boolean;
  offset: number;
  limit: number;
}

/** One plan by its id: the current text, a revision's (`revision`), or the one in force on a day (`asOf`); 404 for an unknown one or another department's. */
export class GetPlanQuery extends Query<PlanAnswer> {
  static readonly reads = [planViewProjection];
  constructor(
    readonly department: string,
    readonly planId: string,
    readonly filter: PlanTextQueryDto,
  ) {
    super();
  }
}

/** A network's plan for a period, the academic year running `today` by default (its id is derived from department, network and period). */
export class GetNetworkPlanQuery extends Query<PlanAnswer> {
  static readonly reads = [planViewProjection];
  constructor(
    readonly department: string,
    readonly networkId: string,
    readonly filter: NetworkPlanQueryDto,
    readonly today: IsoDate,
  ) {
    super();
  }
}

/** The department's plans, by period, status and network, in period and network order, a page at a time. */
export class ListPlansQuery extends Query<PlanPage> {
  static readonly reads = [planViewProjection];
  constructor(
    readonly department: string,
    readonly filter: ListPlansQueryDto,
  ) {
    super();
  }
}
