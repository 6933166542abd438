import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiHarness } from './support/api-harness';

type Answer = { status: number; contentType: string; body: Record<string, unknown> & { errors?: { field: string; messages: string[] }[] }; headers: Record<string, unknown> };

const isProblem = (answer: Answer, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ type: expect.stringMatching(/^urn:okrug:problem:/), title: expect.any(String), status, detail: expect.any(String) });
};

describe('every error the API gives is a problem document', () => {
  let api: ApiHarness;
  let port: number;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await api.stop();
  });

  /** A request as written, bytes and all: supertest would normalise a malformed path. */
  const raw = (method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, agent: false, headers: { Authorization: 'Bearer e2e-admin-key-0123456789abcdef', ...options.headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Answer['body'] = {};
          try {
            body = JSON.parse(text);
          } catch {
            body = { text };
          }
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body, headers: res.headers });
        });
      });
      req.on('error', reject);
      if (options.body !== undefined) req.end(options.body);
      else req.end();
    });

  describe('errors of the router and the HTTP server', () => {
    it.each(['/institutions/%E0%A4%A', '/%', '/networks/%zz/timeline'])('a malformed percent-encoding (%s) is 400 with a field list', async (path) => {
      const answer = await raw('GET', path);
      isProblem(answer, 400);
      expect(answer.body.errors).toEqual([{ field: '(path)', messages: [expect.any(String)] }]);
    });

    it('an over-long path segment is 414', async () => {
      isProblem(await raw('GET', `/institutions/${'a'.repeat(200)}`), 414);
    });

    it('a request target over 4,096 characters is 414, and one over the header limit too', async () => {
      isProblem(await raw('GET', `/institutions?q=${'a'.repeat(5_000)}`), 414);
      isProblem(await raw('GET', `/institutions?q=${'a'.repeat(100_000)}`), 414);
    });

    it('headers over the limit are 431', async () => {
      isProblem(await raw('GET', '/institutions', { headers: { 'X-Padding': 'x'.repeat(20_000) } }), 431);
    });

    it('an unknown route is 404', async () => {
      isProblem(await raw('GET', '/nowhere'), 404);
      isProblem(await raw('POST', '/institutions/00000000-0000-4000-8000-000000000000/teleport', { headers: { 'Content-Type': 'application/json' }, body: '{}' }), 404);
    });

    it('a known path with another method is 405 with Allow', async () => {
      const answer = await raw('DELETE', '/institutions');
      isProblem(answer, 405);
      expect(answer.headers.allow).toBe('GET, HEAD, POST');
      isProblem(await raw('PUT', '/institutions/00000000-0000-4000-8000-000000000000'), 405);
    });

    it('a body over 1 MB is 413', async () => {
      isProblem(await raw('POST', '/institutions', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fullName: 'x'.repeat(1_100_000) }) }), 413);
    });

    it.each(['application/xml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/csv'])('a body of %s is 415', async (type) => {
      isProblem(await raw('POST', '/institutions', { headers: { 'Content-Type': type }, body: 'fullName=a' }), 415);
    });

    it('a body without a content type is 415', async () => {
      isProblem(await raw('POST', '/institutions', { headers: { 'Content-Length': '2' }, body: '{}' }), 415);
    });
  });

  describe('refused bodies carry a field list', () => {
    it.each([
      ['malformed JSON', '{"fullName":'],
      ['an empty body', ''],
      ['a __proto__ field', '{"__proto__":{"admin":true}}'],
      ['a constructor field', '{"constructor":{"prototype":{}}}'],
      ['a body that is not JSON at all', 'fullName=a'],
    ])('%s is 400 invalid-input with errors', async (_, body) => {
      const answer = await raw('POST', '/institutions', { headers: { 'Content-Type': 'application/json' }, body });
      isProblem(answer, 400);
      expect(answer.body.type).toBe('urn:okrug:problem:invalid-input');
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      expect(answer.body.errors![0]).toEqual({ field: expect.any(String), messages: [expect.any(String)] });
    });

  });
});
