import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicChannel } from '@app/channels';
import { APP_CONFIG, type ApiConfig } from '@app/config';
import { trustedProxyRule } from '@app/observability';
import { StaffClient, auditTrail, ownerPool, startApi, testClientIp } from '@app/testing';
import { SITE, createPublicChannel } from './intake-fixtures.js';

type TrustFn = (address: string, hop: number) => boolean;
/** The rule the app's Fastify server was given as `trustProxy` (request.ip), from the app's config. */
const trustOf = (app: INestApplication): TrustFn =>
  trustedProxyRule(app.get<ApiConfig>(APP_CONFIG, { strict: false }).TRUSTED_PROXIES);

/** Another address in the same IPv6 /64 as `ip` (a testClientIp()). */
const sameSlash64 = (ip: string, suffix: number) => `${ip.split('::')[0]}::${suffix.toString(16)}`;

describe('proxy trust (TRUSTED_PROXIES)', () => {
  let owner: pg.Pool;
  beforeAll(() => {
    owner = ownerPool();
  });
  afterAll(() => owner?.end());

  describe('by default', () => {
    let app: INestApplication;
    let form: PublicChannel;
    let widget: PublicChannel;
    beforeAll(async () => {
      app = await startApi({ ALLOW_SIGNUP: 'true' });
      form = await createPublicChannel(app, owner, 'webform');
      widget = await createPublicChannel(app, owner, 'chat');
    });
    afterAll(() => app?.close());

    it('trusts the loopback proxy only, not every private network', () => {
      const trust = trustOf(app);
      for (const peer of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(trust(peer, 0), peer).toBe(true);
      for (const peer of ['10.0.0.5', '172.16.0.9', '192.168.1.20', '169.254.0.3', 'fd00::7', 'fe80::1'])
        expect(trust(peer, 0), peer).toBe(false);
    });

    it('keys the per-address form limit on the IPv6 /64, not the full address', async () => {
      const first = testClientIp();
      const statuses: number[] = [];
      for (let i = 1; i <= 6; i++) {
        const res = await request(app.getHttpServer())
          .post(`/v1/public/forms/${form.publicKey}/submissions`)
          .set('Origin', SITE)
          .set('X-Forwarded-For', sameSlash64(first, i))
          .send({ name: 'Pat', email: `pat${i}@mail.test`, message: 'hello' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      // Another /64 has its own bucket.
      await request(app.getHttpServer())
        .post(`/v1/public/forms/${form.publicKey}/submissions`)
        .set('Origin', SITE)
        .set('X-Forwarded-For', testClientIp())
        .send({ name: 'Pat', email: 'pat@mail.test', message: 'hello' })
        .expect(202);
    });

    it('keys the per-address chat session limit on the IPv6 /64', async () => {
      const first = testClientIp();
      const statuses: number[] = [];
      for (let i = 1; i <= 11; i++) {
        const res = await request(app.getHttpServer())
          .post(`/v1/public/chat/${widget.publicKey}/sessions`)
          .set('Origin', SITE)
          .set('X-Forwarded-For', sameSlash64(first, i))
          .send({});
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
      expect(statuses[10]).toBe(429);
    });
  });

  describe('when the immediate peer is not a trusted proxy', () => {
    let app: INestApplication;
    let form: PublicChannel;
    beforeAll(async () => {
      // The test connects from loopback; trusting only another network makes it an untrusted peer.
      app = await startApi({ ALLOW_SIGNUP: 'true', TRUSTED_PROXIES: '10.0.0.0/8' });
      form = await createPublicChannel(app, owner, 'webform');
    });
    afterAll(() => app?.close());

    it('ignores its X-Forwarded-For: the session and the audit trail record the real peer', async () => {
      const forged = testClientIp();
      const client = new StaffClient(app, forged);
      const member = await client.signupPractice({ enrolMfa: false });
      const sessions = await client.get('/v1/me/sessions', member.accessToken).expect(200);
      const ips = sessions.body.data.map((s: { ip: string }) => s.ip);
      expect(ips.length).toBeGreaterThan(0);
      for (const ip of ips) expect(ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
      const trail = await auditTrail(app, member.practiceId);
      expect(trail.length).toBeGreaterThan(0);
      expect(trail.map((e) => e.ip)).not.toContain(forged);
    });

    it('does not let a rotating X-Forwarded-For escape the per-address limit', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 6; i++) {
        const res = await request(app.getHttpServer())
          .post(`/v1/public/forms/${form.publicKey}/submissions`)
          .set('Origin', SITE)
          .set('X-Forwarded-For', testClientIp())
          .send({ name: 'Pat', email: `pat${i}@mail.test`, message: 'hello' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    });
  });
});
