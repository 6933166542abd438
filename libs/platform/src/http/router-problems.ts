import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '@app/kernel';
import { Problem, TITLES, problemType } from '../problem-details.filter';
import { INPUT_LIMITS } from './input-limits';

/**
 * Every answer of the API is a problem document when it is an error, including those the
 * HTTP server gives before any of our code runs: a malformed percent-encoding or an
 * over-long path parameter (the router), a request line or headers too large (Node's
 * parser), an unknown route or method, a server shutting down.
 */

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const problemOf = (status: number, detail: string, instance?: string, correlationId?: string, extra: Partial<Problem> = {}): Problem => ({
  type: problemType(status === 400 ? 'invalid-input' : status === 404 ? 'not-found' : status === 503 ? 'unavailable' : `http-${status}`),
  title: TITLES[status] ?? STATUS_CODES[status] ?? 'Error',
  status,
  detail,
  ...(instance !== undefined ? { instance } : {}),
  ...(correlationId !== undefined ? { correlationId } : {}),
  ...extra,
});

const correlationIdOf = (request: FastifyRequest): string => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && given.length > 0 && given.length <= 200 ? given : newId();
};

/** Fastify's `frameworkErrors`: a malformed URL (400) or a path parameter over the router's length (414). */
export const answerFrameworkError = (error: Error & { code?: string; statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void => {
  const correlationId = correlationIdOf(request);
  const status = error.statusCode === 414 || error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const problem =
    status === 414
      ? problemOf(414, 'a segment of the path is too long', undefined, correlationId)
      : problemOf(400, 'the path is not a valid URL', undefined, correlationId, {
          errors: [{ field: '(path)', messages: ['the path has a malformed percent-encoding'] }],
        });
  reply.code(status).header('Content-Type', PROBLEM_CONTENT_TYPE).header('X-Correlation-Id', correlationId).send(JSON.stringify(problem));
};

/** Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses, answered on the socket. */
export const answerClientError = (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let detail = 'the request is not valid HTTP';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    detail = 'the request was not received in time';
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    // The request line counts towards the header size: a long or unfinished first line is a long URL.
    const lineEnd = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.indexOf('\r\n') : 0;
    const longTarget = lineEnd === -1 || lineEnd > INPUT_LIMITS.urlLength;
    status = longTarget ? 414 : 431;
    detail = longTarget ? `the request target is longer than ${INPUT_LIMITS.urlLength} characters` : 'the request headers are too large';
  }
  const body = JSON.stringify(problemOf(status, detail, undefined, newId()));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
};

interface KnownRoute {
  methods: Set<string>;
  pattern: RegExp;
}

const patternOf = (url: string): RegExp =>
  new RegExp(
    '^' +
      url
        .split('/')
        .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/') +
      '$',
  );

/**
 * Installs the hooks that keep every error a problem document: 405 with `Allow` for a known
 * path and another method, 414 for an over-long request target, and a
 * last `onSend` pass that rewrites any error answer still in another format. Call it
 * before the routes are registered (it learns them as they are added).
 */
export const installRouterProblems = (fastify: FastifyInstance): void => {
  const routes = new Map<string, KnownRoute>();
  fastify.addHook('onRoute', (route) => {
    const known = routes.get(route.url) ?? { methods: new Set<string>(), pattern: patternOf(route.url) };
    for (const method of [route.method].flat()) known.methods.add(String(method).toUpperCase());
    if (known.methods.has('GET')) known.methods.add('HEAD');
    routes.set(route.url, known);
  });
  const allowedMethods = (path: string): string[] => {
    const allowed = new Set<string>();
    for (const route of routes.values()) if (route.pattern.test(path)) route.methods.forEach((m) => allowed.add(m));
    return [...allowed].sort();
  };

  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.length > INPUT_LIMITS.urlLength) {
      reply
        .code(414)
        .header('Content-Type', PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify(problemOf(414, `the request target is longer than ${INPUT_LIMITS.urlLength} characters`, undefined, correlationIdOf(request))));
      return;
    }
    if (request.is404) {
      const path = request.url.split('?')[0];
      const allowed = allowedMethods(path);
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        reply
          .code(405)
          .header('Allow', allowed.join(', '))
          .header('Content-Type', PROBLEM_CONTENT_TYPE)
          .send(JSON.stringify(problemOf(405, `${request.method} is not allowed here; allowed: ${allowed.join(', ')}`, path, correlationIdOf(request))));
        return;
      }
    }
    done();
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const status = reply.statusCode;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (status < 400 || contentType.startsWith('application/problem+json')) return done(null, payload);
    let detail: string = STATUS_CODES[status] ?? 'Error';
    if (typeof payload === 'string') {
      try {
        const parsed = JSON.parse(payload) as { message?: unknown };
        if (typeof parsed.message === 'string') detail = parsed.message;
      } catch {
        // not JSON: the status text says enough
      }
    }
    const problem = problemOf(status, detail, request.url.split('?')[0], request.headers['x-correlation-id'] as string | undefined);
    reply.header('Content-Type', PROBLEM_CONTENT_TYPE);
    reply.removeHeader('Content-Length');
    done(null, JSON.stringify(problem));
  });
};
