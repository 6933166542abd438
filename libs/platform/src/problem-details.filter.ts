import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import {
  ConcurrencyConflict,
  DomainError,
  FieldError,
  Forbidden,
  IdempotencyKeyReused,
  InvalidInput,
  NotFound,
  NotYetConsistent,
  RuleViolated,
  StaleRevision,
  Unauthenticated,
} from '@app/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An RFC 7807 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemType = (code: string): string => `urn:okrug:problem:${code}`;

export const TITLES: Record<number, string> = {
  400: 'The request is invalid',
  401: 'Authentication is required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'The request took too long to arrive',
  409: 'Conflict with a concurrent change',
  412: 'The resource has changed since you read it',
  413: 'The request is too large',
  414: 'The request target is too long',
  415: 'Unsupported media type',
  431: 'The request headers are too large',
  422: 'A rule refuses the change',
  500: 'Internal error',
  503: 'Not ready yet',
};

const statusOf = (error: DomainError): number => {
  if (error instanceof InvalidInput) return 400;
  if (error instanceof Unauthenticated) return 401;
  if (error instanceof Forbidden) return 403;
  if (error instanceof NotFound) return 404;
  if (error instanceof ConcurrencyConflict || error instanceof IdempotencyKeyReused) return 409;
  if (error instanceof StaleRevision) return 412;
  if (error instanceof RuleViolated) return 422;
  if (error instanceof NotYetConsistent) return 503;
  return 500;
};

/** Turns any error into a problem response; domain errors are mapped once, here. */
export const toProblem = (error: unknown, instance?: string): Problem => {
  if (error instanceof DomainError) {
    const status = statusOf(error);
    const problem: Problem = { type: problemType(error.code), title: TITLES[status] ?? 'Error', status, detail: error.message };
    if (error instanceof InvalidInput) problem.errors = error.errors;
    if (error instanceof StaleRevision) problem.currentRevision = error.actual;
    if (error instanceof IdempotencyKeyReused) Object.assign(problem, { title: 'The Idempotency-Key was used before', ...error.first });
    if (error instanceof NotYetConsistent) Object.assign(problem, { wanted: error.wanted, reached: error.reached });
    return { ...problem, instance };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
    const code = status === 404 ? 'not-found' : status === 400 ? 'invalid-input' : `http-${status}`;
    const problem: Problem = { type: problemType(code), title: TITLES[status] ?? 'Error', status, detail, instance };
    if (status === 400) problem.errors = [{ field: '(request)', messages: [detail] }];
    return problem;
  }
  // Errors raised by the HTTP server itself (malformed JSON, wrong content type, body too large).
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const detail = (error as Error).message;
    const problem: Problem = {
      type: problemType(statusCode === 400 ? 'invalid-input' : `http-${statusCode}`),
      title: TITLES[statusCode] ?? 'Error',
      status: statusCode,
      detail,
      instance,
    };
    // A 400 always says what was wrong field by field; the server's own ones concern the body.
    if (statusCode === 400) problem.errors = [{ field: '(body)', messages: [detail] }];
    return problem;
  }
  return { type: problemType('internal'), title: TITLES[500], status: 500, detail: 'An unexpected error occurred; it was logged.', instance };
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(error, request?.url);
    const correlationId = request?.headers?.['x-correlation-id'];
    if (typeof correlationId === 'string') problem.correlationId = correlationId;
    if (problem.status >= 500 && !(error instanceof NotYetConsistent)) this.logger.error(error instanceof Error ? error : String(error));
    if (problem.status === 503) reply.header('Retry-After', '1');
    if (problem.status === 401) reply.header('WWW-Authenticate', 'Bearer');
    reply.status(problem.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem);
  }
}
