import { EventDetails, EventFormat, EventLink, HeldDetails, Participation } from '../event/event.events';
import { When, validWhen } from '../event/when';
import { EventDetailsInput, FormatInput, HeldInput, LinkInput, ParticipationInput, WhenInput } from './event-input';

/*
 * From a request's input (plain data, see `plain`) to the deciders' data: the defaults of what
 * was left out, and nothing else; the deciders check and trim.
 */

/** Ids as the stores hold them (a request may write a UUID in capitals). */
export const idsOf = (ids: readonly string[]): string[] => ids.map((id) => id.toLowerCase());
const idOrNull = (id: string | null | undefined): string | null => (id ? id.toLowerCase() : null);

/**
 * The when a request gives (one object with the fields of every precision, as its DTO has them)
 * as the domain's `When`: the fields of its precision, read and checked by `validWhen`, as the
 * decider reads it again. The handlers refuse a malformed one before (`assertWhens`), so this
 * never throws for them; given one, it throws what `validWhen` throws, field by field under `field`.
 */
export const whenOf = (when: WhenInput, field = 'when'): When => validWhen(when, field);

export const formatOf = (format: FormatInput): EventFormat => ({ mode: format.mode, platform: format.platform ?? null, link: format.link ?? null });

export const linksOf = (links: LinkInput[] | undefined): EventLink[] => (links ?? []).map((link) => ({ url: link.url, title: link.title ?? null }));

export const participationOf = (participation: ParticipationInput): Participation => ({ counts: participation.counts, institutionIds: idsOf(participation.institutionIds) });

/** An event's details as planned: every field, the optional ones with their defaults. */
export const plannedDetailsOf = (input: EventDetailsInput): Omit<EventDetails, 'people'> => ({
  kind: input.kind,
  topic: input.topic,
  description: input.description ?? null,
  networkIds: idsOf(input.networkIds),
  audienceNetworkIds: idsOf(input.audienceNetworkIds ?? []),
  hostIds: idsOf(input.hostIds ?? []),
  format: formatOf(input.format),
  level: input.level,
  audience: input.audience ?? [],
  seriesId: idOrNull(input.seriesId),
});

/** The details a correction gives (only those: a field left out stays as it is). */
export const correctedDetailsOf = (input: Partial<EventDetailsInput>): Partial<Omit<EventDetails, 'people'>> => {
  const { format, networkIds, audienceNetworkIds, hostIds, seriesId, ...rest } = input;
  return {
    ...rest,
    ...(format !== undefined ? { format: formatOf(format) } : {}),
    ...(networkIds !== undefined ? { networkIds: idsOf(networkIds) } : {}),
    ...(audienceNetworkIds !== undefined ? { audienceNetworkIds: idsOf(audienceNetworkIds) } : {}),
    ...(hostIds !== undefined ? { hostIds: idsOf(hostIds) } : {}),
    ...(seriesId !== undefined ? { seriesId: idOrNull(seriesId) } : {}),
  };
};

/** What holding records, as a correction gives it (only the fields given). */
export const correctedHeldOf = (input: Partial<HeldInput>): Partial<HeldDetails> => ({
  ...(input.when !== undefined ? { when: whenOf(input.when) } : {}),
  ...(input.participation !== undefined ? { participation: participationOf(input.participation) } : {}),
  ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
  ...(input.materials !== undefined ? { materials: linksOf(input.materials) } : {}),
  ...(input.publications !== undefined ? { publications: linksOf(input.publications) } : {}),
});
