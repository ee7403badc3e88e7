import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '@app/audit';
import { IngestService, LiveSubscriptions, StaffEvents } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';
import {
  createTestInfra,
  destroyTestInfra,
  StaffClient,
  type StaffMember,
  startApi,
  startWorker,
  subPrefix,
  type TestInfra,
} from '@app/testing';
import { WEBHOOK_DATA_KEYS, WebhookAttempts } from '@app/webhooks-out';
import { WebhookDeliveryRepository } from '../libs/webhooks-out/src/webhook-delivery.repository.js';
import { WebhookEndpointRepository } from '../libs/webhooks-out/src/webhook-endpoint.repository.js';
import { freePort, waitFor } from './ingestion-fixtures.js';
import { createPublicChannel } from './intake-fixtures.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * A receiver on a local port: it records every request and answers with `answer()`'s status
 * (a receiver that is "down" answers 503).
 */
class Receiver {
  readonly requests: Received[] = [];
  answer: () => number = () => 204;
  private server!: Server;
  url!: string;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answered = this.answer();
        this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.writeHead(answered).end();
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  withId(id: string): Received[] {
    return this.requests.filter((r) => r.headers['webhook-id'] === id);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const PHI = { name: 'Pat Webhook-Example', body: 'my knee still hurts after the surgery' };

// Issue 25: signed outbound webhooks.
describe('signed outbound webhooks', () => {
  let infra: TestInfra;
  let api: INestApplication;
  let strictApi: INestApplication;
  let worker: INestApplication | null = null;
  let owner: pg.Pool;
  let staff: StaffClient;
  let admin: StaffMember;
  let formId: string;
  // One Redis namespace for the api and the worker: the worker's staff events reach the api's subscribers.
  const redisPrefix = subPrefix(process.env.REDIS_PREFIX!, `webhooks-${randomBytes(4).toString('hex')}`);
  let env: Record<string, string>;

  beforeAll(async () => {
    // A database of its own: the worker's relay reads deliveries across practices.
    infra = await createTestInfra('webhooks');
    env = {
      DATABASE_URL: infra.appUrl,
      DATABASE_MIGRATION_URL: infra.ownerUrl,
      REDIS_PREFIX: redisPrefix,
      ALLOW_SIGNUP: 'true',
    };
    api = await startApi({ ...env, OUTBOUND_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    strictApi = await startApi(env);
    owner = new pg.Pool({ connectionString: infra.ownerUrl, max: 2 });
    staff = new StaffClient(api);
    admin = await staff.signupPractice();
    formId = (await createPublicChannel(api, owner, 'webform', { tenantId: admin.practiceId })).id;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await strictApi?.close();
    await owner?.end();
    if (infra) await destroyTestInfra(infra);
  });

  const startTheWorker = async () => {
    worker ??= await startWorker({
      ...env,
      OUTBOUND_WEBHOOKS_ALLOW_PRIVATE: 'true',
      OUTBOUND_WEBHOOKS_BACKOFF_MS: '50',
      OUTBOUND_WEBHOOKS_RELAY_INTERVAL_MS: '100',
      OUTBOUND_WEBHOOKS_DISABLE_AFTER_SECONDS: '0',
      OUTBOUND_WEBHOOKS_DISABLE_AFTER_FAILURES: '6',
    });
  };

  async function endpoint(url: string, eventTypes: string[] = ['message.received', 'conversation.assigned']) {
    const res = await staff.post('/v1/webhook-endpoints', { url, eventTypes }, admin.accessToken).expect(201);
    return res.body as { id: string; secret: string; enabled: boolean };
  }

  /** A new patient's first message through the real ingest: a `message.received` event. */
  async function inbound(): Promise<{ conversationId: string; messageId: string }> {
    const result = await api.get(TenantDb).forTenant(admin.practiceId, (tx) =>
      api.get(IngestService).ingestInbound(tx, {
        channelId: formId,
        channel: 'webform',
        from: { email: `patient.${randomBytes(5).toString('hex')}@mail.test`, name: PHI.name },
        body: PHI.body,
        actor: { type: 'patient', id: 'test' },
      }),
    );
    return { conversationId: result.conversationId, messageId: result.messageId };
  }

  const deliveriesOf = async (endpointId: string) =>
    (await staff.get(`/v1/webhook-endpoints/${endpointId}/deliveries`, admin.accessToken).expect(200))
      .body as {
      data: Array<{
        id: string;
        type: string;
        state: string;
        attempts: Array<{ statusCode: number | null; errorClass: string | null; succeeded: boolean }>;
      }>;
      nextCursor: string | null;
    };

  it('refuses private, loopback, link-local and metadata addresses and non-https URLs at registration', async () => {
    const strict = new StaffClient(strictApi);
    const refused = async (url: string, code: string) => {
      const res = await strict
        .post('/v1/webhook-endpoints', { url, eventTypes: ['message.received'] }, admin.accessToken)
        .expect(422);
      expect(res.body.error.code, url).toBe(code);
    };
    for (const url of [
      'https://127.0.0.1/hooks',
      'https://10.1.2.3/hooks',
      'https://172.16.0.9/hooks',
      'https://192.168.1.1/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/hooks',
      'https://0.0.0.0/hooks',
      'https://[::1]/hooks',
      'https://[fe80::1]/hooks',
      'https://[fd00:ec2::254]/hooks',
      'https://[::ffff:127.0.0.1]/hooks',
      'https://[::ffff:a9fe:a9fe]/hooks',
      'https://[64:ff9b::a9fe:a9fe]/hooks',
      'https://localhost/hooks',
    ])
      await refused(url, 'webhook_url_refused');
    await refused('http://93.184.215.14/hooks', 'webhook_url_invalid');
    await refused('https://user:pw@93.184.215.14/hooks', 'webhook_url_invalid');
    await refused('ftp://93.184.215.14/hooks', 'webhook_url_invalid');
    await refused('https://no-such-host.invalid/hooks', 'webhook_url_unresolvable');
    // Nothing was stored.
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM webhook_endpoints`);
    expect(rows[0].n).toBe(0);
    // A public address is taken (the receiver is never called at registration).
    const taken = await strict
      .post(
        '/v1/webhook-endpoints',
        { url: 'https://93.184.215.14/hooks', eventTypes: ['consent.changed'] },
        admin.accessToken,
      )
      .expect(201);
    await strict.delete(`/v1/webhook-endpoints/${taken.body.id}`, admin.accessToken).expect(204);
    // Owner and admin only.
    const frontDesk = await staff.addStaff(admin, 'front_desk');
    await staff.get('/v1/webhook-endpoints', frontDesk.accessToken).expect(403);
    await staff
      .post(
        '/v1/webhook-endpoints',
        { url: 'https://93.184.215.14/x', eventTypes: ['message.received'] },
        frontDesk.accessToken,
      )
      .expect(403);
    await staff
      .post(
        '/v1/webhook-endpoints',
        { url: 'https://93.184.215.14/x', eventTypes: ['nope'] },
        admin.accessToken,
      )
      .expect(400);
  });

  it('refuses a private address at send time too (a name that resolves elsewhere now), connecting nowhere', async () => {
    // No worker runs yet: the attempt below is the only one.
    const receiver = await new Receiver().start();
    try {
      const hook = await endpoint(receiver.url, ['message.received']);
      const { messageId } = await inbound();
      const [delivery] = (
        await owner.query(`SELECT id FROM webhook_deliveries WHERE endpoint_id = $1`, [hook.id])
      ).rows as Array<{ id: string }>;
      expect(delivery).toBeDefined();
      // The endpoint's host now resolves to loopback ("rebinding"), on a deployment that allows no private address.
      await owner.query(
        `UPDATE webhook_endpoints SET url = 'https://hooks.rebinding.test/in' WHERE id = $1`,
        [hook.id],
      );
      const attempts = new WebhookAttempts(
        api.get(TenantDb),
        new WebhookDeliveryRepository(),
        new WebhookEndpointRepository(),
        api.get(KeyRingService),
        api.get(AuditService),
        api.get(StaffEvents, { strict: false }),
        {
          OUTBOUND_WEBHOOKS_ALLOW_PRIVATE: false,
          OUTBOUND_WEBHOOKS_BACKOFF_MS: 60_000,
          OUTBOUND_WEBHOOKS_RETRY_SECONDS: 3600,
          OUTBOUND_WEBHOOKS_DISABLE_AFTER_SECONDS: 3600,
          OUTBOUND_WEBHOOKS_DISABLE_AFTER_FAILURES: 10,
          OUTBOUND_WEBHOOKS_TIMEOUT_MS: 2000,
        },
        async () => [{ address: '127.0.0.1', family: 4 }],
      );
      const result = await attempts.attempt(admin.practiceId, delivery!.id);
      expect(result).toEqual({ done: false, retryInMs: 60_000 });
      const log = await deliveriesOf(hook.id);
      expect(log.data).toEqual([
        expect.objectContaining({
          id: delivery!.id,
          type: 'message.received',
          state: 'pending',
          attempts: [
            expect.objectContaining({ statusCode: null, errorClass: 'address_refused', succeeded: false }),
          ],
        }),
      ]);
      expect(receiver.requests).toEqual([]);
      expect(messageId).toBeDefined();
      // Still refused two hours later, past the retry window (an hour here): the delivery fails for good.
      const later = new Date(Date.now() + 2 * 3_600_000);
      expect(await attempts.attempt(admin.practiceId, delivery!.id, later)).toEqual({ done: true });
      expect((await deliveriesOf(hook.id)).data[0]).toMatchObject({
        state: 'failed',
        finishedAt: expect.any(String),
      });
      expect((await deliveriesOf(hook.id)).data[0]!.attempts).toHaveLength(2);
      expect(await attempts.attempt(admin.practiceId, delivery!.id)).toEqual({ done: true });
      expect((await deliveriesOf(hook.id)).data[0]!.attempts).toHaveLength(2);
      expect(receiver.requests).toEqual([]);
      await staff.delete(`/v1/webhook-endpoints/${hook.id}`, admin.accessToken).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('signs each delivery per Standard Webhooks, with ids only in the payload', async () => {
    await startTheWorker();
    const receiver = await new Receiver().start();
    try {
      const hook = await endpoint(receiver.url);
      expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      const listed = await staff.get('/v1/webhook-endpoints', admin.accessToken).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(hook.secret);

      const { conversationId, messageId } = await inbound();
      await staff
        .patch(`/v1/conversations/${conversationId}`, { assigneeId: admin.userId }, admin.accessToken)
        .expect(200);
      await waitFor(() => receiver.requests.length >= 2, 15_000);

      const verifier = new Webhook(hook.secret);
      const events = receiver.requests.map((r) => {
        expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
        // Throws unless the signature, id and timestamp verify.
        return verifier.verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          timestamp: string;
          data: Record<string, unknown>;
        };
      });
      // A tampered body does not verify.
      expect(() =>
        verifier.verify(
          receiver.requests[0]!.body.replace('practiceId', 'practiceID'),
          receiver.requests[0]!.headers as Record<string, string>,
        ),
      ).toThrow();
      expect(events.map((e) => e.type).toSorted()).toEqual(['conversation.assigned', 'message.received']);
      const received = events.find((e) => e.type === 'message.received')!;
      expect(Object.keys(received).toSorted()).toEqual(['data', 'timestamp', 'type']);
      expect(received.data).toEqual({
        practiceId: admin.practiceId,
        conversationId,
        messageId,
        contactId: expect.any(String),
        channel: 'webform',
      });
      const assigned = events.find((e) => e.type === 'conversation.assigned')!;
      expect(assigned.data).toEqual({
        practiceId: admin.practiceId,
        conversationId,
        contactId: received.data.contactId,
        assigneeId: admin.userId,
        teamId: null,
      });
      for (const event of events) {
        for (const key of Object.keys(event.data)) expect(WEBHOOK_DATA_KEYS).toContain(key);
        const raw = JSON.stringify(event);
        expect(raw).not.toContain(PHI.name);
        expect(raw).not.toContain('knee');
        expect(raw).not.toContain('@mail.test');
      }
      await staff.delete(`/v1/webhook-endpoints/${hook.id}`, admin.accessToken).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('sources status, secure-read and consent events from committed changes only', async () => {
    await startTheWorker();
    const receiver = await new Receiver().start();
    try {
      const hook = await endpoint(receiver.url, [
        'message.status_changed',
        'secure_message.read',
        'consent.changed',
      ]);
      const { conversationId } = await inbound();
      const tenant = admin.practiceId;
      const contactId = (
        await owner.query(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId])
      ).rows[0].contact_id as string;
      const outbound = randomUUID();
      const revoked = randomUUID();
      const app = new pg.Pool({ connectionString: infra.appUrl, max: 1 });
      const asTenant = async (work: (c: pg.PoolClient) => Promise<void>, commit: boolean) => {
        const c = await app.connect();
        try {
          await c.query('BEGIN');
          await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
          await work(c);
          await c.query(commit ? 'COMMIT' : 'ROLLBACK');
        } finally {
          c.release();
        }
      };
      try {
        await asTenant(async (c) => {
          await c.query(
            `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, status, delivery_route)
             VALUES ($1, $2, $3, $4, 'email', 'outbound', 'message', 'sent', 'secure_link')`,
            [outbound, tenant, conversationId, contactId],
          );
        }, true);
        // A rolled-back change is no event.
        await asTenant(
          (c) =>
            c.query(`UPDATE messages SET status = 'failed' WHERE id = $1`, [outbound]).then(() => undefined),
          false,
        );
        await asTenant(
          (c) =>
            c.query(`UPDATE messages SET status = 'read' WHERE id = $1`, [outbound]).then(() => undefined),
          true,
        );
        await asTenant(
          (c) =>
            c
              .query(
                `INSERT INTO sms_opt_out_events (id, tenant_id, phone_enc, phone_bidx, action, source, actor_type, actor_id)
                 VALUES (gen_random_uuid(), $1, '\\x00', '\\x00', 'opt_out', 'staff', 'user', $2)`,
                [tenant, admin.userId],
              )
              .then(() => undefined),
          true,
        );
        // A staff revocation in the consent ledger, and the copy a merge makes of it (no change of its own).
        await asTenant(async (c) => {
          await c.query(
            `INSERT INTO consent_records (id, tenant_id, contact_id, channel, address_enc, address_bidx, decision, method, actor_type, actor_id)
             VALUES ($1, $2, $3, 'email', '\\x00', '\\x00', 'revoked', 'staff_revoked', 'user', $4)`,
            [revoked, tenant, contactId, admin.userId],
          );
          await c.query(
            `INSERT INTO consent_records (id, tenant_id, contact_id, channel, address_enc, address_bidx, decision, method, actor_type, actor_id, copied_from)
             VALUES (gen_random_uuid(), $1, $2, 'email', '\\x00', '\\x00', 'revoked', 'staff_revoked', 'user', $3, $4)`,
            [tenant, contactId, admin.userId, revoked],
          );
        }, true);
      } finally {
        await app.end();
      }
      await waitFor(() => receiver.requests.length >= 4, 15_000);
      const events = receiver.requests.map(
        (r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> },
      );
      expect(events.map((e) => e.type).toSorted()).toEqual([
        'consent.changed',
        'consent.changed',
        'message.status_changed',
        'secure_message.read',
      ]);
      expect(events.find((e) => e.data.consentRecordId)!.data).toEqual({
        practiceId: tenant,
        contactId,
        channel: 'email',
        change: 'revoked',
        consentRecordId: revoked,
      });
      expect(events.find((e) => e.type === 'message.status_changed')!.data).toEqual({
        practiceId: tenant,
        conversationId,
        messageId: outbound,
        contactId,
        channel: 'email',
        status: 'read',
        previousStatus: 'sent',
      });
      expect(events.find((e) => e.data.optOutEventId)!.data).toEqual({
        practiceId: tenant,
        contactId: null,
        channel: 'sms',
        change: 'opted_out',
        optOutEventId: expect.any(String),
      });
      const { rows } = await owner.query(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 AND data->>'status' = 'failed'`,
        [hook.id],
      );
      expect(rows[0].n).toBe(0);
      // Every delivery the committed changes made, and no more (the rollback and the merge copy made none).
      const all = await owner.query(
        `SELECT event_type FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY event_type`,
        [hook.id],
      );
      expect(all.rows.map((r) => r.event_type)).toEqual(events.map((e) => e.type).toSorted());
      await staff.delete(`/v1/webhook-endpoints/${hook.id}`, admin.accessToken).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('retries while the receiver is down and delivers once when it is back; logs each attempt; replays', async () => {
    await startTheWorker();
    const receiver = await new Receiver().start();
    let down = 3;
    receiver.answer = () => (down-- > 0 ? 503 : 204);
    try {
      const hook = await endpoint(receiver.url, ['message.received']);
      await inbound();
      const delivered = await waitFor(async () => {
        const log = await deliveriesOf(hook.id);
        return log.data[0]?.state === 'delivered' ? log.data[0] : null;
      }, 20_000);
      expect(delivered.attempts.map((a) => [a.statusCode, a.errorClass, a.succeeded])).toEqual([
        [503, 'http_status', false],
        [503, 'http_status', false],
        [503, 'http_status', false],
        [204, null, true],
      ]);
      // Every attempt carried the same webhook-id; exactly one was accepted.
      expect(receiver.withId(delivered.id)).toHaveLength(4);
      expect(receiver.withId(delivered.id).filter((r) => r.answered < 300)).toHaveLength(1);

      // A second event arrives after the first was delivered: the first is not sent again.
      await inbound();
      await waitFor(
        async () => (await deliveriesOf(hook.id)).data.filter((d) => d.state === 'delivered').length === 2,
        20_000,
      );
      expect(receiver.withId(delivered.id)).toHaveLength(4);

      // Replay: the same webhook-id, sent once more, verifiable.
      await staff
        .post(`/v1/webhook-endpoints/${hook.id}/deliveries/${delivered.id}/replay`, {}, admin.accessToken)
        .expect(202);
      await waitFor(() => receiver.withId(delivered.id).length === 5, 15_000);
      const replayed = receiver.withId(delivered.id)[4]!;
      expect(() =>
        new Webhook(hook.secret).verify(replayed.body, replayed.headers as Record<string, string>),
      ).not.toThrow();
      await waitFor(
        async () =>
          (await deliveriesOf(hook.id)).data.find((d) => d.id === delivered.id)?.state === 'delivered',
      );
      // Unknown deliveries and endpoints are 404s; the log pages with a cursor.
      await staff
        .post(`/v1/webhook-endpoints/${hook.id}/deliveries/${hook.id}/replay`, {}, admin.accessToken)
        .expect(404);
      const first = (
        await staff.get(`/v1/webhook-endpoints/${hook.id}/deliveries?limit=1`, admin.accessToken).expect(200)
      ).body;
      expect(first.data).toHaveLength(1);
      const second = (
        await staff
          .get(
            `/v1/webhook-endpoints/${hook.id}/deliveries?limit=1&cursor=${first.nextCursor}`,
            admin.accessToken,
          )
          .expect(200)
      ).body;
      expect(second.data.map((d: { id: string }) => d.id)).not.toContain(first.data[0].id);
      await staff.delete(`/v1/webhook-endpoints/${hook.id}`, admin.accessToken).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('disables an endpoint after sustained failure, with a staff event and an audit event; PATCH re-enables it', async () => {
    await startTheWorker();
    const receiver = await new Receiver().start();
    receiver.answer = () => 500;
    const seen: Array<Record<string, unknown>> = [];
    const unsubscribe = await api
      .get(LiveSubscriptions, { strict: false })
      .subscribe(api.get(StaffEvents, { strict: false }).channelOf(admin.practiceId), (m) =>
        seen.push(JSON.parse(m) as Record<string, unknown>),
      );
    try {
      const hook = await endpoint(receiver.url, ['message.received']);
      await inbound();
      const disabled = await waitFor(async () => {
        const list = (await staff.get('/v1/webhook-endpoints', admin.accessToken).expect(200)).body
          .data as Array<{
          id: string;
          enabled: boolean;
          disabledReason: string | null;
          consecutiveFailures: number;
        }>;
        const found = list.find((e) => e.id === hook.id);
        return found && !found.enabled ? found : null;
      }, 20_000);
      expect(disabled).toMatchObject({ disabledReason: 'failing', consecutiveFailures: 6 });
      await waitFor(() => seen.some((e) => e.type === 'webhook_endpoint.disabled'));
      expect(seen.find((e) => e.type === 'webhook_endpoint.disabled')).toMatchObject({
        endpointId: hook.id,
        reason: 'failing',
      });
      const log = await deliveriesOf(hook.id);
      expect(log.data[0]).toMatchObject({ state: 'failed' });
      expect(log.data[0]!.attempts).toHaveLength(6);
      await api.get(AuditService).seal(admin.practiceId);
      const audit = await owner.query(
        `SELECT actor_type, metadata FROM audit_events WHERE tenant_id = $1 AND action = 'webhook_endpoint.disabled' AND target_id = $2`,
        [admin.practiceId, hook.id],
      );
      expect(audit.rows).toEqual([
        { actor_type: 'system', metadata: { reason: 'failing', consecutiveFailures: 6 } },
      ]);

      // While disabled, events make no delivery.
      await inbound();
      expect((await deliveriesOf(hook.id)).data).toHaveLength(1);

      // Re-enabled, with the receiver back: the failed delivery can be replayed and new events flow.
      receiver.answer = () => 204;
      const enabled = await staff
        .patch(`/v1/webhook-endpoints/${hook.id}`, { enabled: true }, admin.accessToken)
        .expect(200);
      expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
      await staff
        .post(`/v1/webhook-endpoints/${hook.id}/deliveries/${log.data[0]!.id}/replay`, {}, admin.accessToken)
        .expect(202);
      await inbound();
      await waitFor(
        async () => (await deliveriesOf(hook.id)).data.filter((d) => d.state === 'delivered').length === 2,
        20_000,
      );
    } finally {
      unsubscribe();
      await receiver.close();
    }
  });

  it('rotates the secret: the new one verifies, the old one no longer does', async () => {
    await startTheWorker();
    const receiver = await new Receiver().start();
    try {
      const hook = await endpoint(receiver.url, ['message.received']);
      const rotated = (
        await staff.post(`/v1/webhook-endpoints/${hook.id}/secret`, {}, admin.accessToken).expect(201)
      ).body;
      expect(rotated.secret).not.toBe(hook.secret);
      await inbound();
      await waitFor(() => receiver.requests.length >= 1, 15_000);
      const r = receiver.requests[0]!;
      expect(() =>
        new Webhook(rotated.secret).verify(r.body, r.headers as Record<string, string>),
      ).not.toThrow();
      expect(() => new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>)).toThrow();
      await staff.delete(`/v1/webhook-endpoints/${hook.id}`, admin.accessToken).expect(204);
      await staff.delete(`/v1/webhook-endpoints/${hook.id}`, admin.accessToken).expect(404);
    } finally {
      await receiver.close();
    }
  });
});
