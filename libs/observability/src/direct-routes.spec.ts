import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError, requestContext } from '@app/database';
import { AppError } from './app-error.js';
import { type DirectRequest, type DirectRoute, headersSetBy, mountDirectRoutes } from './direct-routes.js';

const route = (path: string, handle: DirectRoute['handle']): DirectRoute => ({
  method: 'POST',
  path,
  handle,
  openApi: { tags: [], summary: '', requestContentType: 'text/plain', responses: {} },
});

describe('mountDirectRoutes', () => {
  const seen: Array<DirectRequest & { context: unknown }> = [];
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    // The framework: whatever the direct routes do not claim.
    server = http.createServer((_req, res) => res.writeHead(299).end('framework'));
    mountDirectRoutes(
      server,
      [
        route('/hooks/:id/in', async (request) => {
          seen.push({ ...request, context: requestContext.get() });
          return { status: 200, contentType: 'text/xml', body: `<ok>${request.body.length}</ok>` };
        }),
        route('/hooks/:id/fail', async () => {
          throw new AppError(403, 'invalid_signature', 'No');
        }),
        route('/hooks/:id/crash', async () => {
          throw new Error('database said: value "+15551234567" violates ...');
        }),
        route('/hooks/:id/empty', async () => ({ status: 204 })),
        route('/hooks/:id/nul', async () => {
          throw new DatabaseError('invalid_text', '22021', undefined);
        }),
      ],
      {
        bodyLimit: 1024,
        fixedHeaders: { 'x-content-type-options': 'nosniff' },
        trustedProxies: ['loopback'],
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (path: string, body = 'a=1', headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers });

  it('serves a matching route with decoded params, the raw URL, the body and a request context', async () => {
    const res = await post('/hooks/ab%20c/in?x=1', 'hello', {
      'user-agent': 'TwilioProxy/1.1',
      'x-forwarded-for': '203.0.113.9',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<ok>5</ok>');
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const request = seen.at(-1)!;
    expect(request.params).toEqual({ id: 'ab c' });
    expect(request.url).toBe('/hooks/ab%20c/in?x=1');
    expect(request.body.toString()).toBe('hello');
    // The loopback proxy is trusted, so its X-Forwarded-For names the client.
    expect(request.context).toEqual({ ip: '203.0.113.9', userAgent: 'TwilioProxy/1.1', requestId });
  });

  it('leaves every other method and path to the framework', async () => {
    expect((await fetch(`${base}/hooks/a/in`)).status).toBe(299);
    expect((await post('/hooks/a/in/')).status).toBe(299);
    expect((await post('/hooks//in')).status).toBe(299);
    expect((await post('/hooks/%E0%A4%A/in')).status).toBe(299); // undecodable parameter
    expect((await post('/other')).status).toBe(299);
  });

  it('renders errors as the api does: client errors keep code and message, the rest is a bare 500', async () => {
    const refused = await post('/hooks/a/fail');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'invalid_signature', message: 'No' } });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const crashed = await post('/hooks/a/crash');
    expect(crashed.status).toBe(500);
    const text = await crashed.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side' },
    });
    expect(text).not.toContain('5551234567');
  });

  it('answers text Postgres cannot store (a NUL character) with 400, not 500', async () => {
    const res = await post('/hooks/a/nul');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_text');
  });

  it('answers 204 without a body', async () => {
    const res = await post('/hooks/a/empty');
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('refuses a body over the limit with 413, declared or streamed, and keeps serving', async () => {
    const declared = await post('/hooks/a/in', 'x'.repeat(2000));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is too large' },
    });
    // Chunked, no Content-Length: counted while it streams.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/hooks/a/in`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write('y'.repeat(512));
      req.end();
    });
    expect(streamed).toBe(413);
    expect((await post('/hooks/a/in', 'small')).status).toBe(200);
  });
});

describe('headersSetBy', () => {
  it('captures what a middleware sets and removes', () => {
    const headers = headersSetBy((_req, res, next) => {
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.setHeader('X-Powered-By', 'x');
      res.removeHeader('X-Powered-By');
      res.setHeader('Vary', ['a', 'b']);
      next();
    });
    expect(headers).toEqual({ 'x-frame-options': 'SAMEORIGIN', vary: 'a, b' });
  });
});
