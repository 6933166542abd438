import { createHash } from 'node:crypto';

/** The stream that serialises claims on one external code in a department. */
export const externalCodeClaimStream = (department: string, code: string): string =>
  `institution-code-${createHash('sha256').update(`${department}\u0000${code}`).digest('hex').slice(0, 40)}`;
