import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '@app/audit';
import {
  LegalHoldRepository,
  MessagePurgeHooks,
  MessagePurgeRepository,
  PURGE_BATCH,
  REQUIRED_PURGE_HOOKS,
  RetentionSweep,
} from '@app/conversations';
import { RoutedDb, TenantDb } from '@app/database';
import { HOURLY_OPENS_KEPT_DAYS } from '@app/access-alerts';
import { FINISHED_DELIVERIES_SQL, WEBHOOK_LOG_DAYS } from '@app/webhooks-out';
import { appPool, auditTrail, ownerPool, type PlanNode, planAsTenant, sequentialScansOf } from '@app/testing';
import {
  type DeliveryPractice,
  DeliveryStack,
  conversationOfText,
  createDeliveryPractice,
  textFrom,
} from './delivery-fixtures.js';
import { freshPhone } from './ingestion-fixtures.js';
import { injectWriteFault } from './write-faults.js';

// Issue 24: per-practice retention, legal holds, the retention sweep and the purge of spent tokens.
describe('retention and legal hold', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let sweep: RetentionSweep;
  const token = () => practice.owner.accessToken;
  const tenant = () => practice.owner.practiceId;

  const setRetention = (body: object, p = practice) =>
    stack.staff.put('/v1/practice/retention', body, p.owner.accessToken);
  /** Makes every message of the conversation (and its attachments) `days` old. */
  const age = async (conversationId: string, days: number) => {
    await stack.owner.query(
      `UPDATE messages SET created_at = now() - make_interval(days => $2) WHERE conversation_id = $1`,
      [conversationId, days],
    );
    await stack.owner.query(
      `UPDATE attachments a SET created_at = now() - make_interval(days => $2)
       FROM messages m WHERE m.id = a.message_id AND m.conversation_id = $1`,
      [conversationId, days],
    );
  };
  const messagesOf = async (conversationId: string): Promise<number> =>
    Number(
      (
        await stack.owner.query(`SELECT count(*) AS n FROM messages WHERE conversation_id = $1`, [
          conversationId,
        ])
      ).rows[0].n,
    );
  const purgeEvents = async (p = practice) =>
    (await auditTrail(stack.api, p.owner.practiceId)).filter((e) => e.action === 'retention.purged');

  beforeAll(async () => {
    // A database of its own: the sweep visits every practice in the database.
    stack = await DeliveryStack.start({ privateDatabase: true });
    // The worker, which runs the sweep, registers every required owner's purge hook (all() throws otherwise).
    expect(
      stack
        .worker!.get(MessagePurgeHooks, { strict: false })
        .all()
        .map((h) => h.name),
    ).toEqual(expect.arrayContaining([...REQUIRED_PURGE_HOOKS]));
    // No worker: its scheduled sweep would run beside the tests; the tests drive the sweep.
    await stack.stopWorker();
    practice = await createDeliveryPractice(stack);
    sweep = new RetentionSweep(
      stack.api.get(RoutedDb, { strict: false }),
      stack.api.get(TenantDb, { strict: false }),
      stack.api.get(LegalHoldRepository, { strict: false }),
      stack.api.get(MessagePurgeRepository, { strict: false }),
      stack.api.get(MessagePurgeHooks, { strict: false }),
      stack.api.get(AuditService, { strict: false }),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps everything by default; refuses a retention below 30 days, above the maximum or attachments outliving messages', async () => {
    expect((await stack.staff.get('/v1/practice/retention', token()).expect(200)).body).toEqual({
      messageRetentionDays: null,
      attachmentRetentionDays: null,
    });
    for (const bad of [
      { messageRetentionDays: 7, attachmentRetentionDays: null },
      { messageRetentionDays: 36_501, attachmentRetentionDays: null },
      { messageRetentionDays: 90, attachmentRetentionDays: 120 },
      { messageRetentionDays: 1.5, attachmentRetentionDays: null },
      { messageRetentionDays: 365 },
    ]) {
      const res = await setRetention(bad).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    // Nothing was stored by the refusals.
    expect((await stack.staff.get('/v1/practice/retention', token()).expect(200)).body).toEqual({
      messageRetentionDays: null,
      attachmentRetentionDays: null,
    });

    // With nothing set, an old conversation stays.
    const { conversationId } = await conversationOfText(stack, practice, freshPhone(), 'Old question');
    await age(conversationId, 4000);
    await sweep.run();
    expect(await messagesOf(conversationId)).toBe(1);
  });

  it('purges messages older than the retention with their dependants, keeps younger ones, audits counts only', async () => {
    await setRetention({ messageRetentionDays: 365, attachmentRetentionDays: null }).expect(200);
    const changed = (await auditTrail(stack.api, tenant())).find(
      (e) => e.action === 'practice.retention_changed',
    );
    expect(changed?.metadata).toMatchObject({
      messageRetentionDays: 365,
      previousMessageRetentionDays: null,
    });

    const old = await conversationOfText(stack, practice, freshPhone(), 'My results from last year');
    // A staff reply: an outbound message with its outbox row (delivery's dependant).
    await stack.staff
      .post(`/v1/conversations/${old.conversationId}/replies`, { body: 'Your results are fine.' }, token())
      .expect(202);
    // Its mail server once refused TLS for it (consent's ledger of such addresses names the message):
    // the refusal stays as the address's record, the message still goes.
    await stack.owner.query(
      `INSERT INTO email_tls_refusals (tenant_id, message_id, address_bidx, recheck_at)
       SELECT tenant_id, id, '\\x00', now() + interval '30 days' FROM messages
       WHERE conversation_id = $1 AND direction = 'outbound'`,
      [old.conversationId],
    );
    const young = await conversationOfText(stack, practice, freshPhone(), 'Can I book for Friday?');
    await age(old.conversationId, 400);
    await age(young.conversationId, 300);
    const before = (await purgeEvents()).length;

    const counts = await sweep.run();

    expect(await messagesOf(old.conversationId)).toBe(0);
    expect(await messagesOf(young.conversationId)).toBe(1);
    const { rows: refusals } = await stack.owner.query(
      `SELECT 1 FROM email_tls_refusals WHERE tenant_id = $1`,
      [tenant()],
    );
    expect(refusals).toHaveLength(1);
    expect(counts.messages).toBeGreaterThanOrEqual(2);
    const events = (await purgeEvents()).slice(0, (await purgeEvents()).length - before);
    const messageEvents = events.filter((e) => e.metadata.kind === 'messages');
    expect(messageEvents.reduce((sum, e) => sum + Number(e.metadata.messages), 0)).toBe(counts.messages);
    // Counts and periods only: no body, address or id of what went.
    for (const event of messageEvents) {
      expect(event.actor).toEqual({ type: 'system', id: 'retention_sweep' });
      for (const value of Object.values(event.metadata))
        expect(typeof value === 'number' || value === 'messages' || value === null).toBe(true);
    }
    // The conversation row stays (it holds no content), now without messages.
    const { rows } = await stack.owner.query(`SELECT 1 FROM conversations WHERE id = $1`, [
      old.conversationId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('one practice whose purge fails holds up no other practice; the run reports the failure', async () => {
    const [failing, healthy] = (
      await Promise.all([createDeliveryPractice(stack), createDeliveryPractice(stack)])
    ).toSorted((a, b) => a.owner.practiceId.localeCompare(b.owner.practiceId));
    // Practices are visited in id order: the failing one comes first.
    const old = new Map<DeliveryPractice, string>();
    for (const p of [failing!, healthy!]) {
      await setRetention({ messageRetentionDays: 365, attachmentRetentionDays: null }, p).expect(200);
      const { conversationId } = await conversationOfText(stack, p, freshPhone(), 'Old news');
      await age(conversationId, 400);
      old.set(p, conversationId);
    }
    const fault = await injectWriteFault(stack.owner, {
      table: 'messages',
      operation: 'DELETE',
      rows: { tenantId: failing!.owner.practiceId },
    });
    try {
      await expect(sweep.run()).rejects.toThrow(/Retention sweep failed for 1 practice/);
      expect(await messagesOf(old.get(healthy!)!)).toBe(0);
      expect(await messagesOf(old.get(failing!)!)).toBeGreaterThan(0);
    } finally {
      await fault.remove();
    }
    // Once the cause is gone, the next run purges it.
    await sweep.run();
    expect(await messagesOf(old.get(failing!)!)).toBe(0);
  });

  it('keeps a message that is evidence for a young opt-out record', async () => {
    const phone = freshPhone();
    await textFrom(stack, practice, phone, 'STOP');
    const { rows } = await stack.owner.query<{ inbound_message_id: string; conversation_id: string }>(
      `SELECT o.inbound_message_id, m.conversation_id FROM sms_opt_out_events o
       JOIN messages m ON m.id = o.inbound_message_id
       WHERE o.tenant_id = $1 AND o.action = 'opt_out' ORDER BY o.recorded_at DESC LIMIT 1`,
      [tenant()],
    );
    expect(rows).toHaveLength(1);
    const stop = rows[0]!;
    await age(stop.conversation_id, 800);

    await sweep.run();

    const { rows: kept } = await stack.owner.query(`SELECT 1 FROM messages WHERE id = $1`, [
      stop.inbound_message_id,
    ]);
    expect(kept).toHaveLength(1);
  });

  it('a legal hold on a contact keeps its messages until released; one on the practice suspends everything', async () => {
    const held = await conversationOfText(stack, practice, freshPhone(), 'Keep me');
    const other = await conversationOfText(stack, practice, freshPhone(), 'Not held');
    await age(held.conversationId, 500);

    const hold = await stack.staff
      .post('/v1/legal-holds', { contactId: held.contactId }, token())
      .expect(201);
    expect(hold.body).toMatchObject({ scope: 'contact', contactId: held.contactId, active: true });
    const again = await stack.staff
      .post('/v1/legal-holds', { contactId: held.contactId }, token())
      .expect(409);
    expect(again.body.error).toMatchObject({ code: 'legal_hold_exists', details: { holdId: hold.body.id } });
    await stack.staff.post('/v1/legal-holds', { contactId: randomUUID() }, token()).expect(404);

    await sweep.run();
    expect(await messagesOf(held.conversationId)).toBe(1);

    // A practice hold: nothing goes, even what no contact hold covers.
    const practiceHold = await stack.staff.post('/v1/legal-holds', {}, token()).expect(201);
    expect(practiceHold.body.scope).toBe('practice');
    await age(other.conversationId, 500);
    const whileHeld = await sweep.run();
    expect(await messagesOf(other.conversationId)).toBe(1);
    expect(whileHeld.messages).toBe(0);

    const listed = await stack.staff.get('/v1/legal-holds', token()).expect(200);
    expect(listed.body.data.map((h: { id: string }) => h.id)).toEqual(
      expect.arrayContaining([hold.body.id, practiceHold.body.id]),
    );

    await stack.staff.post(`/v1/legal-holds/${practiceHold.body.id}/release`, {}, token()).expect(200);
    await sweep.run();
    expect(await messagesOf(other.conversationId)).toBe(0);
    expect(await messagesOf(held.conversationId)).toBe(1);

    const released = await stack.staff
      .post(`/v1/legal-holds/${hold.body.id}/release`, {}, token())
      .expect(200);
    expect(released.body).toMatchObject({ active: false, releasedBy: practice.owner.userId });
    await stack.staff.post(`/v1/legal-holds/${hold.body.id}/release`, {}, token()).expect(404);
    await sweep.run();
    expect(await messagesOf(held.conversationId)).toBe(0);

    const actions = (await auditTrail(stack.api, tenant())).map((e) => e.action);
    expect(actions.filter((a) => a === 'legal_hold.placed')).toHaveLength(2);
    expect(actions.filter((a) => a === 'legal_hold.released')).toHaveLength(2);
  });

  it('purges spent sessions with their refresh tokens, lapsed reset tokens and old SendGrid event ids', async () => {
    const userId = practice.owner.userId;
    const spent = randomUUID();
    const live = randomUUID();
    await stack.owner.query(
      `INSERT INTO user_sessions (id, tenant_id, user_id, mfa_state, created_at, last_seen_at, expires_at, revoked_at, revoked_reason)
       VALUES ($1, $3, $4, 'not_required', now() - interval '90 days', now() - interval '60 days',
               now() - interval '50 days', now() - interval '60 days', 'logout'),
              ($2, $3, $4, 'not_required', now(), now(), now() + interval '1 day', NULL, NULL)`,
      [spent, live, tenant(), userId],
    );
    await stack.owner.query(
      `INSERT INTO session_refresh_tokens (id, tenant_id, session_id, token_hash, created_at, spent_at)
       VALUES ($1, $3, $4, $5, now() - interval '60 days', now() - interval '59 days'),
              ($2, $3, $6, $7, now(), now())`,
      [randomUUID(), randomUUID(), tenant(), spent, randomBytes(32), live, randomBytes(32)],
    );
    await stack.owner.query(
      `INSERT INTO password_reset_tokens (id, tenant_id, user_id, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, now() - interval '45 days', now() - interval '45 days')`,
      [randomUUID(), tenant(), userId, randomBytes(32)],
    );
    await stack.owner.query(
      `INSERT INTO auto_reply_sends (tenant_id, contact_id, channel, last_sent_at)
       SELECT tenant_id, id, 'sms', now() - interval '30 days' FROM contacts WHERE tenant_id = $1 LIMIT 1`,
      [tenant()],
    );
    // SendGrid event ids: a month that ended more than 7 days ago goes whole (its partition is
    // dropped); one older than every month partition (the default partition's) goes in a batch.
    await stack.owner.query(
      `SELECT create_month_partition('sendgrid_events', date_trunc('month', (now() - interval '45 days') AT TIME ZONE 'UTC')::date)`,
    );
    await stack.owner.query(
      `INSERT INTO sendgrid_events (tenant_id, sg_event_id, channel_id, received_at)
       VALUES ($1, 'old-event', $2, now() - interval '100 days'), ($1, 'dropped-event', $2, now() - interval '45 days'),
              ($1, 'new-event', $2, now())`,
      [tenant(), practice.email.id],
    );
    const inPartitions = await stack.owner.query(
      `SELECT sg_event_id, tableoid::regclass::text AS part FROM sendgrid_events WHERE tenant_id = $1 ORDER BY 1`,
      [tenant()],
    );
    expect(inPartitions.rows.map((r) => [r.sg_event_id, r.part.replace(/_y\d{4}m\d{2}$/, '_month')])).toEqual(
      [
        ['dropped-event', 'sendgrid_events_month'],
        ['new-event', 'sendgrid_events_month'],
        ['old-event', 'sendgrid_events_default'],
      ],
    );
    const droppedPartition = inPartitions.rows[0].part as string;

    const counts = await sweep.run();

    expect(counts.tokens).toBeGreaterThanOrEqual(3);
    const left = async (sql: string) => (await stack.owner.query(sql, [tenant()])).rows.length;
    expect(await left(`SELECT 1 FROM user_sessions WHERE tenant_id = $1 AND id = '${spent}'`)).toBe(0);
    expect(await left(`SELECT 1 FROM user_sessions WHERE tenant_id = $1 AND id = '${live}'`)).toBe(1);
    expect(
      await left(`SELECT 1 FROM session_refresh_tokens WHERE tenant_id = $1 AND session_id = '${spent}'`),
    ).toBe(0);
    // A live session's spent token stays: reuse detection reads it.
    expect(
      await left(`SELECT 1 FROM session_refresh_tokens WHERE tenant_id = $1 AND session_id = '${live}'`),
    ).toBe(1);
    expect(
      await left(`SELECT 1 FROM password_reset_tokens WHERE tenant_id = $1 AND expires_at < now()`),
    ).toBe(0);
    expect(
      (await stack.owner.query(`SELECT sg_event_id FROM sendgrid_events WHERE tenant_id = $1`, [tenant()]))
        .rows,
    ).toEqual([{ sg_event_id: 'new-event' }]);
    expect((await stack.owner.query(`SELECT to_regclass($1) AS t`, [droppedPartition])).rows[0].t).toBeNull();
    const partitionEvents = (await purgeEvents()).filter((e) => e.metadata.kind === 'partitions');
    expect(partitionEvents.map((e) => e.metadata)).toEqual([{ kind: 'partitions', sendgridEvents: 1 }]);
    const tokenEvents = (await purgeEvents()).filter((e) => e.metadata.kind === 'tokens');
    expect(tokenEvents.length).toBeGreaterThan(0);
    expect(tokenEvents[0]!.metadata).toMatchObject({
      sessions: 1,
      resetTokens: 1,
      sendgridEvents: 1,
      autoReplyThrottles: 1,
    });
    expect(await left(`SELECT 1 FROM auto_reply_sends WHERE tenant_id = $1`)).toBe(0);
  });

  /** A disabled webhook endpoint of the practice (disabled: the tests' messages fan out no deliveries). */
  const webhookEndpoint = async (tenantId: string): Promise<string> => {
    const id = randomUUID();
    await stack.owner.query(
      `INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, secret_enc, enabled, disabled_reason, disabled_at)
       VALUES ($1, $2, 'https://receiver.example/hook', ARRAY['message.received'], $3, false, 'staff', now())`,
      [id, tenantId, randomBytes(32)],
    );
    return id;
  };
  /** An API client of the practice (its exports need one). */
  const apiClient = async (p: DeliveryPractice): Promise<string> => {
    const id = randomUUID();
    await stack.owner.query(
      `INSERT INTO api_clients (id, tenant_id, name, secret_hash, scope, created_by)
       VALUES ($1, $2, 'EHR sync', $3, 'system/*.read', $4)`,
      [id, p.owner.practiceId, randomBytes(32), p.owner.userId],
    );
    return id;
  };
  /** A Bulk Data export in `status`, last moved `idle` ago, expiring at `expires` (SQL), with `files` files. */
  const fhirExport = async (
    tenantId: string,
    clientId: string,
    e: { status: string; idle: string; expires: string | null; files: number },
  ): Promise<string> => {
    const id = randomUUID();
    await stack.owner.query(
      `INSERT INTO fhir_exports (id, tenant_id, client_id, status, resource_types, created_at, updated_at, expires_at)
       VALUES ($1, $2, $3, $4, ARRAY['Patient'], now() - $5::interval, now() - $5::interval, now() + $6::interval)`,
      [id, tenantId, clientId, e.status, e.idle, e.expires],
    );
    await stack.owner.query(
      `INSERT INTO fhir_export_files (id, tenant_id, export_id, resource_type, position, line_count, content_enc)
       SELECT gen_random_uuid(), $1, $2, 'Patient', n, 1, '\\x00'::bytea FROM generate_series(0, $3 - 1) n`,
      [tenantId, id, e.files],
    );
    return id;
  };
  const countOf = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await stack.owner.query(sql, params)).rows[0].n);

  it("purges finished webhook deliveries after WEBHOOK_LOG_DAYS, hourly opens past the baseline's window and spent FHIR exports; keeps young and pending ones", async () => {
    const p = await createDeliveryPractice(stack);
    const tenantId = p.owner.practiceId;

    // Webhook deliveries: finished 40 days ago (delivered with two attempts, failed with one) go;
    // one finished 10 days ago, one still retrying and one replayed (pending again) stay, old as they are.
    const endpointId = await webhookEndpoint(tenantId);
    const delivery = async (state: string, finishedDaysAgo: number | null, attempts: number) => {
      const id = randomUUID();
      await stack.owner.query(
        `INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_type, data, occurred_at, state, attempts,
           relay_at, window_started_at, finished_at)
         VALUES ($1, $2, $3, 'message.received', '{}', now() - interval '45 days', $4, $5,
           now() + interval '1 hour', now() - interval '45 days', now() - make_interval(days => $6))`,
        [id, tenantId, endpointId, state, attempts, finishedDaysAgo],
      );
      await stack.owner.query(
        `INSERT INTO webhook_delivery_attempts (id, tenant_id, delivery_id, attempted_at, status_code, duration_ms, succeeded)
         SELECT gen_random_uuid(), $1, $2, now() - interval '45 days', 500, 12, false FROM generate_series(1, $3)`,
        [tenantId, id, attempts],
      );
      return id;
    };
    const oldDelivered = await delivery('delivered', WEBHOOK_LOG_DAYS + 10, 2);
    const oldFailed = await delivery('failed', WEBHOOK_LOG_DAYS + 10, 1);
    const youngDelivered = await delivery('delivered', WEBHOOK_LOG_DAYS - 20, 1);
    const retrying = await delivery('pending', null, 3);
    const replayed = await delivery('pending', null, 4);

    // Hourly opens: 40 days back goes; just past the baseline's 30 days (the margin) and yesterday stay.
    await stack.owner.query(
      `INSERT INTO access_hourly_opens (tenant_id, user_id, hour_start, opens)
       SELECT $1, $2, date_trunc('hour', now()) - h * interval '1 hour', 3
       FROM unnest(ARRAY[40 * 24, 30 * 24 + 12, 24]) h`,
      [tenantId, p.owner.userId],
    );

    // FHIR exports: an expired one (its files), a failed, a cancelled and a dead running one
    // (partial files) idle for two days go; an unexpired completed one, a fresh failure and a
    // running one that moved a minute ago stay.
    // A client each: a client has at most one live (queued or running) export.
    const fx = async (status: string, idle: string, expires: string | null, files: number) =>
      fhirExport(tenantId, await apiClient(p), { status, idle, expires, files });
    const expired = await fx('completed', '2 days', '-1 minute', 3);
    const failedLongAgo = await fx('failed', '2 days', null, 0);
    const cancelledLongAgo = await fx('cancelled', '2 days', null, 0);
    const deadRunning = await fx('running', '2 days', null, 2);
    const downloadable = await fx('completed', '2 hours', '22 hours', 2);
    const failedNow = await fx('failed', '1 hour', null, 0);
    const running = await fx('running', '1 minute', null, 1);

    const before = (await purgeEvents(p)).length;
    await sweep.run();

    const deliveriesLeft = (
      await stack.owner.query<{ id: string }>(`SELECT id FROM webhook_deliveries WHERE tenant_id = $1`, [
        tenantId,
      ])
    ).rows.map((r) => r.id);
    expect(deliveriesLeft.toSorted()).toEqual([youngDelivered, retrying, replayed].toSorted());
    expect(
      await countOf(
        `SELECT count(*) AS n FROM webhook_delivery_attempts WHERE tenant_id = $1 AND delivery_id = ANY($2::uuid[])`,
        [tenantId, [oldDelivered, oldFailed]],
      ),
    ).toBe(0);
    expect(
      await countOf(`SELECT count(*) AS n FROM webhook_delivery_attempts WHERE tenant_id = $1`, [tenantId]),
    ).toBe(1 + 3 + 4);

    const hoursLeft = (
      await stack.owner.query<{ age: number }>(
        `SELECT (extract(epoch FROM date_trunc('hour', now()) - hour_start) / 3600)::int AS age
         FROM access_hourly_opens WHERE tenant_id = $1 ORDER BY 1`,
        [tenantId],
      )
    ).rows.map((r) => r.age);
    expect(hoursLeft).toEqual([24, 30 * 24 + 12]);
    expect(HOURLY_OPENS_KEPT_DAYS).toBeGreaterThan(30);

    const exportsLeft = (
      await stack.owner.query<{ id: string }>(`SELECT id FROM fhir_exports WHERE tenant_id = $1`, [tenantId])
    ).rows.map((r) => r.id);
    expect(exportsLeft.toSorted()).toEqual([downloadable, failedNow, running].toSorted());
    expect(
      await countOf(
        `SELECT count(*) AS n FROM fhir_export_files WHERE tenant_id = $1 AND export_id = ANY($2::uuid[])`,
        [tenantId, [expired, deadRunning]],
      ),
    ).toBe(0);
    expect(
      await countOf(`SELECT count(*) AS n FROM fhir_export_files WHERE tenant_id = $1`, [tenantId]),
    ).toBe(3);
    expect([failedLongAgo, cancelledLongAgo].filter((id) => exportsLeft.includes(id))).toEqual([]);

    // Audited as counts in the batch's `retention.purged` event, nothing else.
    const events = (await purgeEvents(p)).slice(0, (await purgeEvents(p)).length - before);
    const tokens = events.filter((e) => e.metadata.kind === 'tokens');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.metadata).toMatchObject({
      webhookDeliveries: 2,
      webhookDeliveryAttempts: 3,
      accessHourlyOpens: 1,
      fhirExports: 4,
      fhirExportFiles: 5,
    });
    for (const value of Object.values(tokens[0]!.metadata))
      expect(typeof value === 'number' || value === 'tokens').toBe(true);

    // A second run finds nothing more (and audits nothing).
    await sweep.run();
    expect((await purgeEvents(p)).length).toBe(before + 1);
  });

  it('two concurrent sweeps purge each webhook delivery, hourly count and export file once, in bounded batches', async () => {
    const p = await createDeliveryPractice(stack);
    const tenantId = p.owner.practiceId;
    const total = PURGE_BATCH * 2 + 500;
    const endpointId = await webhookEndpoint(tenantId);
    await stack.owner.query(
      `WITH d AS (
         INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_type, data, occurred_at, state, attempts, finished_at)
         SELECT gen_random_uuid(), $1, $2, 'message.received', '{}', now() - interval '60 days', 'delivered', 1,
                now() - interval '60 days'
         FROM generate_series(1, $3) RETURNING tenant_id, id)
       INSERT INTO webhook_delivery_attempts (id, tenant_id, delivery_id, attempted_at, status_code, duration_ms, succeeded)
       SELECT gen_random_uuid(), tenant_id, id, now() - interval '60 days', 200, 5, true FROM d`,
      [tenantId, endpointId, total],
    );
    await stack.owner.query(
      `INSERT INTO access_hourly_opens (tenant_id, user_id, hour_start, opens)
       SELECT $1, $2, date_trunc('hour', now()) - interval '40 days' - h * interval '1 hour', 1
       FROM generate_series(1, $3) h`,
      [tenantId, p.owner.userId, total],
    );
    // One expired export with more files than a batch takes: its files go over several batches, then it.
    const clientId = await apiClient(p);
    await fhirExport(tenantId, clientId, {
      status: 'completed',
      idle: '3 days',
      expires: '-2 days',
      files: total,
    });

    await Promise.all([sweep.run(), sweep.run()]);

    for (const table of [
      'webhook_deliveries',
      'webhook_delivery_attempts',
      'access_hourly_opens',
      'fhir_exports',
    ])
      expect(
        await countOf(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]),
        table,
      ).toBe(0);
    expect(
      await countOf(`SELECT count(*) AS n FROM fhir_export_files WHERE tenant_id = $1`, [tenantId]),
    ).toBe(0);

    const events = (await purgeEvents(p)).filter((e) => e.metadata.kind === 'tokens');
    const expected: Record<string, number> = {
      webhookDeliveries: total,
      webhookDeliveryAttempts: total,
      accessHourlyOpens: total,
      fhirExportFiles: total,
      fhirExports: 1,
    };
    for (const [kind, n] of Object.entries(expected)) {
      const counts = events.map((e) => Number(e.metadata[kind] ?? 0));
      // Every row counted once across both sweeps' batches, no batch over the bound.
      expect(
        counts.reduce((sum, c) => sum + c, 0),
        kind,
      ).toBe(n);
      expect(Math.max(...counts), kind).toBeLessThanOrEqual(PURGE_BATCH);
    }
  });

  it('two concurrent sweeps purge each expired message once, in bounded batches', async () => {
    const other = await createDeliveryPractice(stack);
    await setRetention({ messageRetentionDays: 30, attachmentRetentionDays: null }, other).expect(200);
    const { conversationId } = await conversationOfText(stack, other, freshPhone(), 'Hello');
    const total = PURGE_BATCH * 2 + 500;
    await stack.owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status, created_at, updated_at)
       SELECT gen_random_uuid(), $1, $2, 'sms', 'inbound', 'message', 'received',
              now() - interval '90 days', now() - interval '90 days'
       FROM generate_series(2, $3)`,
      [other.owner.practiceId, conversationId, total],
    );
    await age(conversationId, 90);
    expect(await messagesOf(conversationId)).toBe(total);

    const [a, b] = await Promise.all([sweep.run(), sweep.run()]);

    expect(await messagesOf(conversationId)).toBe(0);
    const purgedHere = (await purgeEvents(other))
      .filter((e) => e.metadata.kind === 'messages')
      .map((e) => Number(e.metadata.messages));
    // Every batch audited, none over the bound, and the counts add up to the rows, each once.
    expect(purgedHere.reduce((sum, n) => sum + n, 0)).toBe(total);
    expect(Math.max(...purgedHere)).toBeLessThanOrEqual(PURGE_BATCH);
    expect(a.messages + b.messages).toBeGreaterThanOrEqual(total);
  });
});

/**
 * The webhook log's purge batch stays within the practice: at a realistic size (4 practices x 2
 * endpoints x 15k deliveries, VACUUM ANALYZE), planned as the app role under RLS, it reads the
 * practice's rows through an index that leads with the practice, never the primary key (every
 * practice's rows in id order) or the whole table.
 */
describe('retention query plans', () => {
  let ownerDb: pg.Pool;
  let appDb: pg.Pool;
  const tenants = Array.from({ length: 4 }, () => randomUUID());

  beforeAll(async () => {
    ownerDb = ownerPool();
    appDb = appPool();
    for (const [i, t] of tenants.entries()) {
      await ownerDb.query(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [t, `Retention explain ${i}`]);
      for (let e = 0; e < 2; e++) {
        const endpointId = randomUUID();
        // Disabled: this practice's rows fan out nothing.
        await ownerDb.query(
          `INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, secret_enc, enabled, disabled_reason, disabled_at)
           VALUES ($1, $2, 'https://receiver.example/hook', ARRAY['message.received'], '\\x00', false, 'staff', now())`,
          [endpointId, t],
        );
        // A month of the log, finished within the period (nothing to purge: the steady state).
        await ownerDb.query(
          `INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_type, data, occurred_at, state, attempts, finished_at)
           SELECT gen_random_uuid(), $1, $2, 'message.received', '{}', now() - g * interval '170 seconds',
                  CASE WHEN g % 50 = 0 THEN 'failed' ELSE 'delivered' END, 1, now() - g * interval '170 seconds'
           FROM generate_series(1, 15000) g`,
          [t, endpointId],
        );
      }
    }
    await ownerDb.query('VACUUM ANALYZE webhook_deliveries');
  });
  afterAll(async () => {
    await ownerDb?.end();
    await appDb?.end();
  });

  it("selects a batch of finished deliveries through an index of the practice's rows", async () => {
    const planned: PlanNode[] = await planAsTenant(appDb, tenants[0]!, FINISHED_DELIVERIES_SQL, [
      tenants[0],
      new Date(Date.now() - WEBHOOK_LOG_DAYS * 86_400_000),
      PURGE_BATCH,
    ]);
    const shown = JSON.stringify(planned.map((n) => [n['Node Type'], n['Index Name'] ?? n['Relation Name']]));
    expect(sequentialScansOf(planned, ['webhook_deliveries']), shown).toEqual([]);
    // Only indexes that lead with the practice: (tenant_id, id) or the log's (tenant_id, endpoint_id, seq).
    const indexes = planned.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
    expect(indexes.length, shown).toBeGreaterThan(0);
    expect(
      indexes.filter(
        (name) => !['webhook_deliveries_tenant_id_id_key', 'webhook_deliveries_log'].includes(name),
      ),
      shown,
    ).toEqual([]);
  });
});
