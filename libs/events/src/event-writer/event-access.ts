import { CommandContext, Forbidden } from '@app/kernel';

/**
 * Whether the caller may record or change an event (or a series) of these networks. Admins and
 * operators may for the whole department; a network head only when the event is held by one of
 * the networks its key names (`context.networkIds`). A joint event is held by all its networks
 * alike, so one of them is enough: either head may record it (audience networks do not count).
 * A change that gives the event other networks is checked on the networks before and after it,
 * so a head can neither take over another network's event nor hand its own away entirely.
 * The route's rule (`network-events`) lets the role in; this is the other half of it, refused
 * with the guard's 403.
 */
export const assertMayWriteFor = (context: CommandContext, networkIds: readonly string[], what = 'the event'): void => {
  if (context.actor.role !== 'network-head') return;
  const mine = context.networkIds ?? [];
  if (!networkIds.some((id) => mine.includes(id))) {
    throw new Forbidden(`your key is for the networks it names; ${what} is held by none of them`);
  }
};
