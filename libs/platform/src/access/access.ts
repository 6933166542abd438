import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiProblems } from '../http/api-problems';

/**
 * Roles a key may carry, from the most to the least it may do (the table is in docs/roles.md):
 * admins run the department (keys, settings), operators keep its records, network heads read
 * the department and later write their own networks' plans and events, auditors only read.
 */
export const ROLES = ['admin', 'operator', 'network-head', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a route does, as far as roles are concerned. Every route declares one with `@Access`;
 * the guard refuses a route that declares none (fail closed), and a test walks every route.
 *
 * - `public`: no key needed (health).
 * - `read`: reads the department's records; every role.
 * - `audit`: reads about the system and its keys (who holds which key, projection status);
 *   admins and auditors.
 * - `records`: changes institutions and networks (registrations, renames, corrections,
 *   composition, restructurings, imports); admins and operators.
 * - `network-plans`: changes how a network the path names plans (its reporting period); admins,
 *   operators, and network heads for the networks their key names (the path's `id`).
 * - `network-events`: records and changes the events networks hold; admins, operators, and
 *   network heads. An event names its networks in the body (planning) or in its stream (every
 *   later change), not in the path, so the guard checks only the role and the command's handler
 *   checks a network head's networks (`CommandContext.networkIds`), refused with 403 as here.
 * - `request-reports`: asks for a report (an annual analysis of a network); admins, operators,
 *   and network heads, whose networks the command's handler checks (the network is in the body),
 *   as for `network-events`. Auditors read reports but ask for none.
 * - `department-admin`: keys, the department's settings, erasures, rebuilds; admins only.
 */
export type AccessRule = 'public' | 'read' | 'audit' | 'records' | 'network-plans' | 'network-events' | 'request-reports' | 'department-admin';

export const ACCESS_RULES: Record<Exclude<AccessRule, 'public'>, readonly Role[]> = {
  read: ['admin', 'operator', 'network-head', 'auditor'],
  audit: ['admin', 'auditor'],
  records: ['admin', 'operator'],
  'network-plans': ['admin', 'operator', 'network-head'],
  'network-events': ['admin', 'operator', 'network-head'],
  'request-reports': ['admin', 'operator', 'network-head'],
  'department-admin': ['admin'],
};

export const ACCESS = 'okrug:access';

/**
 * Declares who may call a route; see `AccessRule`. A route that needs a key also documents the
 * 401 (no key, or an unknown, revoked or expired one) and 403 (a role the rule refuses) it can give.
 */
export const Access = (rule: AccessRule) =>
  rule === 'public' ? SetMetadata(ACCESS, rule) : applyDecorators(SetMetadata(ACCESS, rule), ApiProblems(401, 403));

/** Marks an endpoint that needs no API key (health). */
export const Public = () => Access('public');

export type AccessDecision = { allowed: true } | { allowed: false; why: string };

/**
 * Whether a caller in a role may use a route of a rule. Pure, so that the guard and the tests
 * share it. `networkId` is the network the route addresses, if any.
 */
export const decideAccess = (
  rule: AccessRule | undefined,
  caller: { role: Role; networkIds?: readonly string[] },
  networkId?: string,
): AccessDecision => {
  if (rule === undefined || !(rule === 'public' || rule in ACCESS_RULES)) {
    return { allowed: false, why: 'this endpoint declares no access rule, so it is refused to every key' };
  }
  if (rule === 'public') return { allowed: true };
  const roles = ACCESS_RULES[rule];
  if (!roles.includes(caller.role)) {
    return { allowed: false, why: `this needs one of the roles ${roles.join(', ')}; your key has ${caller.role}` };
  }
  if (rule === 'network-plans' && caller.role === 'network-head' && !(networkId && caller.networkIds?.includes(networkId))) {
    return { allowed: false, why: 'your key is for the networks it names; this network is not one of them' };
  }
  return { allowed: true };
};
