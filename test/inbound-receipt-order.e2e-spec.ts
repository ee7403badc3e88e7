import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '@app/conversations';
import { TenantDb } from '@app/database';
import { type StaffMember, StaffClient, ownerPool } from '@app/testing';
import { createPublicChannel } from './intake-fixtures.js';
import { freshPhone, startListeningApi } from './ingestion-fixtures.js';

/**
 * A message's time is when it was stored, not when its transaction began: a session that began
 * first but was paused (descheduled, or waiting before the practice's lock) and stored its
 * message after another one must not date it before that one, or the conversation would show
 * the two out of receipt order.
 */
describe('inbound receipt order', () => {
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
