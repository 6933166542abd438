import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Unauthenticated, systemClock } from '@app/kernel';
import { Access } from '@app/platform/access';
import { ApiKeyGuard } from './api-key.guard';
import { IdentityService, KnownKey } from './identity.service';

class Routes {
  undeclared() {}
  @Access('records') records() {}
  @Access('public') open() {}
}

const key: KnownKey = { status: 'active', keyId: 'k', keyHash: 'h', actorId: 'auditor.a', role: 'auditor', department: 'bakhmut', label: 'l' };
const guard = (found: KnownKey | null) => new ApiKeyGuard(new Reflector(), { keyOf: async () => found } as unknown as IdentityService, systemClock);
const contextFor = (handler: keyof Routes, headers: Record<string, string> = { authorization: 'Bearer secret' }) =>
  ({
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ headers, params: {} }) }),
  }) as unknown as ExecutionContext;

describe('the API key guard', () => {
  it('refuses a route that declares no access rule, even to an admin (fail closed)', async () => {
    await expect(guard({ ...key, role: 'admin' }).canActivate(contextFor('undeclared'))).rejects.toThrow(Forbidden);
    await expect(guard(null).canActivate(contextFor('undeclared', {}))).rejects.toThrow(/declares no access rule/);
  });
  it('lets public routes through without a key and refuses others without one', async () => {
    await expect(guard(null).canActivate(contextFor('open', {}))).resolves.toBe(true);
    await expect(guard(null).canActivate(contextFor('records', {}))).rejects.toThrow(Unauthenticated);
  });
  it('refuses a role outside the rule, a revoked key and an expired key', async () => {
    await expect(guard(key).canActivate(contextFor('records'))).rejects.toThrow(Forbidden);
    await expect(guard({ ...key, role: 'operator', status: 'revoked' }).canActivate(contextFor('records'))).rejects.toThrow(/revoked/);
    await expect(guard({ ...key, role: 'operator', expiresAt: '2020-01-01T00:00:00.000Z' }).canActivate(contextFor('records'))).rejects.toThrow(/expired/);
    await expect(guard({ ...key, role: 'operator' }).canActivate(contextFor('records'))).resolves.toBe(true);
  });
});
