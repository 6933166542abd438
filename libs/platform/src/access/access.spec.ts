import { ACCESS_RULES, ROLES, decideAccess } from './access';

describe('access rules', () => {
  const network = '8d1f6c2e-0000-4c2b-9d3e-000000000001';
  const other = '8d1f6c2e-0000-4c2b-9d3e-000000000002';

  it('refuses every role on a route that declares no rule (fail closed)', () => {
    for (const role of ROLES) expect(decideAccess(undefined, { role })).toEqual({ allowed: false, why: expect.stringMatching(/declares no access rule/) });
    expect(decideAccess('whatever' as never, { role: 'admin' }).allowed).toBe(false);
  });

  it('gives each role exactly what the table says', () => {
    expect(ACCESS_RULES).toEqual({
      read: ['admin', 'operator', 'network-head', 'auditor'],
      audit: ['admin', 'auditor'],
      records: ['admin', 'operator'],
      'network-plans': ['admin', 'operator', 'network-head'],
      'network-events': ['admin', 'operator', 'network-head'],
      'request-reports': ['admin', 'operator', 'network-head'],
      'department-admin': ['admin'],
    });
    expect(decideAccess('records', { role: 'auditor' })).toEqual({ allowed: false, why: expect.stringMatching(/admin, operator; your key has auditor/) });
    expect(decideAccess('records', { role: 'network-head', networkIds: [network] }, network).allowed).toBe(false);
    expect(decideAccess('public', { role: 'auditor' }).allowed).toBe(true);
  });

  it('scopes a network head to the networks its key names', () => {
    const head = { role: 'network-head' as const, networkIds: [network] };
    expect(decideAccess('network-plans', head, network).allowed).toBe(true);
    expect(decideAccess('network-plans', head, other)).toEqual({ allowed: false, why: expect.stringMatching(/not one of them/) });
    expect(decideAccess('network-plans', head, undefined).allowed).toBe(false);
    expect(decideAccess('network-plans', { role: 'operator' }, other).allowed).toBe(true);
    expect(decideAccess('read', head, other).allowed).toBe(true);
    // An event's networks are not in the path: its handler checks them.
    expect(decideAccess('network-events', head, other).allowed).toBe(true);
    expect(decideAccess('network-events', { role: 'auditor' }).allowed).toBe(false);
    // Nor is a report's network: the request's handler checks it; an auditor reads reports but asks for none.
    expect(decideAccess('request-reports', head, other).allowed).toBe(true);
    expect(decideAccess('request-reports', { role: 'auditor' }).allowed).toBe(false);
  });
});
