import type { AnnualAnalysis } from '../annual-analysis/annual-analysis.model';
import type { DepartmentSummary } from '../department-summary/department-summary.model';
import type { InstitutionProfile } from '../institution-profile/institution-profile.model';
import type { MonitoringTable } from '../monitoring-table/monitoring-table.model';
import type { ReportKind } from '../report/report.events';

/*
 * The fields a department's template may name, for each kind of report: the fields of the
 * report's data model, and what the DOCX renderer adds beside them (`chartImage.<chart>`,
 * `table.<table>`: raw XML). A catalogue is typed by its model (`FieldCatalogue<T>`), so it names
 * every field of the model and no other: a field added to a model, or taken from it, fails the
 * type check until its catalogue says so. That the built-in templates pass the validation (a
 * spec) shows the catalogues cover what the renderer fills.
 */

/** A field: a value printed as it is (`true`), a group of fields, or a list of items (`[item]`). */
export type FieldNode = true | FieldGroup | readonly [FieldNode];
export interface FieldGroup {
  readonly [field: string]: FieldNode;
}

/** The catalogue of a model's type: every field of it, none else, lists as `[item]`. */
export type FieldCatalogue<T> =
  NonNullable<T> extends readonly (infer Item)[]
    ? readonly [FieldCatalogue<Item>]
    : NonNullable<T> extends object
      ? { readonly [K in keyof NonNullable<T>]-?: FieldCatalogue<NonNullable<T>[K]> }
      : true;

const count = { key: true, label: true, count: true, text: true } as const;
const chart = { chart: true, title: true, bars: [{ label: true, value: true }] } as const;
const basis = { position: true, reportDate: true, reportDateText: true } as const;

const annualAnalysis: FieldCatalogue<AnnualAnalysis> = {
  report: true,
  schemaVersion: true,
  language: true,
  department: true,
  title: true,
  network: { networkId: true, name: true, kind: true, kindLabel: true, number: true },
  period: { kind: true, label: true, text: true, from: true, to: true },
  basis: { position: true, asOf: true, reportDate: true, reportDateText: true },
  labels: {
    anchor: true,
    composition: true,
    changes: true,
    theme: true,
    goal: true,
    tasks: true,
    activityKinds: true,
    projects: true,
    agreements: true,
    eventsHeld: true,
    notHeld: true,
    participation: true,
    eventsByKind: true,
    outside: true,
    publications: true,
    taskResults: true,
    conclusions: true,
    assessment: true,
    problems: true,
    nextYear: true,
    signature: true,
  },
  anchor: { institutionId: true, name: true, text: true },
  composition: { members: [{ institutionId: true, name: true, role: true, roleLabel: true, outsideSince: true }], text: true },
  changes: [{ on: true, change: true, institutionId: true, institutionIds: [true], text: true, reason: true }],
  plan: {
    planId: true,
    status: true,
    revision: true,
    theme: true,
    goal: true,
    tasks: [{ taskId: true, number: true, text: true, expectedResult: true }],
    activityKinds: [true],
    projects: [{ projectId: true, name: true, goal: true, partners: [true], events: [true], text: true }],
    agreements: [{ agreementId: true, number: true, signedOn: true, parties: [true], subject: true, validUntil: true, text: true }],
  },
  eventsHeld: [
    {
      number: true,
      eventId: true,
      kind: true,
      kindLabel: true,
      topic: true,
      format: true,
      hosts: [{ institutionId: true, name: true, outside: true }],
      when: true,
      precision: true,
      planItemIds: [true],
      text: true,
    },
  ],
  notHeld: [{ planItemId: true, kind: true, kindLabel: true, topic: true, when: true, status: true, statusLabel: true, reason: true, text: true }],
  participation: [count],
  eventsByKind: [count],
  outside: [{ institutionId: true, name: true, eventIds: [true], text: true }],
  publications: [{ url: true, title: true, eventIds: [true], text: true }],
  sections: [{ title: true, text: true }],
  closing: {
    closedOn: true,
    assessment: { grade: true, label: true, comment: true, text: true },
    conclusions: true,
    problems: [true],
    taskResults: [{ taskId: true, number: true, task: true, result: true, resultLabel: true, reason: true, text: true }],
    nextYear: { title: true, goal: true, tasks: [true] },
  },
  charts: [chart],
  signature: { position: true, name: true, date: true, dateText: true },
};

const monitoringEvent = { eventId: true, topic: true, hosts: [true], when: true, text: true } as const;

const monitoringTable: FieldCatalogue<MonitoringTable> = {
  report: true,
  schemaVersion: true,
  language: true,
  department: true,
  title: true,
  network: { networkId: true, name: true },
  rowsBy: true,
  periods: [{ kind: true, label: true, from: true, to: true }],
  rows: [{ key: true, label: true, kindLabel: true, cells: [{ events: [monitoringEvent], count: true, text: true }], total: true }],
  totals: [true],
  unplaced: [monitoringEvent],
  labels: { row: true, total: true, counts: true, topics: true, unplaced: true, kind: true },
  basis,
};

const summaryPeriod = { kind: true, label: true, text: true } as const;
const figures = { eventsHeld: true, participants: true, itemsPlanned: true, itemsHeld: true, shareHeld: true } as const;
const summaryCount = { key: true, label: true, count: true, previous: true } as const;

const departmentSummary: FieldCatalogue<DepartmentSummary> = {
  report: true,
  schemaVersion: true,
  language: true,
  department: true,
  title: true,
  period: summaryPeriod,
  previous: summaryPeriod,
  networks: [
    {
      ...figures,
      networkId: true,
      name: true,
      planId: true,
      planStatus: true,
      planStatusLabel: true,
      eventsByKind: [summaryCount],
      participationByCategory: [summaryCount],
      assessment: { grade: true, label: true, comment: true },
      previous: { ...figures, planStatus: true, assessment: true },
      change: { eventsHeld: true, participants: true, shareHeld: true },
    },
  ],
  totals: { ...figures, networks: true, withPlan: true, byStatus: [summaryCount] },
  previousTotals: figures,
  eventsByKind: [summaryCount],
  participationByCategory: [summaryCount],
  charts: [chart],
  labels: { network: true, plan: true, eventsHeld: true, participants: true, fulfilment: true, assessment: true, change: true, total: true, previous: true, none: true },
  basis,
};

const profileEvent = { eventId: true, kind: true, kindLabel: true, topic: true, when: true, outside: true, text: true } as const;

const institutionProfile: FieldCatalogue<InstitutionProfile> = {
  report: true,
  schemaVersion: true,
  language: true,
  department: true,
  title: true,
  institution: { institutionId: true, fullName: true, shortName: true, settlement: true, status: true, closedOn: true, text: true },
  names: [{ until: true, fullName: true, shortName: true, text: true }],
  networks: [{ networkId: true, name: true, kindLabel: true, role: true, roleLabel: true, from: true, to: true, wasAnchor: true, text: true }],
  hosted: [profileEvent],
  tookPart: [profileEvent],
  eventsByKind: [count],
  labels: { networks: true, names: true, hosted: true, tookPart: true, eventsByKind: true },
  basis: { ...basis, from: true, to: true, periodText: true },
};

/**
 * What the DOCX renderer puts beside a model's fields: its charts' pictures (`chartImage.<chart>`,
 * the model's `charts[].chart`) and its tables as laid out (`table.<key>`, the layout's tables'
 * keys). Both are raw XML, the only fields a `{@…}` tag may name.
 */
export const RAW_XML_FIELDS: Readonly<Record<ReportKind, { chartImage: readonly string[]; table: readonly string[] }>> = {
  'annual-analysis': { chartImage: ['events-by-kind', 'participation-by-category', 'fulfilment'], table: [] },
  'monitoring-table': { chartImage: [], table: ['topics', 'counts'] },
  'department-summary': { chartImage: ['fulfilment', 'events-by-kind'], table: ['networks', 'eventsByKind', 'participationByCategory', 'planStatuses'] },
  'institution-profile': { chartImage: [], table: [] },
};

/** The top-level fields that hold raw XML. */
export const RAW_XML_ROOTS = ['chartImage', 'table'] as const;

const MODELS: Readonly<Record<ReportKind, FieldGroup>> = {
  'annual-analysis': annualAnalysis,
  'monitoring-table': monitoringTable,
  'department-summary': departmentSummary,
  'institution-profile': institutionProfile,
};

const rawGroup = (keys: readonly string[]): FieldGroup => Object.fromEntries(keys.map((key) => [key, true]));

/** Every field a template of the kind may name: the model's, and the raw-XML ones beside them. */
export const fieldsOf = (kind: ReportKind): FieldGroup => {
  const raw = RAW_XML_FIELDS[kind];
  return { ...MODELS[kind], chartImage: rawGroup(raw.chartImage), table: rawGroup(raw.table) };
};
