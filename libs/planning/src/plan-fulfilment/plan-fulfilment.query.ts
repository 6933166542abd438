import { Query } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { IsoDate, ReportingPeriod } from '@app/kernel';
import { ConsistencyQueryDto, IsCalendarDate } from '@app/platform/http';
import type { Fulfilment } from './plan-fulfilment';
import { planFulfilmentProjection } from './plan-fulfilment.projection';

export class PlanFulfilmentQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'As recorded by the end of this day (none: as recorded now)', example: '2021-03-01' }) @IsOptional() @IsCalendarDate() asOf?: IsoDate;
}

/** A plan's fulfilment: per item what became of it, the totals, the held events no item foresaw. */
export interface PlanFulfilment extends Fulfilment {
  planId: string;
  networkId: string;
  period: ReportingPeriod;
  /** The day asked; null: as recorded now. */
  asOf: IsoDate | null;
}

/** A plan's fulfilment, optionally as recorded by the end of a day; 404 for an unknown plan or another department's. */
export class GetPlanFulfilmentQuery extends Query<PlanFulfilment> {
  static readonly reads = [planFulfilmentProjection];
  constructor(
    readonly department: string,
    readonly planId: string,
    readonly filter: PlanFulfilmentQueryDto,
    readonly today: IsoDate,
  ) {
    super();
  }
}
