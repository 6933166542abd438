import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CommandContext, InvalidInput, newId } from '@app/kernel';

/** What a write request says besides its body: correlation, idempotency, the revision it saw. */
export interface RequestContext {
  correlationId: string;
  idempotencyKey?: string;
  ifMatch?: number;
  receivedAt: Date;
}

const header = (headers: Record<string, unknown>, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
};

/** Reads `If-Match: "3"` (also `3` and `W/"3"`). */
export const parseIfMatch = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(value);
  if (!m) throw new InvalidInput('the If-Match header is invalid', [{ field: 'If-Match', messages: ['must be a revision, e.g. "3", as the ETag gave it'] }]);
  return Number(m[1]);
};

/**
 * The request context of a request's headers. `receivedAt` comes from the injected clock (the API
 * sets it on arrival, see `createApi`); without one it is the system's time.
 */
export const requestContextOf = (headers: Record<string, unknown>, receivedAt: Date = new Date()): RequestContext => {
  const idempotencyKey = header(headers, 'idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 200)) {
    throw new InvalidInput('the Idempotency-Key header is invalid', [{ field: 'Idempotency-Key', messages: ['must be 1 to 200 characters'] }]);
  }
  return {
    correlationId: header(headers, 'x-correlation-id') ?? newId(),
    idempotencyKey: idempotencyKey || undefined,
    ifMatch: parseIfMatch(header(headers, 'if-match')),
    receivedAt,
  };
};

/** The request context of this request. */
export const RequestContext = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<{ headers: Record<string, unknown>; receivedAt?: Date }>();
  return requestContextOf(request.headers, request.receivedAt ?? undefined);
});

/** The context of a command sent by an authenticated caller through the API. */
export const commandContextFrom = (
  principal: { actorId: string; role: string; department: string; networkIds?: readonly string[] },
  request: RequestContext,
  reason?: string,
): CommandContext => {
  const commandId = newId();
  return {
    actor: { id: principal.actorId, role: principal.role },
    department: principal.department,
    commandId,
    correlationId: request.correlationId,
    causationId: commandId,
    idempotencyKey: request.idempotencyKey,
    ...(request.ifMatch !== undefined ? { ifMatch: request.ifMatch } : {}),
    reason,
    ...(principal.networkIds ? { networkIds: principal.networkIds } : {}),
    source: 'api',
    receivedAt: request.receivedAt,
  };
};
