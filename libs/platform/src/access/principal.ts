import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from './access';

/** The caller, as its API key says. */
export interface Principal {
  actorId: string;
  role: Role;
  department: string;
  keyId: string;
  /** For a network head: the networks its key names. */
  networkIds?: string[];
}

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
