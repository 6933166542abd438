import { AcademicYearStart, ConcurrencyConflict, IsoDate, RuleViolated } from '@app/kernel';
import { EventKind } from './event-vocabulary';

/**
 * What the events deciders know of the world outside the stream they decide on. The deciders
 * read no store: a handler's prepare step gathers these facts once per command (before the
 * decision, which may be tried again on a fresh read of the event's stream but not of these),
 * and hands them in the command's data.
 *
 * How a prepare step gathers them, through the networks module's public query contracts over
 * the QueryBus (`@app/networks`), each with `consistentWith` = the log's position when the
 * request arrived, so the facts are those of the log as the request found it:
 * - `networks`: for each network the command names (its own and its audience networks),
 *   `GetNetworkQuery(department, networkId, consistentWith)`; a `NotFound` leaves it out (the
 *   decider refuses `network-not-registered`), otherwise `{ networkId, dissolvedOn }` from the
 *   view (`status === 'dissolved'` with its `dissolvedOn`).
 * - `registeredInstitutionIds`: for each institution the command names (hosts, participating
 *   institutions), `GetInstitutionQuery(department, institutionId, consistentWith)`; the ones
 *   found. The query is scoped to the department, so "registered" means "of this department".
 * - `memberships`: for each named institution, `GetInstitutionMembershipsQuery(department,
 *   institutionId, consistentWith)`: its stays (`from`, `to`) in the event's own networks.
 *   The decider decides on which date they count (see {@link referenceDayOf}), so a
 *   correction of the date needs no other query.
 * - `series`: the named series, from its own stream (`EventSeries-<id>`, folded with the
 *   series decider), or null when that stream is empty.
 * - `yearStart`: the department's academic-year start (networks' department calendar), for an
 *   academic-year-only date.
 *
 * The facts cover the event as it will be after the command: what the command names, and the
 * networks and institutions the event already has (prepare reads the event's stream for them).
 * The decision may run again on a newer state of the stream than prepare saw; when another
 * writer meanwhile gave the event a network or an institution the facts do not cover, the
 * decider answers {@link ConcurrencyConflict} (409: try again) rather than refuse it, since it
 * was accepted once. Networks are never unregistered and institutions only close, so what
 * was checked when it was named needs no second look, except on the event's (new) date.
 */
export interface EventFacts {
  /** Of the networks the command names, those the department has, with their dissolution date. */
  networks: NetworkFacts[];
  /** Of the institutions the command names, those registered in the department. */
  registeredInstitutionIds: string[];
  /** The named institutions' memberships of the named networks (any superset will do). */
  memberships: MembershipFacts[];
  /** The series the command names, when it is established; null otherwise (or when none is named). */
  series: SeriesFacts | null;
  yearStart: AcademicYearStart;
}

export interface NetworkFacts {
  networkId: string;
  /** The first day the network no longer exists; null while it does. */
  dissolvedOn: IsoDate | null;
}

/** A stay of an institution in a network: [from, to), `to` null while it lasts. Any role counts (member, partner, anchor). */
export interface MembershipFacts {
  networkId: string;
  institutionId: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface SeriesFacts {
  seriesId: string;
  kind: EventKind;
  networkIds: string[];
}

/** No facts: for commands that name nothing outside the stream. */
export const NO_FACTS: EventFacts = Object.freeze({ networks: [], registeredInstitutionIds: [], memberships: [], series: null, yearStart: { month: 9, day: 1 } });

export const refuse = (rule: string, message: string): never => {
  throw new RuleViolated(rule, message);
};

const staleFacts = (what: string): never => {
  throw new ConcurrencyConflict(`the event changed while its facts were gathered (${what} is not among them); try again`);
};

/**
 * Every network named exists in the department, and none is dissolved on `day`. For a date
 * not known yet, `day` is today: a planned event of a network dissolved since is refused.
 * `known`: the networks the event already had (absent from the facts: a concurrent change).
 */
export const assertNetworksOn = (facts: EventFacts, networkIds: readonly string[], day: IsoDate, known: readonly string[] = []): void => {
  for (const id of networkIds) {
    const network = facts.networks.find((n) => n.networkId === id);
    if (!network && known.includes(id)) staleFacts(`network ${id}`);
    else if (!network) refuse('network-not-registered', `network ${id} is not registered in this department`);
    else if (network.dissolvedOn !== null && day >= network.dissolvedOn) {
      refuse('network-dissolved', `network ${id} was dissolved on ${network.dissolvedOn}; it holds no event on or after that day (${day})`);
    }
  }
};

/** Every institution named is registered in the department; `known`: those the event already had. */
export const assertRegistered = (facts: EventFacts, institutionIds: readonly string[], what: string, known: readonly string[] = []): void => {
  const registered = new Set(facts.registeredInstitutionIds);
  const stale = institutionIds.find((id) => !registered.has(id) && known.includes(id));
  if (stale) staleFacts(`institution ${stale}`);
  const missing = institutionIds.filter((id) => !registered.has(id));
  if (missing.length) refuse('institution-not-registered', `${what} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not registered in this department`);
};

/** Of the institutions, those that were members of none of the networks on the day, in their order. */
export const outsideOn = (facts: EventFacts, institutionIds: readonly string[], networkIds: readonly string[], day: IsoDate): string[] => {
  const networks = new Set(networkIds);
  return institutionIds.filter(
    (id) => !facts.memberships.some((m) => m.institutionId === id && networks.has(m.networkId) && m.from <= day && (m.to === null || day < m.to)),
  );
};
