/**
 * Loads the demo data set (demo-data.json) into a running okrug server through its HTTP API:
 * institutions, networks, memberships, anchors, heads and transfers, the events, and the plans
 * with their items linked to the events that held them, then prints what each network and plan
 * looks like. Every write carries an Idempotency-Key derived from the data, so running
 * it again records nothing new.
 *
 *   OKRUG_API_KEY=<key> [OKRUG_URL=http://localhost:3000] npm run demo
 *
 * Everything lands in the department of the key.
 */
import { DemoData, DemoNetwork, demoDataProblems, eventsImportFile, expectedComposition, readDemoData } from './data-set';
import { DEMO_PLANS, DemoPlan } from './plans';

export interface LoadDemoOptions {
  /** Base URL of the server, e.g. http://localhost:3000. */
  url: string;
  apiKey: string;
  /** Where progress lines go; silent when omitted. */
  log?: (line: string) => void;
  /** Another data set than demo-data.json (tests). */
  data?: DemoData;
  /** Other plans than those of plans.ts (tests). */
  plans?: DemoPlan[];
}

/** A network as GET /networks/{id}/composition shows it on a date. */
export interface Composition {
  network: { id?: string; name?: string; kind?: string; number?: string | null; [field: string]: unknown };
  on: string;
  anchor: unknown;
  head: unknown;
  members: { institutionId: string; shortName?: string; role: string; since: string }[];
}

export interface CompositionReport {
  networkKey: string;
  networkId: string;
  on: string;
  composition: Composition;
  /** How the server's members differ from what the data set says; empty when they agree. */
  differences: string[];
}

export interface LoadDemoResult {
  /** Server ids by the data set's keys. */
  institutions: Record<string, string>;
  networks: Record<string, string>;
  /** Writes sent, and how many of them the server recorded now (the rest it had from an earlier run). */
  writes: number;
  recorded: number;
  /** The event store's head before and after the load, from GET /health. */
  headBefore: number | null;
  headAfter: number | null;
  compositions: CompositionReport[];
  /** The events import's answer: what it created and found unchanged, and the events' ids by the data set's keys. */
  events: { created: number; unchanged: number; ids: Record<string, string>; position: number | null };
  /** Plan ids by the plans' keys, and their items' ids by `<plan key>:<item key>`. */
  plans: Record<string, string>;
  planItems: Record<string, string>;
}

/** What POST /events/imports answers (the fields read here). */
interface EventsImportAnswer {
  counts: { created: { events: number; series: number }; unchanged: { events: number; series: number } };
  rows: { row: string; entity: 'event' | 'series'; outcome: string; id?: string; key: string }[];
  position?: number;
}

interface WriteAnswer {
  id: string;
  revision: number;
  position: number;
}

interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
  /** An import's summary (422 import-rejected): the rejected rows and why. */
  summary?: { rows?: { row: unknown; outcome: string; key: string; reason?: string }[] };
}

/** A request the server refused (its problem document is in `problem`) or could not be made. */
export class DemoLoadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'DemoLoadError';
  }
}

const describeProblem = (step: string, status: number, body: unknown): string => {
  const problem = (body && typeof body === 'object' ? body : {}) as Problem;
  const lines = [`${step} failed: ${status} ${problem.title ?? ''}`.trimEnd()];
  if (problem.type) lines.push(`  type:   ${problem.type}`);
  if (problem.detail) lines.push(`  detail: ${problem.detail}`);
  for (const e of problem.errors ?? []) lines.push(`  ${e.field}: ${e.messages.join('; ')}`);
  for (const r of (problem.summary?.rows ?? []).filter((r) => r.outcome === 'rejected')) lines.push(`  ${String(r.row)} ${r.key}: ${r.reason ?? ''}`);
  if (typeof body === 'string' && body.trim()) lines.push(`  ${body.trim().slice(0, 500)}`);
  return lines.join('\n');
};

class Client {
  constructor(
    private readonly base: string,
    private readonly apiKey: string,
  ) {}

  async request<T>(step: string, method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' };
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new DemoLoadError(`${step} failed: no answer from ${this.base} (${cause}). Is the okrug server running there?`);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text for the message
    }
    if (!response.ok) throw new DemoLoadError(describeProblem(`${method} ${path} (${step})`, response.status, parsed), response.status, parsed as Problem);
    return parsed as T;
  }

  /** The event store's head, or null when /health does not say. */
  async head(): Promise<number | null> {
    const health = await this.request<{ eventStore?: { head?: unknown } }>('GET /health', 'GET', '/health');
    const head = health?.eventStore?.head;
    return typeof head === 'number' ? head : null;
  }
}

const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Loads the data set; throws DemoLoadError at the first refusal. */
export async function loadDemo(options: LoadDemoOptions): Promise<LoadDemoResult> {
  const log = options.log ?? (() => undefined);
  const data = options.data ?? readDemoData();
  const problems = demoDataProblems(data);
  if (problems.length > 0) throw new DemoLoadError(`the demo data set does not hold together:\n  ${problems.join('\n  ')}`);

  const client = new Client(options.url.replace(/\/+$/, ''), options.apiKey);
  const headBefore = await client.head();
  const institutions: Record<string, string> = {};
  const networks: Record<string, string> = {};
  const shortNames = new Map<string, string>();
  let writes = 0;
  let recorded = 0;
  let lastPosition = 0;

  const write = async (what: string, path: string, body: object, idempotencyKey: string): Promise<WriteAnswer> => {
    const answer = await client.request<WriteAnswer>(what, 'POST', path, body, idempotencyKey);
    writes++;
    lastPosition = Math.max(lastPosition, answer.position);
    // An answer from an earlier run carries that run's position, at or below the head we started from.
    const isNew = headBefore === null || answer.position > headBefore;
    if (isNew) recorded++;
    log(`  ${isNew ? '+' : '='} ${what}${isNew ? '' : ' (already there)'}`);
    return answer;
  };

  log(`Loading the demo data set into ${options.url}`);
  log('Institutions');
  for (const i of data.institutions) {
    const body = {
      fullName: i.fullName,
      shortName: i.shortName,
      kind: i.kind,
      settlement: i.settlement,
      ...(i.website ? { website: i.website } : {}),
    };
    const answer = await write(`institution ${i.shortName}`, '/institutions', body, `demo:institution:${i.key}`);
    institutions[i.key] = answer.id;
    shortNames.set(answer.id, i.shortName);
  }

  const networkLabel = (n: DemoNetwork) => `«${n.name}»`;
  const nameOf = (key: string) => data.institutions.find((i) => i.key === key)?.shortName ?? key;

  log('Networks');
  for (const n of data.networks) {
    const body = {
      name: n.name,
      kind: n.kind,
      ...(n.number ? { number: n.number } : {}),
      ...(n.description ? { description: n.description } : {}),
      ...(n.website ? { website: n.website } : {}),
    };
    const { id } = await write(`network ${networkLabel(n)} (${n.kind})`, '/networks', body, `demo:network:${n.key}`);
    networks[n.key] = id;
    for (const m of n.members) {
      await write(
        `${networkLabel(n)}: ${nameOf(m.institution)} joins as ${m.role} from ${m.from}`,
        `/networks/${id}/members`,
        { institutionId: institutions[m.institution], role: m.role, from: m.from },
        `demo:network:${n.key}:member:${m.institution}:${m.from}`,
      );
    }
    if (n.anchor) {
      await write(
        `${networkLabel(n)}: anchor ${nameOf(n.anchor.institution)} from ${n.anchor.from}`,
        `/networks/${id}/anchor`,
        { institutionId: institutions[n.anchor.institution], from: n.anchor.from },
        `demo:network:${n.key}:anchor:${n.anchor.institution}:${n.anchor.from}`,
      );
    }
    if (n.head) {
      await write(
        `${networkLabel(n)}: head (${n.head.position}) from ${n.head.appointedOn}`,
        `/networks/${id}/head`,
        { fullName: n.head.fullName, position: n.head.position, appointedOn: n.head.appointedOn },
        `demo:network:${n.key}:head:${n.head.appointedOn}`,
      );
    }
  }

  if (data.transfers.length > 0) log('Transfers');
  for (const t of [...data.transfers].sort((a, b) => a.on.localeCompare(b.on))) {
    const from = data.networks.find((n) => n.key === t.fromNetwork)!;
    const to = data.networks.find((n) => n.key === t.toNetwork)!;
    await write(
      `${nameOf(t.institution)} moves from ${networkLabel(from)} to ${networkLabel(to)} on ${t.on}`,
      `/networks/${networks[t.fromNetwork]}/members/${institutions[t.institution]}/transfer`,
      { toNetworkId: networks[t.toNetwork], on: t.on, reason: t.reason },
      `demo:transfer:${t.institution}:${t.fromNetwork}:${t.toNetwork}:${t.on}`,
    );
  }

  // The events the sources report, in one import: all or none; a second run finds them all unchanged.
  log('Events');
  const file = eventsImportFile(data);
  const imported = await client.request<EventsImportAnswer>('events import', 'POST', '/events/imports', file);
  writes++;
  const created = imported.counts.created.events + imported.counts.created.series;
  if (created > 0) recorded++;
  if (imported.position !== undefined) lastPosition = Math.max(lastPosition, imported.position);
  const eventIds: Record<string, string> = {};
  imported.rows
    .filter((r) => r.entity === 'event')
    .forEach((r) => {
      const index = Number(/^events\[(\d+)\]$/.exec(r.row)?.[1]);
      eventIds[data.events[index].key] = r.id!;
      log(`  ${r.outcome === 'created' ? '+' : '='} ${r.key}${r.outcome === 'created' ? '' : ' (already there)'}`);
    });
  log(`  ${imported.counts.created.events} events and ${imported.counts.created.series} series created, ${imported.counts.unchanged.events} events already there`);

  // The plans: drafted, filled, approved; their items linked to the events that realised them; closed where the source closes the year.
  log('Plans');
  const plans: Record<string, string> = {};
  const planItems: Record<string, string> = {};
  const whenOf = (when: string) => (/^\d{4}-\d{2}$/.test(when) ? { precision: 'month', month: when } : { precision: 'academic-year', academicYear: when });
  for (const p of options.plans ?? DEMO_PLANS) {
    const network = data.networks.find((n) => n.key === p.network)!;
    const label = `plan of ${networkLabel(network)} for ${p.academicYear}`;
    const key = `demo:plan:${p.key}`;
    const { id } = await write(label, '/plans', { networkId: networks[p.network], period: { kind: 'academic-year', academicYear: p.academicYear } }, key);
    plans[p.key] = id;
    for (const item of p.items) {
      await write(
        `${label}: item «${item.topic}»`,
        `/plans/${id}/items`,
        {
          kind: item.kind,
          topic: item.topic,
          when: whenOf(item.when),
          ...(item.description ? { description: item.description } : {}),
          hostIds: item.hosts.map((h) => institutions[h]),
          audience: item.audience,
        },
        `${key}:item:${item.key}`,
      );
    }
    const current = await client.request<{ items: { planItemId: string; kind: string; topic: string }[] }>(`${label}`, 'GET', `/plans/${id}?consistentWith=${lastPosition}`);
    for (const item of p.items) {
      const found = current.items.find((i) => i.kind === item.kind && i.topic === item.topic);
      if (!found) throw new DemoLoadError(`${label}: the server does not list the item «${item.topic}»`);
      planItems[`${p.key}:${item.key}`] = found.planItemId;
    }
    const content = {
      ...(p.theme ? { theme: p.theme } : {}),
      ...(p.goal ? { goal: p.goal } : {}),
      ...(p.tasks.length ? { tasks: p.tasks.map((text) => ({ text })) } : {}),
      ...(p.activityKinds.length ? { activityKinds: p.activityKinds } : {}),
      ...(p.projects.length
        ? {
            projects: p.projects.map((project) => ({
              name: project.name,
              partnerInstitutionIds: project.partners.map((i) => institutions[i]),
              planItemIds: project.items.map((i) => planItems[`${p.key}:${i}`]),
              eventIds: [],
            })),
          }
        : {}),
      ...(p.agreements.length
        ? {
            agreements: p.agreements.map((a) => ({
              number: a.number,
              signedOn: a.signedOn,
              partyInstitutionIds: a.parties.map((i) => institutions[i]),
              subject: a.subject,
              validUntil: a.validUntil,
            })),
          }
        : {}),
    };
    await write(`${label}: goal, tasks, projects, agreements`, `/plans/${id}/content`, content, `${key}:content`);
    await write(
      `${label}: approved on ${p.approval.approvedOn}`,
      `/plans/${id}/approval`,
      { approvedOn: p.approval.approvedOn, approvedBy: { body: p.approval.body }, ...(p.approval.decisionNumber ? { decisionNumber: p.approval.decisionNumber } : {}) },
      `${key}:approval`,
    );
    for (const item of p.items) {
      for (const event of item.heldBy) {
        await write(
          `${label}: «${item.topic}» held by ${event}`,
          `/events/${eventIds[event]}/plan-items`,
          { planItemId: planItems[`${p.key}:${item.key}`] },
          `${key}:item:${item.key}:held-by:${event}`,
        );
      }
    }
    if (p.closing) {
      const c = p.closing;
      await write(
        `${label}: closed on ${c.closedOn} (${c.grade})`,
        `/plans/${id}/closing`,
        {
          closedOn: c.closedOn,
          assessment: { grade: c.grade, comment: c.comment ?? null },
          ...(c.conclusions ? { conclusions: c.conclusions } : {}),
          problems: c.problems,
          taskResults: [],
          sections: c.sections,
          nextYear: { goal: c.nextYear.goal ?? null, tasks: c.nextYear.tasks.map((text) => ({ text })) },
          itemResolutions: p.items.map((item) => ({ planItemId: planItems[`${p.key}:${item.key}`], resolution: 'held', eventIds: item.heldBy.map((e) => eventIds[e]) })),
        },
        `${key}:closing`,
      );
    }
  }

  // Each network at the start of its source's academic year; a network a transfer leaves, also the day before.
  const views: { network: DemoNetwork; on: string }[] = [];
  for (const n of data.networks) {
    const year = data.sources.find((s) => s.key === n.source)!.academicYear;
    for (const t of data.transfers.filter((t) => t.fromNetwork === n.key)) views.push({ network: n, on: dayBefore(t.on) });
    views.push({ network: n, on: year.from });
  }
  const compositions: CompositionReport[] = [];
  for (const { network, on } of views) {
    const id = networks[network.key];
    const composition = await client.request<Composition>(
      `composition of ${networkLabel(network)} on ${on}`,
      'GET',
      `/networks/${id}/composition?on=${on}&consistentWith=${lastPosition}`,
    );
    // The server may list the anchor with the role "anchor": its admitted role is not compared.
    const anchorId = network.anchor && network.anchor.from <= on ? institutions[network.anchor.institution] : undefined;
    const entry = (id: string, role: string, since: string) => `${id}|${id === anchorId ? 'anchor' : role}|${since}`;
    const expected = expectedComposition(data, network.key, on).map((m) => entry(institutions[m.institution], m.role, m.since));
    const actual = composition.members.map((m) => entry(m.institutionId, m.role, m.since));
    const label = (entry: string) => {
      const [institutionId, role, since] = entry.split('|');
      return `${shortNames.get(institutionId) ?? institutionId} (${role} since ${since})`;
    };
    const differences = [
      ...expected.filter((e) => !actual.includes(e)).map((e) => `missing: ${label(e)}`),
      ...actual.filter((a) => !expected.includes(a)).map((a) => `not in the data set: ${label(a)}`),
    ];
    compositions.push({ networkKey: network.key, networkId: id, on, composition, differences });
  }

  // Each plan's status and fulfilment, as the server reads them.
  const planLines: string[] = [];
  for (const p of options.plans ?? DEMO_PLANS) {
    const network = data.networks.find((n) => n.key === p.network)!;
    const plan = await client.request<{ status: string; closing?: { assessment?: { label?: { ru?: string; uk?: string } } } | null }>(
      `plan of ${networkLabel(network)}`,
      'GET',
      `/plans/${plans[p.key]}?consistentWith=${lastPosition}`,
    );
    const f = await client.request<{ totals: { items: number; held: number } }>(`fulfilment of the plan of ${networkLabel(network)}`, 'GET', `/plans/${plans[p.key]}/fulfilment?consistentWith=${lastPosition}`);
    const assessment = plan.closing?.assessment?.label;
    planLines.push(
      `Plan of ${network.name} for ${p.academicYear}: ${plan.status}${assessment ? ` («${p.source.startsWith('bakhmut') ? assessment.uk : assessment.ru}»)` : ''}, ${f.totals.held} of ${f.totals.items} planned events held`,
    );
  }

  const headAfter = await client.head();
  log('');
  log(formatCompositions(compositions, shortNames));
  log('');
  for (const line of planLines) log(line);
  log('');
  log(
    `${writes} writes: ${recorded} recorded now, ${writes - recorded} already there from an earlier run.` +
      (headBefore !== null && headAfter !== null ? ` Event store head ${headBefore} → ${headAfter}.` : ''),
  );
  return {
    institutions,
    networks,
    writes,
    recorded,
    headBefore,
    headAfter,
    compositions,
    events: { created: imported.counts.created.events, unchanged: imported.counts.unchanged.events, ids: eventIds, position: imported.position ?? null },
    plans,
    planItems,
  };
}

// ---- the table -------------------------------------------------------------------------------

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));

const shortNameIn = (value: unknown, names: Map<string, string>): string | null => {
  if (!value) return null;
  if (typeof value === 'string') return names.get(value) ?? value;
  const v = value as { shortName?: string; institutionId?: string; since?: string; from?: string };
  const name = v.shortName ?? (v.institutionId ? (names.get(v.institutionId) ?? v.institutionId) : null);
  const since = v.since ?? v.from;
  return name ? `${name}${since ? ` (since ${since})` : ''}` : null;
};

const headIn = (value: unknown): string | null => {
  if (!value) return null;
  const v = value as { fullName?: string | null; position?: string; since?: string; from?: string; appointedOn?: string };
  const since = v.since ?? v.from ?? v.appointedOn;
  return `${v.fullName ?? '(name not shown)'}, ${v.position ?? ''}${since ? ` (since ${since})` : ''}`;
};

/** A readable table of each network's anchor, head and members with their roles. */
export const formatCompositions = (reports: CompositionReport[], names: Map<string, string> = new Map()): string => {
  const lines: string[] = [];
  for (const { composition, on, differences } of reports) {
    const n = composition.network ?? {};
    const number = n.number && !String(n.name ?? '').includes(String(n.number)) ? ` № ${n.number}` : '';
    lines.push(`${n.name ?? '?'}${number} [${n.kind ?? '?'}] on ${on}`);
    lines.push(`  anchor: ${shortNameIn(composition.anchor, names) ?? '—'}`);
    lines.push(`  head:   ${headIn(composition.head) ?? '—'}`);
    if (composition.members.length === 0) lines.push('  no members');
    else {
      const rows = composition.members.map((m) => ({ name: m.shortName ?? names.get(m.institutionId) ?? m.institutionId, role: m.role, since: m.since }));
      const width = Math.max(...rows.map((r) => [...r.name].length), 'institution'.length);
      lines.push(`  ${pad('institution', width)}  ${pad('role', 7)}  since`);
      for (const r of rows) lines.push(`  ${pad(r.name, width)}  ${pad(r.role, 7)}  ${r.since}`);
    }
    for (const d of differences) lines.push(`  ! differs from the data set, ${d}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
};

// ---- the script ------------------------------------------------------------------------------

async function main(): Promise<void> {
  const apiKey = process.env.OKRUG_API_KEY?.trim();
  const url = process.env.OKRUG_URL?.trim() || 'http://localhost:3000';
  if (!apiKey) {
    process.stderr.write(
      'OKRUG_API_KEY is not set.\n\n' +
        'The demo loader writes through the HTTP API of a running okrug server, into the department of\n' +
        'the API key it is given (an admin or operator key). Start the server (npm start), take the admin\n' +
        'key it prints on first start (or the one you set with OKRUG_ADMIN_KEY), then:\n\n' +
        '  OKRUG_API_KEY=<key> OKRUG_URL=http://localhost:3000 npm run demo\n',
    );
    process.exit(2);
  }
  try {
    await loadDemo({ url, apiKey, log: (line) => process.stdout.write(line + '\n') });
  } catch (error) {
    if (error instanceof DemoLoadError) {
      process.stderr.write(`\n${error.message}\n\nThe load stopped here; what was written before stays, and running it again resumes safely.\n`);
      process.exit(1);
    }
    throw error;
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`demo loader crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
