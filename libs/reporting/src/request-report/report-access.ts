import { CommandContext, Forbidden } from '@app/kernel';
import type { ReportSpec } from '../report/report.events';

/*
 * Who may ask for which report (docs/roles.md, "Reports"). The route's rule (`request-reports`)
 * lets admins, operators and network heads in; what a report is of is in the body, so these are
 * the other half of it, refused with the guard's 403. Admins and operators ask for any report of
 * the department; a network head for what concerns its networks only.
 */

const refuse = (message: string): never => {
  throw new Forbidden(message);
};

/**
 * What the key may ask for, before anything is read: a network head the annual analysis and the
 * monitoring table of a network its key names (not the whole department's table), and no
 * department summary; an institution profile is checked once the institution's stays are read
 * ({@link assertMayProfile}).
 */
export const assertMayRequest = (context: CommandContext, spec: ReportSpec): void => {
  if (context.actor.role !== 'network-head') return;
  const mine = context.networkIds ?? [];
  switch (spec.report) {
    case 'annual-analysis':
      if (!mine.includes(spec.parameters.networkId)) refuse('your key is for the networks it names; the report is of none of them');
      return;
    case 'monitoring-table':
      if (!spec.parameters.networkId) refuse('the monitoring table of the whole department is asked for by operators and admins; a network head asks for its own network’s');
      if (!mine.includes(spec.parameters.networkId!)) refuse('your key is for the networks it names; the table is of none of them');
      return;
    case 'department-summary':
      return refuse('the department summary covers every network: operators and admins ask for it');
    case 'institution-profile':
      return;
  }
};

/** A network head may ask for the profile of an institution that is, or was, in one of the networks its key names. */
export const assertMayProfile = (context: CommandContext, stays: readonly { networkId: string }[]): void => {
  if (context.actor.role !== 'network-head') return;
  const mine = new Set(context.networkIds ?? []);
  if (!stays.some((stay) => mine.has(stay.networkId))) refuse('your key is for the networks it names; the institution never belonged to any of them');
};
