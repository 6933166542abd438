import { createHash } from 'node:crypto';
import { CommandContext, NewEvent, RuleViolated, deterministicId, isIsoDate, metadataFor } from '@app/kernel';
import type { ExpectedRevision, StreamAppend } from '@app/event-store';
import {
  INSTITUTION_KINDS,
  InstitutionDetails,
  InstitutionKind,
  InstitutionState,
  institutionDecider,
  institutionStream,
} from '../institution/institution.decider';
import {
  MEMBER_ROLES,
  MemberRole,
  MembershipSpan,
  NETWORK_KINDS,
  NetworkKind,
  NetworkMapEvent,
  NetworkMapState,
  NetworkRecord,
  decideNetworkMap,
  evolveNetworkMap,
  holdsOn,
  initialNetworkMapState,
  networkMapStream,
} from '../network-map/network-map.decider';
import { ImportInput, InstitutionInput, InstitutionRef, MemberInput, NetworkInput, RowRef } from './import-file';
import { CodeClaim, externalCodeClaimStream } from '../institution/external-code-claim';
import { externalCodeClaimDecider } from '../institution/external-code-claim.decider';

/**
 * Plans an import, purely: given what is recorded (the institutions the file may mean, the
 * claims of the external codes it names, the network maps of the kinds it names) and the
 * file's rows, it decides every row with the real deciders, one after the other on states
 * that already include the earlier rows' events, and says per row what happens: created,
 * unchanged, or rejected and why. The appends it returns are written together or not at all.
 */

// ---- what is recorded ------------------------------------------------------------------------

export type RegisteredInstitution = Exclude<InstitutionState, { status: 'unregistered' }>;

export interface KnownInstitution {
  id: string;
  state: RegisteredInstitution;
  /** Set when this very import (its command) registered it in an earlier, partly written attempt. */
  createdByThisImport?: boolean;
}

/** The claim stream of an external code (see ExternalCodeRegistry) as it was read. */
export type { CodeClaim };

/** A network map as it was read. */
export interface MapSnapshot {
  revision: number;
  state: NetworkMapState;
  /** What this very import wrote to the map in an earlier, partly written attempt. */
  createdByThisImport?: { networks: string[]; memberships: string[]; anchors: string[] };
}

export interface ImportWorld {
  department: string;
  /** Registered institutions the file may mean (others are ignored): code holders, name matches. */
  institutions: KnownInstitution[];
  /** Claims of every external code the file names (as a code or as a reference). */
  codes: Record<string, CodeClaim>;
  maps: Partial<Record<NetworkKind, MapSnapshot>>;
}

// ---- what the import answers -----------------------------------------------------------------

export type ImportEntity = 'institution' | 'network' | 'membership' | 'anchor';
export type ImportOutcome = 'created' | 'unchanged' | 'rejected';

export interface ImportRowOutcome {
  /** 1-based CSV data row, or a JSON path such as `networks[0].members[2]`. */
  row: RowRef;
  entity: ImportEntity;
  /** What the row names, for people: an institution's short name and settlement, a network's name. */
  key: string;
  outcome: ImportOutcome;
  /** The institution or network (for memberships and anchors: the network). */
  id?: string;
  reason?: string;
  /** The field a rejected row is wrong in, when it is one field. */
  field?: string;
  /** Machine-readable cause of a rejection: a domain rule's name, or `invalid-value`, `duplicate-row`, … */
  rule?: string;
}

export interface EntityCounts {
  institutions: number;
  networks: number;
  memberships: number;
  anchors: number;
}

export interface ImportCounts {
  created: EntityCounts;
  unchanged: EntityCounts;
  /** Rows rejected, all of them (the summary lists only the first ones). */
  rejected: number;
  /** Rows rejected by each rule (`invalid-value`, `duplicate-row`, a domain rule, …). */
  rejectedByRule: Record<string, number>;
}

export interface ImportSummary {
  dryRun: boolean;
  /** True when the import was carried out: not a dry run and no row rejected (even if nothing was new). */
  applied: boolean;
  counts: ImportCounts;
  /**
   * Outcomes in file order, at most {@link LISTED_ROWS}, always with the first
   * {@link LISTED_REJECTIONS} rejected rows; the counts cover every row.
   */
  rows: ImportRowOutcome[];
  /** How many rows are not listed in `rows` (0 for a file of up to {@link LISTED_ROWS} rows). */
  omittedRows: number;
  /** Global position of the last event written, for `consistentWith`; absent when nothing was written. */
  position?: number;
}

/** A summary lists at most this many rows, so that its size does not grow with the file. */
export const LISTED_ROWS = 1000;
/** Of rejected rows, a summary lists the first this many in full; the counts give the rest by rule. */
export const LISTED_REJECTIONS = 100;

/**
 * The rows a summary lists: the first {@link LISTED_REJECTIONS} rejected rows, and as many of
 * the other rows (first first) as fit in {@link LISTED_ROWS}, in file order.
 */
export const listedRows = (rows: readonly ImportRowOutcome[]): { rows: ImportRowOutcome[]; omittedRows: number } => {
  let rejections = 0;
  for (const row of rows) if (row.outcome === 'rejected' && rejections < LISTED_REJECTIONS) rejections++;
  let others = LISTED_ROWS - rejections;
  let rejectedLeft = rejections;
  const listed: ImportRowOutcome[] = [];
  for (const row of rows) {
    if (row.outcome === 'rejected' ? rejectedLeft-- > 0 : others-- > 0) listed.push(row);
  }
  return { rows: listed, omittedRows: rows.length - listed.length };
};

/** An event the import will record, before it gets its id and metadata. */
export interface PlannedEvent {
  type: string;
  data: unknown;
  /** The date it takes effect (a membership's or an anchor's `from`). */
  effectiveAt?: string;
}

export interface PlannedAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: PlannedEvent[];
}

export interface ImportPlan {
  rows: ImportRowOutcome[];
  counts: ImportCounts;
  /** Claims, then institutions, then network maps; empty when a row is rejected. */
  appends: PlannedAppend[];
}

// ---- identities ------------------------------------------------------------------------------

/** The claim stream of an external code: the one ExternalCodeRegistry uses. */
export const codeClaimStream = externalCodeClaimStream;

/** Id of an institution an import registers: the same file gives the same id. */
export const importedInstitutionId = (department: string, details: { externalCode?: string | null; shortName: string; settlement: string }): string =>
  deterministicId(department, 'import-institution', details.externalCode || `${details.shortName}\u0000${details.settlement}`);

/** Id of a network an import registers. */
export const importedNetworkId = (department: string, network: { kind: string; name: string; number: string | null }): string =>
  deterministicId(department, 'import-network', network.kind, network.name, network.number ?? '');

/** SHA-256 of the normalised input (entities and values, not the format or row labels). */
export const hashInput = (input: ImportInput): string => {
  const strip = <T extends { row: RowRef }>({ row: _row, ...rest }: T) => rest;
  const normal = {
    institutions: input.institutions.map(strip),
    networks: input.networks.map((n) => ({ ...strip(n), members: n.members.map(strip), anchors: n.anchors.map(strip) })),
  };
  return createHash('sha256').update(JSON.stringify(normal)).digest('hex');
};

/**
 * The events to append, with ids derived from the department, the input, the stream and the
 * revision it is appended at, so a retried append of the same plan is recognised by the store.
 */
export const toStreamAppends = (plan: Pick<ImportPlan, 'appends'>, context: CommandContext, inputHash: string): StreamAppend[] =>
  plan.appends.map((append) => ({
    streamId: append.streamId,
    expectedRevision: append.expectedRevision,
    events: append.events.map(
      (event, index): NewEvent => ({
        id: deterministicId(context.department, inputHash, append.streamId, String(append.expectedRevision), String(index)),
        type: event.type,
        data: event.data,
        metadata: metadataFor({ ...context, source: 'import' }, event.effectiveAt ? { effectiveAt: event.effectiveAt } : {}),
      }),
    ),
  }));

// ---- checks of values ------------------------------------------------------------------------

interface Problem {
  field: string;
  message: string;
}

const required = (problems: Problem[], field: string, value: string | undefined, max: number): void => {
  if (value === undefined) problems.push({ field, message: `${field} is required` });
  else if (value.length > max) problems.push({ field, message: `${field} must be at most ${max} characters` });
};
const optional = (problems: Problem[], field: string, value: string | undefined, max: number): void => {
  if (value !== undefined && value.length > max) problems.push({ field, message: `${field} must be at most ${max} characters` });
};
const oneOf = (problems: Problem[], field: string, value: string | undefined, allowed: readonly string[]): void => {
  if (value === undefined) problems.push({ field, message: `${field} is required` });
  else if (!allowed.includes(value)) problems.push({ field, message: `${field} must be one of the following values: ${allowed.join(', ')}` });
};
const url = (problems: Problem[], field: string, value: string | undefined): void => {
  if (value === undefined) return;
  let ok = false;
  try {
    const parsed = new URL(value);
    ok = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.');
  } catch {
    ok = false;
  }
  if (!ok) problems.push({ field, message: `${field} must be a URL address starting with http:// or https://` });
  else if (value.length > 300) problems.push({ field, message: `${field} must be at most 300 characters` });
};

const institutionProblems = (i: InstitutionInput): Problem[] => {
  const problems: Problem[] = [];
  required(problems, 'fullName', i.fullName, 500);
  required(problems, 'shortName', i.shortName, 200);
  oneOf(problems, 'kind', i.kind, INSTITUTION_KINDS);
  required(problems, 'settlement', i.settlement, 200);
  optional(problems, 'externalCode', i.externalCode, 64);
  url(problems, 'website', i.website);
  return problems;
};

const networkProblems = (n: NetworkInput, csv: boolean): Problem[] => {
  const problems: Problem[] = [];
  const [name, kind, number] = csv ? ['network', 'networkKind', 'networkNumber'] : ['name', 'kind', 'number'];
  required(problems, name, n.name, 300);
  oneOf(problems, kind, n.kind, NETWORK_KINDS);
  optional(problems, number, n.number, 20);
  optional(problems, 'description', n.description, 2000);
  url(problems, 'website', n.website);
  return problems;
};

const memberProblems = (m: MemberInput, csv: boolean): Problem[] => {
  const problems: Problem[] = [];
  if (!m.institution) problems.push({ field: 'institution', message: 'institution is required: an externalCode or a shortName' });
  oneOf(problems, 'role', m.role, csv ? [...MEMBER_ROLES, 'anchor'] : MEMBER_ROLES);
  if (m.from === undefined) problems.push({ field: 'from', message: 'from is required' });
  else if (!isIsoDate(m.from)) problems.push({ field: 'from', message: 'from must be a date written YYYY-MM-DD' });
  return problems;
};

// ---- the planner -----------------------------------------------------------------------------

const emptyCounts = (): EntityCounts => ({ institutions: 0, networks: 0, memberships: 0, anchors: 0 });
const COUNT_OF: Record<ImportEntity, keyof EntityCounts> = { institution: 'institutions', network: 'networks', membership: 'memberships', anchor: 'anchors' };
const ENTITY_ORDER: Record<ImportEntity, number> = { institution: 0, network: 1, membership: 2, anchor: 3 };


/** What a row's institution resolved to. */
type Resolved =
  | { ok: true; id: string; label: string; closedOn: string | null }
  | { ok: false; label: string; reason: string; rule: string };

/**
 * Why a row is rejected. Thrown and caught inside the planner only, so it is not an Error: a
 * file of many bad rows would spend most of its time capturing stack traces nobody reads.
 */
class Rejection {
  constructor(
    readonly rule: string,
    readonly message: string,
    readonly field?: string,
  ) {}
}

const decided = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (error instanceof RuleViolated) throw new Rejection(error.code, error.message);
    throw error;
  }
};

const networkLabel = (n: { name?: string; number?: string | null; kind?: string }): string =>
  `«${n.name ?? '?'}»${n.number ? ` № ${n.number}` : ''}${n.kind ? ` (${n.kind})` : ''}`;
const institutionLabel = (i: { shortName?: string; settlement?: string; externalCode?: string | null }): string =>
  `${i.shortName ?? '?'}, ${i.settlement ?? '?'}${i.externalCode ? ` [${i.externalCode}]` : ''}`;

interface MapWork {
  kind: NetworkKind;
  streamId: string;
  revision: number;
  state: NetworkMapState;
  events: PlannedEvent[];
  created: { networks: Set<string>; memberships: Set<string>; anchors: Set<string> };
  /** Active networks by name and number, kept up to date as events are applied. */
  activeByName: Map<string, NetworkRecord>;
  /** Memberships by network and institution, kept up to date as events are applied. */
  memberships: Map<string, MembershipSpan[]>;
}

const nameKey = (name: string, number: string | null): string => JSON.stringify([name, number]);
const membershipKey = (networkId: string, institutionId: string): string => `${networkId}/${institutionId}`;
const placeKey = (shortName: string, settlement: string): string => `${shortName.trim()}\u0000${settlement.trim()}`;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
const groupBy = <K, V>(values: Iterable<V>, key: (value: V) => K): Map<K, V[]> => {
  const map = new Map<K, V[]>();
  for (const value of values) push(map, key(value), value);
  return map;
};

export const planImport = (world: ImportWorld, input: ImportInput): ImportPlan => {
  const { department } = world;
  const csv = input.format === 'csv';
  const rows: ImportRowOutcome[] = [];
  const claimAppends: PlannedAppend[] = [];
  const institutionAppends: PlannedAppend[] = [];
  const known = new Map(world.institutions.filter((i) => i.state.department === department).map((i) => [i.id, i]));
  // Indexes, so that every row is checked in constant time whatever the size of the file.
  const knownByPlace = groupBy(known.values(), (k) => placeKey(k.state.shortName, k.state.settlement));
  const knownByShortName = groupBy(known.values(), (k) => k.state.shortName);
  const fileByCode = new Map<string, number>();
  const fileByShortName = new Map<string, number[]>();
  input.institutions.forEach((i, index) => {
    if (i.externalCode !== undefined && !fileByCode.has(i.externalCode)) fileByCode.set(i.externalCode, index);
    if (i.shortName !== undefined) push(fileByShortName, i.shortName, index);
  });

  const record = (outcome: ImportRowOutcome): void => {
    rows.push(outcome);
  };
  const reject = (row: RowRef, entity: ImportEntity, key: string, error: Rejection | { rule: string; message: string; field?: string }): void =>
    record({ row, entity, key, outcome: 'rejected', reason: error.message, rule: error.rule, ...(error.field ? { field: error.field } : {}) });
  const invalid = (problems: Problem[]): Rejection =>
    new Rejection('invalid-value', problems.map((p) => p.message).join('; '), problems[0].field);

  for (const problem of input.problems) {
    record({ row: problem.row, entity: problem.entity, key: problem.key, outcome: 'rejected', reason: problem.reason, rule: 'invalid-row', ...(problem.field ? { field: problem.field } : {}) });
  }

  // ---- institutions ----
  const resolvedLocal: Resolved[] = [];
  const firstRowOf = new Map<string, RowRef>();
  input.institutions.forEach((row, index) => {
    const label = institutionLabel(row);
    const settle = (resolved: Resolved) => (resolvedLocal[index] = resolved);
    const refuse = (rejection: Rejection) => {
      reject(row.row, 'institution', label, rejection);
      settle({ ok: false, label, reason: `the institution of row ${row.row} is rejected`, rule: 'depends-on-rejected-row' });
    };
    // The rejections a big file of bad rows is made of are returned, not thrown: throwing costs.
    const problems = institutionProblems(row);
    if (problems.length) return refuse(invalid(problems));
    try {
      const details = row as Required<Pick<InstitutionInput, 'fullName' | 'shortName' | 'kind' | 'settlement'>> & InstitutionInput;
      const keys = [...(details.externalCode ? [`code\u0000${details.externalCode}`] : []), `name\u0000${details.shortName}\u0000${details.settlement}`];
      const earlier = keys.map((k) => firstRowOf.get(k)).find((r) => r !== undefined);
      if (earlier !== undefined) return refuse(new Rejection('duplicate-row', `the same institution as row ${earlier}`));
      for (const k of keys) firstRowOf.set(k, row.row);

      const code = details.externalCode ?? null;
      const newId = importedInstitutionId(department, details);
      const claim = code ? world.codes[code] : undefined;
      if (code && !claim) throw new Error(`the claim of the external code ${code} was not read`);
      const holder = claim?.holder ?? null;
      const named = knownByPlace.get(placeKey(details.shortName, details.settlement)) ?? [];
      const match =
        (holder ? known.get(holder) : undefined) ??
        known.get(newId) ??
        (named.length === 1 ? named[0] : undefined);
      if (!match && named.length > 1) {
        throw new Rejection('ambiguous-institution', `${named.length} registered institutions are named «${details.shortName}» in ${details.settlement}; add the externalCode`);
      }
      if (match) {
        const wanted: Partial<InstitutionDetails> = {
          fullName: details.fullName,
          shortName: details.shortName,
          kind: details.kind as InstitutionKind,
          settlement: details.settlement,
          ...(details.externalCode !== undefined ? { externalCode: details.externalCode } : {}),
          ...(details.website !== undefined ? { website: details.website } : {}),
        };
        const differences = (Object.keys(wanted) as (keyof InstitutionDetails)[]).filter((f) => wanted[f] !== match.state[f]);
        if (differences.length) {
          const said = differences.map((f) => `${f} is «${match.state[f] ?? ''}», the file says «${wanted[f]}»`).join('; ');
          throw new Rejection('registered-with-different-details', `registered with different details: ${said}; correct it through the API`, differences[0]);
        }
        record({ row: row.row, entity: 'institution', key: label, outcome: match.createdByThisImport ? 'created' : 'unchanged', id: match.id });
        settle({ ok: true, id: match.id, label, closedOn: match.state.closedOn });
        return;
      }
      const events = decided(() =>
        institutionDecider.decide(
          {
            type: 'RegisterInstitution',
            data: {
              institutionId: newId,
              department,
              fullName: details.fullName,
              shortName: details.shortName,
              kind: details.kind as InstitutionKind,
              settlement: details.settlement,
              externalCode: code,
              website: details.website ?? null,
              externalCodeHeldBy: holder,
            },
          },
          institutionDecider.initialState(),
        ),
      );
      if (code && claim) {
        const claimed = decided(() =>
          externalCodeClaimDecider.decide(
            { type: 'ClaimExternalCode', data: { department, code, institutionId: newId, claimantHolds: holder !== null } },
            { claimant: claim.claimant },
          ),
        );
        if (claimed.length) claimAppends.push({ streamId: claim.streamId, expectedRevision: claim.revision < 0 ? 'no_stream' : claim.revision, events: claimed });
      }
      institutionAppends.push({ streamId: institutionStream(newId), expectedRevision: 'no_stream', events });
      record({ row: row.row, entity: 'institution', key: label, outcome: 'created', id: newId });
      settle({ ok: true, id: newId, label, closedOn: null });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      refuse(error);
    }
  });

  const resolve = (ref: InstitutionRef): Resolved => {
    if ('local' in ref) return resolvedLocal[ref.local];
    const label = ref.ref;
    const byCode = fileByCode.get(ref.ref);
    if (byCode !== undefined) return { ...resolvedLocal[byCode], label };
    const byName = fileByShortName.get(ref.ref) ?? [];
    if (byName.length === 1) return { ...resolvedLocal[byName[0]], label };
    if (byName.length > 1) {
      return { ok: false, label, rule: 'ambiguous-reference', reason: `${byName.length} institutions of the file are named «${ref.ref}»; refer to one by its externalCode` };
    }
    const holder = world.codes[ref.ref]?.holder;
    const held = holder ? known.get(holder) : undefined;
    if (held) return { ok: true, id: held.id, label, closedOn: held.state.closedOn };
    const registered = knownByShortName.get(ref.ref) ?? [];
    if (registered.length === 1) return { ok: true, id: registered[0].id, label, closedOn: registered[0].state.closedOn };
    if (registered.length > 1) {
      return { ok: false, label, rule: 'ambiguous-reference', reason: `${registered.length} institutions of your department are named «${ref.ref}»; refer to one by its externalCode` };
    }
    return { ok: false, label, rule: 'unresolved-reference', reason: `no institution with the externalCode or shortName «${ref.ref}» in the file or in your department` };
  };

  // ---- networks, their members and anchors ----
  const maps = new Map<NetworkKind, MapWork>();
  const mapOf = (kind: NetworkKind): MapWork => {
    let work = maps.get(kind);
    if (!work) {
      const snapshot = world.maps[kind];
      const state = snapshot?.state ?? initialNetworkMapState();
      work = {
        kind,
        streamId: networkMapStream(department, kind),
        revision: snapshot?.revision ?? -1,
        state,
        events: [],
        created: {
          networks: new Set(snapshot?.createdByThisImport?.networks),
          memberships: new Set(snapshot?.createdByThisImport?.memberships),
          anchors: new Set(snapshot?.createdByThisImport?.anchors),
        },
        activeByName: new Map(Object.values(state.networks).filter((n) => n.status === 'active').map((n) => [nameKey(n.name, n.number), n])),
        memberships: groupBy(state.memberships, (m) => membershipKey(m.networkId, m.institutionId)),
      };
      maps.set(kind, work);
    }
    return work;
  };
  const apply = (work: MapWork, events: NetworkMapEvent[], effectiveAt?: string): void => {
    for (const event of events) {
      work.state = evolveNetworkMap(work.state, event);
      work.events.push({ type: event.type, data: event.data, ...(effectiveAt ? { effectiveAt } : {}) });
      // An import only registers networks, admits members and sets anchors.
      if (event.type === 'NetworkRegistered') {
        const network = work.state.networks[event.data.networkId];
        work.activeByName.set(nameKey(network.name, network.number), network);
      } else if (event.type === 'MemberAdmitted') {
        const { networkId, institutionId, role, from } = event.data;
        push(work.memberships, membershipKey(networkId, institutionId), { networkId, institutionId, role, from, to: null });
      }
    }
  };

  const networkRows = new Map<string, RowRef>();
  for (const network of input.networks) {
    const label = networkLabel(network);
    const dependents = (reason: string) => {
      for (const m of network.members) reject(m.row, 'membership', `${m.institution ? memberLabel(m.institution) : '?'} in ${label}`, { rule: 'depends-on-rejected-row', message: reason });
      for (const a of network.anchors) reject(a.row, 'anchor', `${memberLabel(a.institution)} anchors ${label}`, { rule: 'depends-on-rejected-row', message: reason });
    };
    let work: MapWork;
    let record_: NetworkRecord;
    try {
      const problems = networkProblems(network, csv);
      if (problems.length) throw invalid(problems);
      const kind = network.kind as NetworkKind;
      const name = network.name!;
      const number = network.number ?? null;
      const key = JSON.stringify([kind, name, number]);
      const earlier = networkRows.get(key);
      if (earlier !== undefined) throw new Rejection('duplicate-row', `the same network as row ${earlier}`);
      networkRows.set(key, network.row);
      work = mapOf(kind);
      const match = work.activeByName.get(nameKey(name, number));
      if (match) {
        const wanted = { ...(network.description !== undefined ? { description: network.description } : {}), ...(network.website !== undefined ? { website: network.website } : {}) };
        const differences = (Object.keys(wanted) as ('description' | 'website')[]).filter((f) => wanted[f] !== match[f]);
        if (differences.length) {
          const said = differences.map((f) => `${f} is «${match[f] ?? ''}», the file says «${wanted[f]}»`).join('; ');
          throw new Rejection('registered-with-different-details', `registered with different details: ${said}; correct it through the API`, differences[0]);
        }
        record({ row: network.row, entity: 'network', key: label, outcome: work.created.networks.has(match.networkId) ? 'created' : 'unchanged', id: match.networkId });
        record_ = match;
      } else {
        const networkId = importedNetworkId(department, { kind, name, number });
        const target = work;
        apply(
          target,
          decided(() =>
            decideNetworkMap(
              {
                type: 'RegisterNetwork',
                data: { networkId, department, kind, name, number, description: network.description ?? null, website: network.website ?? null },
              },
              target.state,
            ),
          ),
        );
        record({ row: network.row, entity: 'network', key: label, outcome: 'created', id: networkId });
        record_ = work.state.networks[networkId];
      }
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      reject(network.row, 'network', label, error);
      dependents(`the network of row ${network.row} is rejected`);
      continue;
    }

    const networkId = record_.networkId;
    const memberOutcome = new Map<string, { row: RowRef; from: string; ok: boolean }>();
    for (const member of network.members) {
      const key = `${member.institution ? memberLabel(member.institution) : '?'} in ${label}`;
      const problems = memberProblems(member, csv);
      if (problems.length) {
        reject(member.row, 'membership', key, invalid(problems));
        continue;
      }
      const institution = resolve(member.institution!);
      if (!institution.ok) {
        reject(member.row, 'membership', key, new Rejection(institution.rule, institution.reason, 'institution'));
        continue;
      }
      try {
        const earlier = memberOutcome.get(institution.id);
        if (earlier) throw new Rejection('duplicate-row', `the same membership as row ${earlier.row}`);
        const from = member.from!;
        const role = member.role as MemberRole;
        memberOutcome.set(institution.id, { row: member.row, from, ok: false });
        const holding = work.memberships.get(membershipKey(networkId, institution.id))?.find((s) => holdsOn(s, from));
        if (holding) {
          if (holding.role !== role) {
            throw new Rejection('registered-with-different-details', `is a ${holding.role} of ${label} since ${holding.from}; change the role through the API`, 'role');
          }
          const created = work.created.memberships.has(`${networkId}/${institution.id}`);
          record({ row: member.row, entity: 'membership', key, outcome: created ? 'created' : 'unchanged', id: networkId });
        } else {
          const target = work;
          apply(
            target,
            decided(() =>
              decideNetworkMap(
                { type: 'AdmitMember', data: { networkId, institution: { institutionId: institution.id, closedOn: institution.closedOn }, role, from } },
                target.state,
              ),
            ),
            from,
          );
          record({ row: member.row, entity: 'membership', key, outcome: 'created', id: networkId });
        }
        memberOutcome.set(institution.id, { row: member.row, from, ok: true });
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        reject(member.row, 'membership', key, error);
      }
    }

    network.anchors.forEach((anchor, index) => {
      const key = `${memberLabel(anchor.institution)} anchors ${label}`;
      try {
        if (index > 0) throw new Rejection('duplicate-row', `${label} has its anchor in row ${network.anchors[0].row}; a network has one anchor`, 'role');
        const institution = resolve(anchor.institution);
        if (!institution.ok) throw new Rejection(institution.rule, institution.reason, 'anchor');
        const listed = memberOutcome.get(institution.id);
        if (listed && !listed.ok) throw new Rejection('depends-on-rejected-row', `the membership of row ${listed.row} is rejected`);
        const network_ = work.state.networks[networkId];
        const current = network_.anchors.find((a) => a.to === null);
        if (current?.institutionId === institution.id) {
          const created = work.created.anchors.has(`${networkId}/${institution.id}`);
          record({ row: anchor.row, entity: 'anchor', key, outcome: created ? 'created' : 'unchanged', id: networkId });
          return;
        }
        if (current) {
          throw new Rejection('anchor-taken', `${label} has another anchor (institution ${current.institutionId}) since ${current.from}; change it through the API`, 'anchor');
        }
        const from =
          listed?.from ?? work.memberships.get(membershipKey(networkId, institution.id))?.find((s) => s.to === null)?.from;
        if (!from) throw new Rejection('anchor-must-be-member', `${institution.label} is not a member of ${label}; list it among the members`, 'anchor');
        const target = work;
        apply(target, decided(() => decideNetworkMap({ type: 'SetAnchor', data: { networkId, institutionId: institution.id, from } }, target.state)), from);
        record({ row: anchor.row, entity: 'anchor', key, outcome: 'created', id: networkId });
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        reject(anchor.row, 'anchor', key, error);
      }
    });
  }

  function memberLabel(ref: InstitutionRef): string {
    if ('ref' in ref) return ref.ref;
    const i = input.institutions[ref.local];
    return i ? institutionLabel(i) : '?';
  }

  if (csv) {
    rows.sort((a, b) => (a.row as number) - (b.row as number) || ENTITY_ORDER[a.entity] - ENTITY_ORDER[b.entity]);
  }
  const counts: ImportCounts = { created: emptyCounts(), unchanged: emptyCounts(), rejected: 0, rejectedByRule: {} };
  for (const row of rows) {
    if (row.outcome === 'rejected') {
      counts.rejected++;
      const rule = row.rule ?? 'rejected';
      counts.rejectedByRule[rule] = (counts.rejectedByRule[rule] ?? 0) + 1;
    } else counts[row.outcome][COUNT_OF[row.entity]]++;
  }
  const mapAppends: PlannedAppend[] = [...maps.values()]
    .filter((w) => w.events.length > 0)
    .map((w) => ({ streamId: w.streamId, expectedRevision: w.revision < 0 ? 'no_stream' : w.revision, events: w.events }));
  return { rows, counts, appends: counts.rejected > 0 ? [] : [...claimAppends, ...institutionAppends, ...mapAppends] };
};
