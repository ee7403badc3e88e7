import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { closeConnectionsWhenClosing } from './http-pipeline.js';

/** A keep-alive GET; resolves with its status once the body is read. */
function get(port: number, agent: http.Agent): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, path: '/slow', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      })
      .on('error', reject);
  });
}

describe('closeConnectionsWhenClosing', () => {
  it('closes a connection whose answer was in flight at close once it is answered, so close() does not wait out the keep-alive timeout', async () => {
    const server = Fastify();
    closeConnectionsWhenClosing(server);
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    server.get('/slow', async () => {
      arrived();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { ok: true };
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const agent = new http.Agent({ keepAlive: true });
    const answer = get((server.server.address() as AddressInfo).port, agent);
    await inFlight;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    expect(await answer).toBe(200);
    // Fastify's keep-alive timeout is 72 s; without the sweep the close would still be waiting.
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    agent.destroy();
    expect(closed).toBe(true);
  });
});
