import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock, Forbidden, Unauthenticated } from '@app/kernel';
import { CLOCK } from '@app/platform';
import { ACCESS, AccessRule, Principal, decideAccess } from '@app/platform/access';
import { IdentityService } from './identity.service';

type GuardedRequest = { headers: Record<string, string | undefined>; params?: Record<string, string>; principal?: Principal };

/**
 * Every route declares an access rule (`@Access`); one that does not is refused to everybody.
 * Every route but the public ones needs `Authorization: Bearer <key>` of an active, unexpired
 * key, read from the key's own stream so that a revocation holds at once.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('identity');

  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (rule === undefined) {
      // Fail closed: a route nobody thought about is nobody's.
      this.logger.error({ msg: 'route without an access rule refused', handler: `${context.getClass().name}.${context.getHandler().name}` });
      throw new Forbidden('this endpoint declares no access rule, so it is refused to every key');
    }
    if (rule === 'public') return true;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new Unauthenticated('send your API key as "Authorization: Bearer <key>"');
    const key = await this.identity.keyOf(match[1]);
    if (!key) throw new Unauthenticated('the API key is unknown');
    if (key.status === 'revoked') throw new Unauthenticated('the API key was revoked');
    if (key.expiresAt && Date.parse(key.expiresAt) <= this.clock.now().getTime()) throw new Unauthenticated('the API key expired');
    const principal: Principal = {
      actorId: key.actorId,
      role: key.role,
      department: key.department,
      keyId: key.keyId,
      ...(key.networkIds ? { networkIds: key.networkIds } : {}),
    };
    const decision = decideAccess(rule, principal, request.params?.id);
    if (!decision.allowed) throw new Forbidden(decision.why);
    request.principal = principal;
    return true;
  }
}
