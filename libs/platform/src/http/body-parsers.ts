import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidInput } from '@app/kernel';
import { INPUT_LIMITS, checkInputLimits, jsonNestingExceeds } from './input-limits';

/** An error the HTTP layer answers with its own status (415); the problem filter reads `statusCode`. */
export class HttpStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const charsetOf = (contentType: string | undefined): string | undefined => {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
  return match?.[1].toLowerCase();
};

// Stateless between calls (no streaming), so one decoder serves every request; `fatal` refuses bytes that are not UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bodies are read as UTF-8 only; another charset is refused rather than misread. */
const decodeUtf8 = (request: FastifyRequest, body: Buffer, what: string): string => {
  const charset = charsetOf(request.headers['content-type']);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpStatusError(415, `${what} bodies are read as UTF-8 only; charset=${charset.slice(0, 40)} is not supported`);
  }
  try {
    return utf8.decode(body);
  } catch {
    throw new InvalidInput('the body is not valid UTF-8', [{ field: '(body)', messages: ['the body must be UTF-8 text'] }]);
  }
};

const bodyError = (detail: string, message: string) => new InvalidInput(detail, [{ field: '(body)', messages: [message] }]);

/** Reads a JSON body within the limits of {@link INPUT_LIMITS}; anything else is a field error on `(body)`. */
export const parseJsonBody = (request: FastifyRequest, body: Buffer): unknown => {
  const text = decodeUtf8(request, body, 'JSON');
  if (text.trim() === '') throw bodyError('the body is empty', 'the body must be a JSON document, e.g. {}');
  if (jsonNestingExceeds(text, INPUT_LIMITS.depth)) {
    throw bodyError('the body is nested too deeply', `the body must not nest objects and arrays deeper than ${INPUT_LIMITS.depth} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw bodyError('the body is not valid JSON', `the body is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  const errors = checkInputLimits(value);
  if (errors.length > 0) throw new InvalidInput('the request has invalid fields', errors);
  return value;
};

/** The DOCX content type, the body of a department's report template. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The largest DOCX body taken (a template with its pictures); other bodies keep the server's limit. */
export const DOCX_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * The only bodies the API reads: JSON (every endpoint), CSV (the routes in `csvRoutes`: imports), both UTF-8,
 * and DOCX as bytes (the routes in `docxRoutes`: a department's report templates).
 * Any other content type, form-encoded and plain text included, is 415.
 */
export const installBodyParsers = (
  fastify: FastifyInstance,
  csvRoutes: ReadonlySet<string> = new Set(['/imports', '/events/imports']),
  docxRoutes: ReadonlySet<string> = new Set(['/report-templates/:kind']),
): void => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Import files may be CSV: the body reaches the controller as text. No other endpoint reads CSV.
  fastify.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      if (!csvRoutes.has(request.routeOptions.url ?? '')) throw new HttpStatusError(415, 'only imports take CSV; send JSON');
      done(null, decodeUtf8(request, body as Buffer, 'CSV'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // A report template is the DOCX file itself: the body reaches the controller as its bytes. No other endpoint reads DOCX.
  fastify.addContentTypeParser(DOCX_CONTENT_TYPE, { parseAs: 'buffer', bodyLimit: DOCX_BODY_LIMIT }, (request, body, done) => {
    if (!docxRoutes.has(request.routeOptions.url ?? '')) done(new HttpStatusError(415, 'only report templates take DOCX; send JSON'), undefined);
    else done(null, body as Buffer);
  });
};
