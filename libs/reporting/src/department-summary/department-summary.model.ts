import type { IsoDate } from '@app/kernel';
import type { ReportChart, ReportLanguage } from '../annual-analysis/annual-analysis.model';

/**
 * The department's summary for a period: every network with its plan's status, the events it
 * held by kind, who took part by category, its plan's fulfilment and assessment, and how each
 * changed against the period before. Worded for one language; renderers only lay it out.
 */
export interface DepartmentSummary {
  report: 'department-summary';
  schemaVersion: 1;
  language: ReportLanguage;
  department: string;
  /** "Зведений звіт про роботу мереж закладів за 2020/2021 навчальний рік". */
  title: string;
  period: SummaryPeriod;
  previous: SummaryPeriod;
  /** One row per network of the period (active, or with a plan for it), in name order. */
  networks: SummaryNetwork[];
  totals: SummaryFigures & { networks: number; withPlan: number; byStatus: SummaryCount[] };
  /** The same totals for the period before. */
  previousTotals: SummaryFigures;
  /** Events by kind over every network (numbers of the period, with the period before beside them). */
  eventsByKind: SummaryCount[];
  participationByCategory: SummaryCount[];
  charts: ReportChart[];
  labels: Record<SummaryLabel, string>;
  basis: { position: number; reportDate: IsoDate; reportDateText: string };
}

export type SummaryLabel = 'network' | 'plan' | 'eventsHeld' | 'participants' | 'fulfilment' | 'assessment' | 'change' | 'total' | 'previous' | 'none';

export interface SummaryPeriod {
  kind: 'academic-year' | 'calendar-year';
  label: string;
  text: string;
}

/** What is added up and compared. */
export interface SummaryFigures {
  eventsHeld: number;
  participants: number;
  itemsPlanned: number;
  itemsHeld: number;
  /** Held / planned, three decimals; null without planned items. */
  shareHeld: number | null;
}

export interface SummaryCount {
  key: string;
  label: string;
  count: number;
  /** The same in the period before. */
  previous: number;
}

export interface SummaryNetwork extends SummaryFigures {
  networkId: string;
  name: string;
  planId: string | null;
  /** `draft`, `approved`, `closed`, `none`, and its word. */
  planStatus: string;
  planStatusLabel: string;
  eventsByKind: SummaryCount[];
  participationByCategory: SummaryCount[];
  assessment: { grade: string; label: string; comment: string | null } | null;
  /** The period before, null when the network had neither plan nor events then. */
  previous: (SummaryFigures & { planStatus: string; assessment: string | null }) | null;
  /** This period less the one before (null where there is nothing to compare). */
  change: { eventsHeld: number; participants: number; shareHeld: number | null } | null;
}
