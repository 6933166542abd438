import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo data set (demo-data.json): institutions and networks taken from three real annual
 * analyses, see README.md for where each fact comes from. This module types it and checks
 * that it holds together, so the loader never sends a set the server would refuse halfway.
 */

/** The closed lists of the API (POST /institutions, POST /networks, POST /networks/{id}/members). */
export { INSTITUTION_KINDS, MEMBER_ROLES, NETWORK_KINDS } from '@app/networks';
import { INSTITUTION_KINDS, MEMBER_ROLES, NETWORK_KINDS } from '@app/networks';

export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export type NetworkKind = (typeof NETWORK_KINDS)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface DemoSource {
  key: string;
  language: 'uk' | 'ru';
  title: string;
  place: string;
  academicYear: { from: string; to: string };
}

export interface DemoInstitution {
  /** Stable ASCII key: names the record in this file and in the Idempotency-Key of its writes. */
  key: string;
  source: string;
  fullName: string;
  shortName: string;
  kind: InstitutionKind;
  settlement: string;
  website?: string;
  note?: string;
}

export interface DemoMember {
  institution: string;
  role: MemberRole;
  from: string;
}

export interface DemoNetwork {
  key: string;
  source: string;
  /** True when the network is not in the source and was made up to tell its story. */
  assumed?: boolean;
  name: string;
  kind: NetworkKind;
  number?: string;
  description?: string;
  website?: string;
  /** Admissions; an institution that arrives by a transfer is not listed here. */
  members: DemoMember[];
  anchor?: { institution: string; from: string };
  /** The head as the source names them; the API keeps the name out of the recorded events. */
  head?: { fullName: string; position: string; appointedOn: string };
}

export interface DemoTransfer {
  institution: string;
  fromNetwork: string;
  toNetwork: string;
  on: string;
  reason: string;
}

/**
 * An event the source reports, held in its academic year (the sources list past work). Its
 * networks, hosts and participants are keys of the set; `when` is written as the events import
 * reads it, with no more precision than the source gives (`2020/2021`, `2022-11`).
 */
export interface DemoEvent {
  key: string;
  source: string;
  kind: string;
  topic: string;
  description?: string;
  networks: string[];
  audienceNetworks?: string[];
  hosts?: string[];
  when: string;
  format?: 'in-person' | 'online' | 'hybrid';
  platform?: string;
  level?: 'network' | 'municipal' | 'regional' | 'national';
  audience?: string[];
  /** The series it is one of, by name, where the source shows it recurring. */
  series?: string;
  participants?: string[];
  outcome?: string;
  publications?: { url: string; title?: string }[];
  /** The source's words it is taken from. */
  quote: string;
}

export interface DemoData {
  sources: DemoSource[];
  institutions: DemoInstitution[];
  networks: DemoNetwork[];
  transfers: DemoTransfer[];
  events: DemoEvent[];
}

export const DEMO_DATA_FILE = join(__dirname, 'demo-data.json');

export const readDemoData = (file: string = DEMO_DATA_FILE): DemoData => JSON.parse(readFileSync(file, 'utf8')) as DemoData;

// ---- consistency -----------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A real calendar date written YYYY-MM-DD. */
export const isRealDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
};

/** A stay of an institution in a network: [from, to), `to` null while it lasts. */
export interface DemoStay {
  network: string;
  institution: string;
  role: MemberRole;
  from: string;
  to: string | null;
}

/** Every stay the data set produces: admissions, then transfers in date order. */
export const staysOf = (data: DemoData): DemoStay[] => {
  const stays: DemoStay[] = data.networks.flatMap((n) =>
    n.members.map((m) => ({ network: n.key, institution: m.institution, role: m.role, from: m.from, to: null })),
  );
  for (const t of [...data.transfers].sort((a, b) => a.on.localeCompare(b.on))) {
    const leaving = stays.find((s) => s.network === t.fromNetwork && s.institution === t.institution && s.to === null);
    if (!leaving) continue; // reported by the transfer check
    leaving.to = t.on;
    stays.push({ network: t.toNetwork, institution: t.institution, role: leaving.role, from: t.on, to: null });
  }
  return stays;
};

const holdsOn = (stay: DemoStay, date: string): boolean => stay.from <= date && (stay.to === null || date < stay.to);
const overlap = (a: DemoStay, b: DemoStay): boolean => a.from < (b.to ?? '9999-12-31') && b.from < (a.to ?? '9999-12-31');

export type DemoCheck =
  | 'keys'
  | 'kinds'
  | 'dates'
  | 'members-reference-institutions'
  | 'one-network-per-kind'
  | 'anchors-are-members'
  | 'transfers'
  | 'required-fields'
  | 'events';

/** What is wrong with the data set, rule by rule; every list empty when it holds together. */
export const checkDemoData = (data: DemoData): Record<DemoCheck, string[]> => {
  const problems: Record<DemoCheck, string[]> = {
    keys: [],
    kinds: [],
    dates: [],
    'members-reference-institutions': [],
    'one-network-per-kind': [],
    'anchors-are-members': [],
    transfers: [],
    'required-fields': [],
    events: [],
  };
  const institutions = new Map(data.institutions.map((i) => [i.key, i]));
  const networks = new Map(data.networks.map((n) => [n.key, n]));
  const sources = new Set(data.sources.map((s) => s.key));

  // keys: unique, ASCII (they travel in the Idempotency-Key header), sources exist
  const seen = new Set<string>();
  for (const { key, what } of [
    ...data.institutions.map((i) => ({ key: i.key, what: 'institution' })),
    ...data.networks.map((n) => ({ key: n.key, what: 'network' })),
  ]) {
    if (typeof key !== 'string' || !KEY.test(key)) problems.keys.push(`${what} key «${key}» is not lower-case ASCII words joined by hyphens`);
    if (seen.has(`${what}:${key}`)) problems.keys.push(`${what} key «${key}» is used twice`);
    seen.add(`${what}:${key}`);
  }
  for (const record of [...data.institutions, ...data.networks]) {
    if (!sources.has(record.source)) problems.keys.push(`«${record.key}» names an unknown source «${record.source}»`);
  }
  const shortNames = new Set<string>();
  for (const i of data.institutions) {
    if (shortNames.has(i.shortName)) problems.keys.push(`short name «${i.shortName}» is used twice`);
    shortNames.add(i.shortName);
  }
  const names = new Set<string>();
  for (const n of data.networks) {
    const id = `${n.kind}|${n.name}|${n.number ?? ''}`;
    if (names.has(id)) problems.keys.push(`two ${n.kind} networks are named «${n.name}»${n.number ? ` № ${n.number}` : ''}`);
    names.add(id);
  }

  // kinds and roles: the API's closed lists
  for (const i of data.institutions) {
    if (!(INSTITUTION_KINDS as readonly string[]).includes(i.kind)) problems.kinds.push(`institution «${i.key}» has kind «${i.kind}»`);
  }
  for (const n of data.networks) {
    if (!(NETWORK_KINDS as readonly string[]).includes(n.kind)) problems.kinds.push(`network «${n.key}» has kind «${n.kind}»`);
    for (const m of n.members) {
      if (!(MEMBER_ROLES as readonly string[]).includes(m.role)) problems.kinds.push(`«${m.institution}» in «${n.key}» has role «${m.role}»`);
    }
  }

  // dates
  const date = (value: unknown, where: string) => {
    if (!isRealDate(value)) problems.dates.push(`${where}: «${String(value)}» is not a real YYYY-MM-DD date`);
  };
  for (const s of data.sources) {
    date(s.academicYear.from, `source ${s.key} academic year from`);
    date(s.academicYear.to, `source ${s.key} academic year to`);
  }
  for (const n of data.networks) {
    for (const m of n.members) date(m.from, `${n.key}: member ${m.institution} from`);
    if (n.anchor) date(n.anchor.from, `${n.key}: anchor from`);
    if (n.head) date(n.head.appointedOn, `${n.key}: head appointed on`);
  }
  for (const t of data.transfers) date(t.on, `transfer of ${t.institution} on`);

  // required text fields
  const text = (value: unknown, where: string) => {
    if (typeof value !== 'string' || value.trim() === '') problems['required-fields'].push(`${where} is empty`);
  };
  for (const i of data.institutions) {
    text(i.fullName, `${i.key}: fullName`);
    text(i.shortName, `${i.key}: shortName`);
    text(i.settlement, `${i.key}: settlement`);
    if (i.website !== undefined && !/^https?:\/\/\S+$/.test(i.website)) problems['required-fields'].push(`${i.key}: website is not an http(s) URL`);
  }
  for (const n of data.networks) {
    text(n.name, `${n.key}: name`);
    if (n.head) {
      text(n.head.fullName, `${n.key}: head fullName`);
      text(n.head.position, `${n.key}: head position`);
    }
    if (n.website !== undefined && !/^https?:\/\/\S+$/.test(n.website)) problems['required-fields'].push(`${n.key}: website is not an http(s) URL`);
  }
  for (const t of data.transfers) text(t.reason, `transfer of ${t.institution}: reason`);

  // every member, anchor and transfer references an institution (and network) of the set
  for (const n of data.networks) {
    const seenHere = new Set<string>();
    for (const m of n.members) {
      if (!institutions.has(m.institution)) problems['members-reference-institutions'].push(`${n.key}: member «${m.institution}» is not an institution of the set`);
      if (seenHere.has(m.institution)) problems['members-reference-institutions'].push(`${n.key}: «${m.institution}» is admitted twice`);
      seenHere.add(m.institution);
    }
    if (n.anchor && !institutions.has(n.anchor.institution)) {
      problems['members-reference-institutions'].push(`${n.key}: anchor «${n.anchor.institution}» is not an institution of the set`);
    }
  }
  for (const t of data.transfers) {
    if (!institutions.has(t.institution)) problems['members-reference-institutions'].push(`transfer: «${t.institution}» is not an institution of the set`);
    for (const network of [t.fromNetwork, t.toNetwork]) {
      if (!networks.has(network)) problems.transfers.push(`transfer of ${t.institution}: «${network}» is not a network of the set`);
    }
  }

  const stays = staysOf(data);

  // transfers: from a network the institution is in, after it joined, to another network of the same kind
  for (const t of data.transfers) {
    const from = networks.get(t.fromNetwork);
    const to = networks.get(t.toNetwork);
    if (!from || !to) continue;
    if (t.fromNetwork === t.toNetwork) problems.transfers.push(`transfer of ${t.institution}: to the network it is in`);
    if (from.kind !== to.kind) problems.transfers.push(`transfer of ${t.institution}: from a ${from.kind} to a ${to.kind}`);
    const leaving = stays.find((s) => s.network === t.fromNetwork && s.institution === t.institution && s.to === t.on);
    if (!leaving) problems.transfers.push(`transfer of ${t.institution}: it is not a member of «${t.fromNetwork}» when it leaves on ${t.on}`);
    else if (!(leaving.from < t.on)) problems.transfers.push(`transfer of ${t.institution}: it joined «${t.fromNetwork}» on ${leaving.from}, not before ${t.on}`);
    if (from.anchor?.institution === t.institution) problems.transfers.push(`transfer of ${t.institution}: it is the anchor of «${t.fromNetwork}»`);
  }

  // one network per kind at any date
  for (let a = 0; a < stays.length; a++) {
    for (let b = a + 1; b < stays.length; b++) {
      const [x, y] = [stays[a], stays[b]];
      if (x.institution !== y.institution) continue;
      if (networks.get(x.network)?.kind !== networks.get(y.network)?.kind) continue;
      if (overlap(x, y)) {
        problems['one-network-per-kind'].push(
          `«${x.institution}» is in «${x.network}» (${x.from}–${x.to ?? '…'}) and «${y.network}» (${y.from}–${y.to ?? '…'}), both ${networks.get(x.network)?.kind}`,
        );
      }
    }
  }

  // the anchor is a member on the day it becomes the anchor and stays one
  for (const n of data.networks) {
    if (!n.anchor) continue;
    const stay = stays.find((s) => s.network === n.key && s.institution === n.anchor!.institution && holdsOn(s, n.anchor!.from));
    if (!stay) problems['anchors-are-members'].push(`${n.key}: anchor «${n.anchor.institution}» is not a member on ${n.anchor.from}`);
    else if (stay.to !== null) problems['anchors-are-members'].push(`${n.key}: anchor «${n.anchor.institution}» leaves on ${stay.to}`);
  }

  // events: keys of the set, dates no more precise than a source's academic year allows, in that year
  const eventKeys = new Set<string>();
  for (const e of data.events ?? []) {
    const where = `event ${e.key}`;
    if (!KEY.test(e.key ?? '') || eventKeys.has(e.key)) problems.events.push(`${where}: the key is not unique lower-case ASCII words`);
    eventKeys.add(e.key);
    const source = data.sources.find((s) => s.key === e.source);
    if (!source) problems.events.push(`${where}: unknown source «${e.source}»`);
    if (!e.topic?.trim() || !e.quote?.trim()) problems.events.push(`${where}: a topic and the source's words are required`);
    if (!e.networks?.length) problems.events.push(`${where}: no network`);
    for (const n of [...(e.networks ?? []), ...(e.audienceNetworks ?? [])]) if (!networks.has(n)) problems.events.push(`${where}: «${n}» is not a network of the set`);
    for (const i of [...(e.hosts ?? []), ...(e.participants ?? [])]) if (!institutions.has(i)) problems.events.push(`${where}: «${i}» is not an institution of the set`);
    const year = source ? `${source.academicYear.from.slice(0, 4)}/${source.academicYear.to.slice(0, 4)}` : '';
    const inYear = e.when === year || (/^\d{4}-\d{2}$/.test(e.when) && source !== undefined && `${e.when}-01` >= source.academicYear.from && `${e.when}-01` <= source.academicYear.to);
    if (!inYear) problems.events.push(`${where}: when «${e.when}» is neither the source's academic year ${year} nor a month of it`);
    for (const link of e.publications ?? []) if (!/^https?:\/\/\S+$/.test(link.url)) problems.events.push(`${where}: publication «${link.url}» is not an http(s) URL`);
  }

  return problems;
};

/** All problems in one list, each prefixed with its rule. */
export const demoDataProblems = (data: DemoData): string[] =>
  Object.entries(checkDemoData(data)).flatMap(([rule, list]) => list.map((p) => `${rule}: ${p}`));

/** Members of a network on a date, as the data set says (what the server's composition should show). */
export const expectedComposition = (data: DemoData, network: string, on: string): { institution: string; role: MemberRole; since: string }[] =>
  staysOf(data)
    .filter((s) => s.network === network && holdsOn(s, on))
    .map((s) => ({ institution: s.institution, role: s.role, since: s.from }));

/**
 * The data set's events as an events import file (POST /events/imports, JSON): networks and
 * institutions named as the department names them (the network's name, the short name), each
 * event keyed by its key in the set, so that loading again finds every one of them.
 */
export const eventsImportFile = (data: DemoData): { events: Record<string, unknown>[] } => {
  const networkName = (key: string) => data.networks.find((n) => n.key === key)!.name;
  const shortName = (key: string) => data.institutions.find((i) => i.key === key)!.shortName;
  return {
    events: data.events.map((e) => ({
      key: `demo-${e.key}`,
      kind: e.kind,
      topic: e.topic,
      ...(e.description ? { description: e.description } : {}),
      networks: e.networks.map(networkName),
      ...(e.audienceNetworks ? { audienceNetworks: e.audienceNetworks.map(networkName) } : {}),
      ...(e.hosts ? { hosts: e.hosts.map(shortName) } : {}),
      when: e.when,
      ...(e.format ? { format: e.format } : {}),
      ...(e.platform ? { platform: e.platform } : {}),
      ...(e.level ? { level: e.level } : {}),
      ...(e.audience ? { audience: e.audience } : {}),
      ...(e.series ? { series: e.series } : {}),
      status: 'held',
      ...(e.participants ? { participants: e.participants.map(shortName) } : {}),
      ...(e.outcome ? { outcome: e.outcome } : {}),
      ...(e.publications ? { publications: e.publications } : {}),
    })),
  };
};
