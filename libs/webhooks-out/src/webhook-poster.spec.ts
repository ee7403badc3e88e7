import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './webhook-attempts.js';
import { MAX_RESPONSE_BYTES, postWebhook } from './webhook-poster.js';

describe('posting one webhook', () => {
  let server: Server;
  let port: number;
  const hits: Array<{ path: string; host: string | undefined }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push({ path: req.url ?? '', host: req.headers.host });
      req.resume();
      if (req.url === '/redirect')
        res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
      else if (req.url === '/slow') setTimeout(() => res.writeHead(204).end(), 2000);
      else if (req.url === '/huge') {
        res.writeHead(200);
        // Far more than the cap, then the answer never ends.
        res.write(Buffer.alloc(MAX_RESPONSE_BYTES * 4));
      } else res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, timeoutMs = 1500) =>
    postWebhook({
      // A name nobody resolves: the connection goes to the vetted address, never to DNS.
      url: new URL(`http://hooks.never-resolved.test:${port}${path}`),
      address: '127.0.0.1',
      family: 4,
      headers: { 'webhook-id': 'msg_1' },
      body: '{}',
      timeoutMs,
    });

  it('connects to the vetted address with the URL’s host as Host, and a 2xx is delivered', async () => {
    expect(await post('/ok')).toMatchObject({ delivered: true, statusCode: 204, errorClass: null });
    expect(hits.at(-1)).toEqual({ path: '/ok', host: `hooks.never-resolved.test:${port}` });
  });

  it('follows no redirect', async () => {
    const before = hits.length;
    expect(await post('/redirect')).toMatchObject({
      delivered: false,
      statusCode: 302,
      errorClass: 'redirect_refused',
    });
    expect(hits.slice(before).map((h) => h.path)).toEqual(['/redirect']);
  });

  it('gives up at the deadline, and reads at most the capped answer', async () => {
    expect(await post('/slow', 200)).toMatchObject({
      delivered: false,
      statusCode: null,
      errorClass: 'timeout',
    });
    // The huge answer never ends: only the cap ends the exchange (before the deadline would).
    expect(await post('/huge', 10_000)).toMatchObject({ delivered: true, statusCode: 200 });
  });

  it('names a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await postWebhook({
      url: new URL(`http://x.test:${closedPort}/`),
      address: '127.0.0.1',
      family: 4,
      headers: {},
      body: '{}',
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({ delivered: false, statusCode: null, errorClass: 'connection_refused' });
  });
});

describe('retry delays', () => {
  it('double from the base up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(40, 60_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});
