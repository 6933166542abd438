import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Unauthenticated } from '@app/kernel';
import { READ_STORE, ReadStore } from '@app/read-store/read-store.port';
import { Role } from './api-key.decider';
import { hashApiKey } from './api-key-secret';
import { API_KEYS, ApiKeyView } from './api-keys.projection';
import { IS_PUBLIC, Principal, ROLES_ALLOWED } from './principal';

/** Every request needs `Authorization: Bearer <key>`, except endpoints marked public. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new Unauthenticated('send your API key as "Authorization: Bearer <key>"');
    const key = (await this.readStore.get(API_KEYS, hashApiKey(match[1]))) as ApiKeyView | null;
    if (!key || !key.active) throw new Unauthenticated('the API key is unknown or revoked');
    const principal: Principal = { actorId: key.actorId, role: key.role, department: key.department, keyId: key.keyId };
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, targets);
    if (allowed && !allowed.includes(principal.role)) {
      throw new Forbidden(`this needs one of the roles ${allowed.join(', ')}; your key has ${principal.role}`);
    }
    request.principal = principal;
    return true;
  }
}
