import type { IsoDate } from '@app/kernel';

/**
 * The annual analysis of a network for a period, as data: what every format (DOCX, HTML,
 * Markdown, PDF, a department's own template) is rendered from, and what `format=json` answers.
 *
 * It is built for one language, so every text a reader sees is here already, worded and
 * inflected (`text`, `label`, `title` fields and `labels`); a renderer only lays it out and never
 * words anything itself, so a department's template (placeholders over these fields) reads the
 * same as the built-in one. Beside each text are the ids and values it was worded from (which
 * event, which plan item, which date and how precise), so every fact can be traced back to the
 * record it came from.
 *
 * A section with nothing to say is empty (an empty list, or null); renderers leave it out.
 * Schema: `annual-analysis.schema.json` beside this file, `docs/reporting.md`.
 */
export interface AnnualAnalysis {
  report: 'annual-analysis';
  schemaVersion: 1;
  language: ReportLanguage;
  department: string;
  /** "Отчет о работе школьного округа № 3 за 2020/2021 учебный год". */
  title: string;
  network: ReportNetwork;
  period: ReportPeriodView;
  /** What it was built from: the log position, and the day it describes the records as of. */
  basis: ReportBasis;
  /** The headings and fixed words of the report in its language ("Цель деятельности", "Задачи"…). */
  labels: Record<AnnualAnalysisLabel, string>;
  /** The anchor institution on the period's last day (or its last one in the period), null when none. */
  anchor: { institutionId: string; name: string; text: string } | null;
  composition: ReportComposition;
  /** How and why the composition changed during the period, oldest first, in words. */
  changes: ReportChange[];
  /** The network's plan for the period, null when it has none. */
  plan: ReportPlan | null;
  /** The events held in the period, in date order, numbered from 1. */
  eventsHeld: ReportEvent[];
  /** The plan's items not held: cancelled, postponed, carried over, not held (with the reason). */
  notHeld: ReportItemNotHeld[];
  /** Participation totals by category over the events held; empty when none was recorded. */
  participation: ReportCount[];
  /** Events held by kind ("3 семінари"). */
  eventsByKind: ReportCount[];
  /** Institutions outside the network that hosted or took part in its events. */
  outside: ReportOutsideInstitution[];
  /** Where the events held were published (the same link once, with every event it is for). */
  publications: ReportPublication[];
  /** The department's free-text sections of the closing ("Співпраця з закладами поза округом"…). */
  sections: { title: string; text: string }[];
  /** The closing of the plan, null while it is not closed. */
  closing: ReportClosing | null;
  /** Charts, as data (the renderer draws them): events by kind, participation, fulfilment. */
  charts: ReportChart[];
  signature: ReportSignature;
}

export type ReportLanguage = 'uk' | 'ru' | 'en';

export type AnnualAnalysisLabel =
  | 'anchor'
  | 'composition'
  | 'changes'
  | 'theme'
  | 'goal'
  | 'tasks'
  | 'activityKinds'
  | 'projects'
  | 'agreements'
  | 'eventsHeld'
  | 'notHeld'
  | 'participation'
  | 'eventsByKind'
  | 'outside'
  | 'publications'
  | 'taskResults'
  | 'conclusions'
  | 'assessment'
  | 'problems'
  | 'nextYear'
  | 'signature';

export interface ReportNetwork {
  networkId: string;
  name: string;
  /** `educational-district`, `council-of-heads`… and its word ("освітній округ"). */
  kind: string;
  kindLabel: string;
  number: string | null;
}

export interface ReportPeriodView {
  kind: 'academic-year' | 'calendar-year';
  /** `2020/2021`, `2021`. */
  label: string;
  /** "2020/2021 навчальний рік", "2021 год". */
  text: string;
  from: IsoDate;
  to: IsoDate;
}

export interface ReportBasis {
  /** The log position the report was built at (everything up to it, nothing after). */
  position: number;
  /** The day the records are read as of (`asOf`), null for as recorded at `position`. */
  asOf: IsoDate | null;
  /** The report's date (the signature's), and in words ("25 жовтня 2020 р."). */
  reportDate: IsoDate;
  reportDateText: string;
}

export interface ReportComposition {
  /** On the period's last day (or the network's last day within it), in name order. */
  members: { institutionId: string; name: string; role: string; roleLabel: string; outsideSince: IsoDate | null }[];
  /** "Состав округа: МБОУ Лосненская СШ, …". */
  text: string;
}

export interface ReportChange {
  on: IsoDate;
  /** `admitted`, `left`, `transferred-in`, `transferred-out`, `role-changed`, `anchor-set`, `head-appointed`, `renamed`, `merged`, `split`… */
  change: string;
  /** The institution it is about; null when it is about none, or about several (`institutionIds`). */
  institutionId: string | null;
  /** Every institution it is about (several admitted on one day for one reason are one change). */
  institutionIds: string[];
  /** "З 1 січня 2020 р. до округу приєднався ЗЗСО № 12 (за ініціативою закладу)". */
  text: string;
  reason: string | null;
}

export interface ReportPlan {
  planId: string;
  status: 'draft' | 'approved' | 'closed';
  revision: number | null;
  theme: string | null;
  goal: string | null;
  tasks: { taskId: string; number: number; text: string; expectedResult: string | null }[];
  activityKinds: string[];
  projects: { projectId: string; name: string; goal: string | null; partners: string[]; events: string[]; text: string }[];
  agreements: { agreementId: string; number: string | null; signedOn: IsoDate | null; parties: string[]; subject: string; validUntil: IsoDate | null; text: string }[];
}

/** An event held, as the seeds list them. */
export interface ReportEvent {
  number: number;
  eventId: string;
  kind: string;
  kindLabel: string;
  topic: string;
  /** "онлайн, платформа Zoom", "очно"; null when not recorded. */
  format: string | null;
  hosts: { institutionId: string; name: string; outside: boolean }[];
  /** The date as precisely as it is known, in words ("у березні 2021 р."); never a day it does not know. */
  when: string;
  /** `day`, `range`, `month`, `year`, `academic-year`, `unknown`. */
  precision: string;
  planItemIds: string[];
  /** The whole line: "Семінар «…» (онлайн, платформа Zoom), МБОУ Мурыгинская СШ, у березні 2021 р.". */
  text: string;
}

export interface ReportItemNotHeld {
  planItemId: string;
  kind: string;
  kindLabel: string;
  topic: string;
  when: string;
  /** `cancelled`, `postponed`, `carried-over`, `not-held`. */
  status: string;
  statusLabel: string;
  reason: string | null;
  text: string;
}

export interface ReportCount {
  /** The category or kind code. */
  key: string;
  label: string;
  count: number;
  /** With the plural form of the language: "3 семінари", "5 семінарів". */
  text: string;
}

export interface ReportOutsideInstitution {
  institutionId: string;
  name: string;
  eventIds: string[];
  text: string;
}

export interface ReportPublication {
  url: string;
  title: string | null;
  eventIds: string[];
  /** "Сайт базовой школы – http://…". */
  text: string;
}

export interface ReportClosing {
  closedOn: IsoDate;
  assessment: { grade: string; label: string; comment: string | null; text: string };
  conclusions: string | null;
  problems: string[];
  taskResults: { taskId: string; number: number; task: string; result: string; resultLabel: string; reason: string | null; text: string }[];
  nextYear: { title: string; goal: string | null; tasks: string[] } | null;
}

export interface ReportChart {
  /** `events-by-kind`, `participation-by-category`, `fulfilment`. */
  chart: string;
  title: string;
  /** Bars in order. */
  bars: { label: string; value: number }[];
}

export interface ReportSignature {
  /** The head's position ("Руководитель школьного округа № 3, директор МБОУ Мурыгинская СШ"), null when none was recorded. */
  position: string | null;
  /** From the personal-data vault; null when erased or not appointed. */
  name: string | null;
  date: IsoDate;
  dateText: string;
}
