import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from './api-key.decider';

/** The caller, as its API key says. */
export interface Principal {
  actorId: string;
  role: Role;
  department: string;
  keyId: string;
}

export const IS_PUBLIC = 'okrug:public';
/** Marks an endpoint that needs no API key (health, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES_ALLOWED = 'okrug:roles';
/** Restricts an endpoint to some roles; without it every authenticated role may call. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
