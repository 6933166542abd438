import { CommandContext, Forbidden } from '@app/kernel';

/**
 * Whether the caller may draft or change a plan of this network. Admins and operators may for
 * the whole department; a network head only for the networks its key names
 * (`context.networkIds`). The route's rule (`network-events`: the plan's network is in the body
 * or in the plan's stream, not in the path) lets the role in; this is the other half of it,
 * refused with the guard's 403.
 */
export const assertMayPlanFor = (context: CommandContext, networkId: string): void => {
  if (context.actor.role !== 'network-head') return;
  if (!(context.networkIds ?? []).includes(networkId)) {
    throw new Forbidden('your key is for the networks it names; the plan is of none of them');
  }
};
