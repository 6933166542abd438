import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { IsoDate, NotFound, ReportingPeriod, previousReportingPeriod } from '@app/kernel';
import { GetParticipationTotalsQuery, ParticipationTotals } from '@app/events';
import { GetPlanOverviewQuery } from '@app/planning';
import type { SummaryFacts } from './department-summary';

export interface SummaryRequest {
  department: string;
  period: ReportingPeriod;
  /** Everything up to this log position is in the summary (the read models wait for it). */
  position: number;
  reportDate: IsoDate;
}

const periodFilter = (period: ReportingPeriod, consistentWith: number) =>
  period.kind === 'academic-year' ? { academicYear: period.academicYear, consistentWith } : { year: period.year, consistentWith };

/**
 * Gathers a department summary's facts through the planning and events modules' queries, each
 * consistent with the request's position: the plans' overview of the period and of the one
 * before, and each network's participation totals in both.
 */
@Injectable()
export class DepartmentSummaryFactsReader {
  constructor(private readonly queries: QueryBus) {}

  async read(request: SummaryRequest): Promise<SummaryFacts> {
    const { department, period, position, reportDate } = request;
    const previous = previousReportingPeriod(period);
    const [overview, previousOverview] = await Promise.all([
      this.queries.execute(new GetPlanOverviewQuery(department, periodFilter(period, position), reportDate)),
      this.queries.execute(new GetPlanOverviewQuery(department, periodFilter(previous, position), reportDate)),
    ]);
    const totalsIn = async (of: ReportingPeriod): Promise<Record<string, ParticipationTotals | undefined>> => {
      const entries = await Promise.all(
        overview.networks.map(async (row) => {
          try {
            return [row.networkId, await this.queries.execute(new GetParticipationTotalsQuery(department, row.networkId, periodFilter(of, position), reportDate))] as const;
          } catch (error) {
            if (error instanceof NotFound) return [row.networkId, undefined] as const;
            throw error;
          }
        }),
      );
      return Object.fromEntries(entries);
    };
    const [participation, previousParticipation] = await Promise.all([totalsIn(period), totalsIn(previous)]);
    return { department, period, previous, overview, previousOverview, participation, previousParticipation, position, reportDate };
  }
}
