import { applyDecorators, CallHandler, Controller, createParamDecorator, ExecutionContext, HttpCode, NestInterceptor, Type, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { tap } from 'rxjs';
import { CommandContext } from '@app/kernel';
import { ApiProblems } from './api-problems';
import { commandContextFrom, requestContextOf } from './request-context';
import { WriteResultDto } from './dto-support';

const IF_MATCH = 'The revision you last read (ETag); a newer one answers 412';
const IDEMPOTENCY_KEY = 'Repeat a request safely: the same key gives the same answer and one change';

/** How a write endpoint is documented and answered. */
export interface WriteEndpointOptions {
  summary: string;
  /** 200 (a change to something that exists, the default), 201 (something new) or 202 (something new that a job completes: a report). */
  status?: 200 | 201 | 202;
  /** The endpoint takes If-Match; a string is the header's description in the OpenAPI document. */
  ifMatch?: boolean | string;
  /**
   * Whether the document lists the Idempotency-Key header (the default); a string is its
   * description, for a write whose repeat is answered otherwise (an API key's issue). The
   * revocation of keys, the academic year and erasures have never listed it, and their document
   * stays as it was; `@Caller()` still reads it.
   */
  idempotencyKey?: boolean | string;
  /** For something new (201, 202): where it is, `:id` being the answer's id (`/networks/:id`), sent as `Location`. */
  location?: string;
  /** The answer's type; WriteResultDto unless the endpoint answers something else. */
  response?: Type<unknown>;
  /** The problem statuses the endpoint may answer (see ApiProblems). */
  problems: number[];
}

/** Sends `Location` with the answer of a write that made something new. */
class LocationOfAnswer implements NestInterceptor {
  constructor(private readonly path: string) {}

  intercept(ctx: ExecutionContext, next: CallHandler) {
    return next.handle().pipe(tap((answer: { id: string }) => ctx.switchToHttp().getResponse<FastifyReply>().header('Location', this.path.replace(':id', answer.id))));
  }
}

/**
 * The conventions of a write in one place: the status, the Idempotency-Key header (and
 * If-Match where the endpoint compares revisions), the answer's type, the problem responses
 * and, for something new, its `Location`.
 */
export const WriteEndpoint = (options: WriteEndpointOptions) => {
  const status = options.status ?? 200;
  const type = options.response ?? WriteResultDto;
  return applyDecorators(
    HttpCode(status),
    ApiOperation({ summary: options.summary }),
    // In this order the document lists Idempotency-Key before If-Match, as it always has.
    ...(options.idempotencyKey === false
      ? []
      : [ApiHeader({ name: 'Idempotency-Key', required: false, description: typeof options.idempotencyKey === 'string' ? options.idempotencyKey : IDEMPOTENCY_KEY })]),
    ...(options.ifMatch ? [ApiHeader({ name: 'If-Match', required: false, description: typeof options.ifMatch === 'string' ? options.ifMatch : IF_MATCH })] : []),
    status === 201 ? ApiCreatedResponse({ type }) : status === 202 ? ApiAcceptedResponse({ type }) : ApiOkResponse({ type }),
    ApiProblems(...options.problems),
    ...(options.location ? [UseInterceptors(new LocationOfAnswer(options.location))] : []),
  );
};

/** The type `@Caller()` gives, so that a controller finds both in one place. */
export type { CommandContext };

/** What a caller's context is built from: the authenticated principal and the request's headers. */
interface CallerRequest {
  principal: { actorId: string; role: string; department: string; networkIds?: readonly string[] };
  headers: Record<string, unknown>;
  /** Set on arrival from the injected clock (see ReceivedAtInterceptor). */
  receivedAt?: Date;
}

/**
 * The command context of the authenticated caller: who, for which department, the correlation
 * id, the idempotency key, the revision If-Match names and when the request was received.
 */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<CallerRequest>();
  return commandContextFrom(request.principal, requestContextOf(request.headers, request.receivedAt));
});

/** A controller of the API on `path`: authenticated by bearer key, listed under `tag` (the path by default). */
export const ApiController = (path: string, tag: string = path) => applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(path));
