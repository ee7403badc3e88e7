import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedUrl, safeUrl } from '@app/observability';
import { type StaffMember, StaffClient, serverRoutes, ownerPool, startApi } from '@app/testing';
import { InboxSeeder } from './inbox-fixtures.js';
import { createPublicChannel, SITE } from './intake-fixtures.js';

/** Issue 19, item 6 (errors, logs, headers) and item 8 (`/health/ready`). */

/** Every access-log line the api writes, captured from pino's one root logger (the process's). */
class AccessLog {
  lines: string[] = [];

  static capture(): AccessLog {
    const log = new AccessLog();
    const root = PinoLogger.root as unknown as Record<symbol, unknown> & { level: string };
    root.level = 'info';
    root[pino.symbols.streamSym] = new Writable({
      write(chunk, _enc, done) {
        log.lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    return log;
  }

  /** The text of the access-log lines written since `mark`. */
  since(mark: number): string {
    return this.lines.slice(mark).join('\n');
  }
}

const token = () => randomBytes(32).toString('base64url');

describe('edges: errors, logs, headers', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let admin: StaffMember;
  let seed: InboxSeeder;
  let log: AccessLog;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true', LOG_LEVEL: 'info' });
    log = AccessLog.capture();
    owner = ownerPool();
    c = new StaffClient(app);
    admin = await c.signupPractice();
    seed = await InboxSeeder.forPractice(app, owner, admin.practiceId);
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  describe('control characters never reach Postgres or a stored value', () => {
    it('answers a NUL in the login email with 400 validation_failed naming the field (was a 500)', async () => {
      const res = await c.post('/v1/auth/login', {
        email: `a\u0000${admin.email}`,
        password: 'whatever-1234',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details).toEqual([{ path: 'email', message: expect.any(String) }]);
    });

    it('refuses a NUL or other control character in a contact email, name, or any staff input', async () => {
      const x = await seed.inbound();
      for (const body of [
        { email: 'pat\u0000@mail.test' },
        { email: 'pat\u0007@mail.test' },
        { name: 'Pat\u001b[31m Doe' },
      ]) {
        const res = await c.patch(`/v1/contacts/${x.contactId}`, body, admin.accessToken);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(Object.keys(body));
      }
      const contact = await c.get(`/v1/contacts/${x.contactId}`, admin.accessToken).expect(200);
      expect(contact.body.email).toBe(x.from);
      // Line breaks and tabs are text, not control: a note keeps them.
      await c
        .post(
          `/v1/conversations/${x.conversationId}/notes`,
          { body: 'line 1\n\tline 2\r\n' },
          admin.accessToken,
        )
        .expect(201);
    });

    it('refuses them in public intake too, in values and in field names, naming the field', async () => {
      const form = await createPublicChannel(app, owner, 'webform');
      for (const [body, path] of [
        [{ name: 'Pat', email: 'pat\u0000@mail.test', message: 'hi' }, 'email'],
        [{ name: 'Pat', email: 'pat@mail.test', fields: { 'insurer\u0000': 'x' } }, 'fields'],
        [{ name: 'Pat', email: 'pat@mail.test', fields: { insurer: ['a', 'b\u0000'] } }, 'fields.insurer.1'],
      ] as const) {
        const res = await request(app.getHttpServer())
          .post(`/v1/public/forms/${form.publicKey}/submissions`)
          .set('Origin', SITE)
          .send(body);
        expect(res.status, path).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ path }] });
      }
    });

    it('answers a NUL in any path parameter of any route with a 4xx, never a 500', async () => {
      const routes = serverRoutes(app).filter((r) => r.path.includes(':') && !r.path.includes('*'));
      expect(routes.length).toBeGreaterThan(20);
      for (const route of routes) {
        const path = route.path.replace(/:\w+/g, 'x%00y');
        const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'options';
        const server = request(app.getHttpServer());
        const res = await server[method](path)
          .set('Authorization', `Bearer ${admin.accessToken}`)
          .set('X-Forwarded-For', c.ip)
          .send({})
          .timeout(5_000);
        expect(res.status, `${route.method} ${route.path}`).toBeLessThan(500);
      }
    });
  });

  describe('error messages never echo the input', () => {
    it('does not quote a malformed JSON body (a password fragment) or its charset back', async () => {
      for (const [contentType, body] of [
        ['application/json', '{"email": "a@b.test", "password": hunter2-Secret}'],
        ['application/json', 'hunter2-Secret'],
        ['application/json; charset=hunter2-Secret', '{}'],
      ]) {
        const res = await request(app.getHttpServer())
          .post('/v1/auth/login')
          .set('content-type', contentType!)
          .send(body);
        expect(res.status, body).toBeGreaterThanOrEqual(400);
        expect(res.status, body).toBeLessThan(500);
        expect(JSON.stringify(res.body), body).not.toMatch(/hunter2|Secret/i);
      }
    });

    it('does not quote an undecodable path parameter back', async () => {
      const res = await c.get('/v1/contacts/hunter2%E0%A4%A', admin.accessToken);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
    });

    it('does not quote an unknown path back', async () => {
      const res = await request(app.getHttpServer()).get('/v1/x/pat.doe@mail.test').expect(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      expect(JSON.stringify(res.body)).not.toContain('pat.doe');
    });
  });

  describe('the access log never holds a capability or an unknown path', () => {
    it('routes case-sensitively: /S/<token> is not the patient page, and its token is not logged', async () => {
      const secret = token();
      const mark = log.lines.length;
      const res = await request(app.getHttpServer()).get(`/S/${secret}`);
      expect(res.status).toBe(404);
      await request(app.getHttpServer()).get(`/s/${secret}`);
      await request(app.getHttpServer()).get(`/C/${secret}`);
      await request(app.getHttpServer()).post(`/WEBHOOKS/sendgrid/${secret}/inbound/${secret}`);
      const lines = log.since(mark);
      expect(lines).toContain('"statusCode":404');
      expect(lines).not.toContain(secret);
      expect(lines).toContain('"url":"/s/*"');
      expect(lines).toContain('"url":"/*/*"'); // `/S/<token>`: S is no route's segment
    });

    it('logs an unknown path without its variable segments', async () => {
      const mark = log.lines.length;
      await request(app.getHttpServer()).get('/v1/x/pat.doe@mail.test?email=pat.doe@mail.test').expect(404);
      await request(app.getHttpServer()).get('/v1/contacts/pat.doe@mail.test/nothing').expect(404);
      const x = await seed.inbound();
      await c.get(`/v1/contacts/${x.contactId}`, admin.accessToken).expect(200);
      const lines = log.since(mark);
      expect(lines).toContain('"statusCode":404');
      expect(lines).not.toContain('pat.doe');
      // Only the segments some route spells out remain; a path a route answered keeps its ids.
      expect(lines).toContain('"url":"/v1/*/*?email=*"');
      expect(lines).toContain('"url":"/v1/contacts/*/*"');
      expect(lines).toContain(`"url":"/v1/contacts/${x.contactId}"`);
    });

    it('masks every route that takes a capability (a :token or :secret path parameter), in any case', () => {
      const router = serverRoutes(app).map((r) => r.path);
      const capabilityRoutes = serverRoutes(app).filter((r) => /:(token|secret)\b/.test(r.path));
      expect(capabilityRoutes.length).toBeGreaterThanOrEqual(4);
      for (const route of capabilityRoutes) {
        for (const secret of [token(), randomUUID()]) {
          const path = route.path.replace(/:\w+/g, (p) =>
            /^:(token|secret)$/.test(p) ? secret : randomUUID(),
          );
          for (const spelling of [path, path.toUpperCase()]) {
            // The capability mask alone, and the access log's URL.
            expect(safeUrl(spelling).toLowerCase(), route.path).not.toContain(secret.toLowerCase());
            expect(loggedUrl(spelling, router).toLowerCase(), route.path).not.toContain(secret.toLowerCase());
          }
        }
      }
    });
  });

  describe('staff responses are never cached', () => {
    it('sends Cache-Control: no-store with staff PHI', async () => {
      const x = await seed.inbound();
      for (const path of [
        `/v1/conversations/${x.conversationId}/messages`,
        `/v1/contacts/${x.contactId}`,
        '/v1/conversations',
      ]) {
        const res = await c.get(path, admin.accessToken).expect(200);
        expect(res.headers['cache-control'], path).toBe('no-store');
      }
      const refused = await c.get(`/v1/contacts/${x.contactId}`).expect(401);
      expect(refused.headers['cache-control']).toBe('no-store');
    });
  });
});

/** A TCP relay to a dependency that can be cut, as when Postgres or Redis goes away under a running api. */
class CuttableRelay {
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;

  private constructor(target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
  }

  static async to(url: string): Promise<{ relay: CuttableRelay; url: string }> {
    const target = new URL(url);
    const relay = new CuttableRelay({ host: target.hostname, port: Number(target.port) });
    await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String((relay.server.address() as net.AddressInfo).port);
    return { relay, url: through.toString() };
  }

  /** Refuses new connections and drops the open ones. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

describe('/health/ready names the dependency that is down', () => {
  for (const dependency of ['postgres', 'redis'] as const) {
    it(`answers 503 not_ready naming ${dependency} when it goes away`, async () => {
      const variable = dependency === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL';
      const { relay, url } = await CuttableRelay.to(process.env[variable]!);
      const app = await startApi({ [variable]: url });
      try {
        await request(app.getHttpServer()).get('/health/ready').expect(200);
        await relay.cut();
        const res = await request(app.getHttpServer()).get('/health/ready');
        expect(res.status).toBe(503);
        const other = dependency === 'postgres' ? 'redis' : 'postgres';
        expect(res.body).toEqual({
          error: {
            code: 'not_ready',
            message: expect.any(String),
            // The master key check reads the deployment's key id from Postgres.
            details: {
              [dependency]: 'down',
              [other]: 'up',
              master_key: dependency === 'postgres' ? 'down' : 'up',
            },
          },
        });
        await request(app.getHttpServer()).get('/health/live').expect(200);
      } finally {
        await app.close().catch(() => undefined);
        await relay.cut().catch(() => undefined);
      }
    }, 30_000);
  }
});
