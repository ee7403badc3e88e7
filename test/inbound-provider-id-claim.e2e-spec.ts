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
 * Two deliveries of one provider message id, both past the ingest's duplicate lookup before
 * either stored it (Twilio's own SMS retries are serialized earlier, by sms_inbound): the claim
 * in MessageRepository.insertInbound makes the second store nothing and answer as the duplicate.
 * The trigger on messages alone would refuse it with unique_violation and fail its transaction.
 */
describe('inbound provider id claim', () => {
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
});
