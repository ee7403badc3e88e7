import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '@app/conversations';
import { TenantDb } from '@app/database';
import { type StaffMember, StaffClient, ownerPool } from '@app/testing';
import { createPublicChannel } from './intake-fixtures.js';
import { freshPhone, startListeningApi, untilWaitingOn } from './ingestion-fixtures.js';

/**
 * Ingests that race:
 * - Two deliveries of one provider message id, both past the ingest's duplicate lookup before
 *   either stored it (Twilio's own SMS retries are serialized earlier, by sms_inbound): the claim
 *   in MessageRepository.insertInbound makes the second store nothing and answer as the
 *   duplicate. The trigger on messages alone would refuse it with unique_violation and fail its
 *   transaction.
 * - A message's time is when it was stored, not when its transaction began: a session that began
 *   first but was paused (descheduled, or waiting before the practice's lock) and stored its
 *   message after another one must not date it before that one, or the conversation would show
 *   the two out of receipt order.
 */
describe('inbound ingest races', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let admin: StaffMember;
  let channelId: string;

  beforeAll(async () => {
    app = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    admin = await new StaffClient(app).signupPractice();
    channelId = (await createPublicChannel(app, owner, 'webform', { tenantId: admin.practiceId })).id;
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const deliver = (input: { phone?: string; contactId?: string; providerMessageId?: string }) =>
    app.get(TenantDb).forTenant(admin.practiceId, (tx) =>
      app.get(IngestService).ingestInbound(tx, {
        channelId,
        channel: 'webform',
        from: input.phone ? { phone: input.phone } : {},
        contactId: input.contactId,
        body: 'the same submission, delivered twice',
        providerMessageId: input.providerMessageId,
        actor: { type: 'patient', id: 'test' },
      }),
    );

  it('a concurrent second delivery of one id stores nothing and answers as the duplicate', async () => {
    const contactId = (await deliver({ phone: freshPhone() })).contactId!;
    const providerMessageId = `claim-${randomUUID()}`;
    const holder = await owner.connect();
    let both: Promise<Array<Awaited<ReturnType<typeof deliver>>>>;
    try {
      const holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      await holder.query('BEGIN');
      // Both deliveries look for the id (not stored yet), then wait on the contact's row.
      await holder.query(`SELECT 1 FROM contacts WHERE id = $1 FOR UPDATE`, [contactId]);
      both = Promise.all([
        deliver({ contactId, providerMessageId }),
        deliver({ contactId, providerMessageId }),
      ]);
      await untilWaitingOn(owner, holderPid, 2);
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    const results = await both!;
    expect(results.map((r) => r.duplicate).toSorted()).toEqual([false, true]);
    expect(results[0]!.messageId).toBe(results[1]!.messageId);
    const stored = await owner.query(
      `SELECT id FROM messages WHERE tenant_id = $1 AND channel = 'webform' AND provider_message_id = $2`,
      [admin.practiceId, providerMessageId],
    );
    expect(stored.rows.map((r) => r.id)).toEqual([results[0]!.messageId]);
  });

  const ingest = (tx: Parameters<IngestService['ingestInbound']>[0], contactId: string, body: string) =>
    app.get(IngestService).ingestInbound(tx, {
      channelId,
      channel: 'webform',
      from: {},
      contactId,
      body,
      actor: { type: 'patient', id: 'test' },
    });

  it('a message stored after another is dated after it, whenever its transaction began', async () => {
    const db = app.get(TenantDb);
    const first = await db.forTenant(admin.practiceId, (tx) =>
      app.get(IngestService).ingestInbound(tx, {
        channelId,
        channel: 'webform',
        from: { phone: freshPhone() },
        body: 'first',
        actor: { type: 'patient', id: 'test' },
      }),
    );
    const contactId = first.contactId!;
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    // Begins now, then pauses before it stores anything.
    const late = db.forTenant(admin.practiceId, async (tx) => {
      await tx.query('SELECT 1');
      await paused;
      return ingest(tx, contactId, 'stored last');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const early = await db.forTenant(admin.practiceId, (tx) => ingest(tx, contactId, 'stored second'));
    resume();
    const last = await late;

    const { rows } = await owner.query<{ id: string }>(
      `SELECT id FROM messages WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY created_at, id`,
      [admin.practiceId, first.conversationId],
    );
    expect(rows.map((r) => r.id)).toEqual([first.messageId, early.messageId, last.messageId]);
  });
});
