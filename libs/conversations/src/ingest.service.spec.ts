import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '@app/audit';
import type { CoreConfig } from '@app/config';
import { ContactHooks, ContactMatcher, ContactRepository, UnusableSenderAddressError } from '@app/contacts';
import { KeyRingService } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { type RedisClient, RedisKeys, RedisPublisher, createRedis } from '@app/redis';
import { appDataSource, newTenantId, ownerPool, testAuditService } from '@app/testing';
import { AttachmentRepository } from './attachment.repository.js';
import { ConversationRepository } from './conversation.repository.js';
import { InboundMessageHooks } from './inbound-hooks.js';
import { type InboundMessageInput, IngestService } from './ingest.service.js';
import { REOPEN_WINDOW_SETTING } from './reopen-window.js';
import { MessageRepository } from './message.repository.js';
import { type PublishedStaffEvent, StaffEvents } from './staff-events.js';

const TWILIO = { type: 'provider', id: 'twilio' } as const;
const freshPhone = () => `+1555${String(randomInt(10_000_000)).padStart(7, '0')}`;

describe('IngestService (one store for every channel)', () => {
  let owner: pg.Pool;
  let ds: DataSource;
  let db: TenantDb;
  let redis: RedisClient;
  let subscriber: RedisClient;
  let audit: AuditService;
  let ingest: IngestService;
  let conversations: ConversationRepository;
  let messages: MessageRepository;
  let contacts: ContactRepository;
  let events: StaffEvents;
  let keys: KeyRingService;
  const tenant = newTenantId();
  const channelId = randomUUID();

  const sms = (
    phone: string,
    body: string,
    extra: Partial<InboundMessageInput> = {},
  ): InboundMessageInput => ({
    channelId,
    channel: 'sms',
    from: { phone },
    body,
    providerMessageId: `SM${randomBytes(16).toString('hex')}`,
    actor: TWILIO,
    ...extra,
  });
  const run = (input: InboundMessageInput) => db.forTenant(tenant, (tx) => ingest.ingestInbound(tx, input));
  const conversationRow = async (id: string) =>
    (await owner.query(`SELECT * FROM conversations WHERE id = $1`, [id])).rows[0];

  /** A practice of its own (own keys, channel and event channel), optionally with settings. */
  async function newPractice(settings: object = {}): Promise<{ tenant: string; channelId: string }> {
    const practice = { tenant: newTenantId(), channelId: randomUUID() };
    await owner.query(`INSERT INTO practices (id, name, settings) VALUES ($1, 'Ingest test', $2)`, [
      practice.tenant,
      settings,
    ]);
    await db.forTenant(practice.tenant, (tx) => keys.createTenantKeys(tx));
    await owner.query(
      `INSERT INTO channels (id, tenant_id, type, name) VALUES ($1, $2, 'sms', 'Front desk')`,
      [practice.channelId, practice.tenant],
    );
    return practice;
  }

  beforeAll(async () => {
    owner = ownerPool();
    ds = await appDataSource(12);
    db = new TenantDb(ds);
    const config = {
      MASTER_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: 60,
      DEFAULT_PHONE_REGION: 'US',
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
    } as unknown as CoreConfig;
    keys = new KeyRingService(config);
    redis = createRedis(process.env.REDIS_URL!, 'ingest-spec');
    subscriber = createRedis(process.env.REDIS_URL!, 'ingest-spec-sub');
    audit = await testAuditService(db);
    contacts = new ContactRepository(keys, config);
    conversations = new ConversationRepository(keys);
    messages = new MessageRepository(keys);
    events = new StaffEvents(new RedisPublisher(redis), new RedisKeys(config));
    ingest = new IngestService(
      new ContactMatcher(keys, contacts, config),
      conversations,
      messages,
      new AttachmentRepository(keys),
      audit,
      events,
      new ContactHooks(),
      new InboundMessageHooks(),
    );
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Ingest test')`, [tenant]);
    await db.forTenant(tenant, (tx) => keys.createTenantKeys(tx));
    await owner.query(
      `INSERT INTO channels (id, tenant_id, type, name) VALUES ($1, $2, 'sms', 'Front desk')`,
      [channelId, tenant],
    );
  });

  afterAll(async () => {
    await audit.idle();
    redis.disconnect();
    subscriber.disconnect();
    await ds.destroy();
    await owner.end();
  });

  it('creates contact, conversation and message for a new sender, with PHI only as ciphertext', async () => {
    const phone = freshPhone();
    const result = await run(sms(phone, 'My tooth hurts since Tuesday'));
    expect(result).toMatchObject({ duplicate: false, attachmentIds: [], providerReply: null });

    const message = (await owner.query(`SELECT * FROM messages WHERE id = $1`, [result.messageId])).rows[0];
    expect(message).toMatchObject({
      conversation_id: result.conversationId,
      contact_id: result.contactId,
      channel_id: channelId,
      channel: 'sms',
      direction: 'inbound',
      status: 'received',
    });
    const conversation = await conversationRow(result.conversationId);
    expect(conversation).toMatchObject({ status: 'open', unread_count: 1, last_channel: 'sms' });
    const raw = [message.body_enc, conversation.last_message_preview_enc].map((b: Buffer) =>
      b.toString('latin1'),
    );
    for (const blob of raw) expect(blob).not.toContain('tooth');

    const read = await db.forTenant(tenant, async (tx) => ({
      message: await messages.get(tx, result.messageId),
      conversation: await conversations.get(tx, result.conversationId),
      contact: await contacts.get(tx, result.contactId!),
    }));
    expect(read.message?.body).toBe('My tooth hurts since Tuesday');
    expect(read.conversation?.lastMessagePreview).toBe('My tooth hurts since Tuesday');
    expect(read.contact).toMatchObject({ phone, leadStage: 'new' });
    expect(read.contact?.lastActivityAt).toBeInstanceOf(Date);
  });

  it('audits the receipt (and the new contact) with ids only', async () => {
    const phone = freshPhone();
    const result = await run(sms(phone, 'Secret symptom text'));
    await audit.idle();
    const { rows } = await owner.query(
      `SELECT action, actor_type, actor_id, target_id, metadata FROM audit_events
       WHERE tenant_id = $1 AND target_id = ANY($2) ORDER BY seq`,
      [tenant, [result.messageId, result.contactId]],
    );
    expect(rows.map((r) => r.action)).toEqual(['contact.created', 'message.received']);
    expect(rows[1]).toMatchObject({
      actor_type: 'provider',
      actor_id: 'twilio',
      metadata: {
        channel: 'sms',
        channelId,
        conversationId: result.conversationId,
        contactId: result.contactId,
        conversation: 'created',
        contactAmbiguous: false,
        attachments: 0,
      },
    });
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Secret');
    expect(text).not.toContain(phone.slice(2));
  });

  it('puts a second message from the same number (other spelling) in the same open conversation', async () => {
    const phone = freshPhone();
    const first = await run(sms(phone, 'first'));
    const national = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const second = await run(sms(national, 'second'));
    expect(second.contactId).toBe(first.contactId);
    expect(second.conversationId).toBe(first.conversationId);
    const conversation = await db.forTenant(tenant, (tx) => conversations.get(tx, first.conversationId));
    expect(conversation).toMatchObject({
      unreadCount: 2,
      lastMessagePreview: 'second',
      contactAmbiguous: false,
    });
  });

  it('matches the most recently active of several contacts sharing a phone and flags the ambiguity', async () => {
    const phone = freshPhone();
    const [parent, child] = await db.forTenant(tenant, async (tx) => [
      await contacts.create(tx, { name: 'Parent', phone }),
      await contacts.create(tx, { name: 'Child', phone }),
    ]);
    await owner.query(`UPDATE contacts SET last_activity_at = now() - interval '1 day' WHERE id = $1`, [
      parent!.id,
    ]);
    await owner.query(`UPDATE contacts SET last_activity_at = now() - interval '1 hour' WHERE id = $1`, [
      child!.id,
    ]);

    const result = await run(sms(phone, 'Who is this for?'));
    expect(result.contactId).toBe(child!.id);
    expect(await conversationRow(result.conversationId)).toMatchObject({ contact_ambiguous: true });
  });

  it('stores a provider message once however often it is delivered', async () => {
    const input = sms(freshPhone(), 'once');
    const results = await Promise.all(Array.from({ length: 8 }, () => run(input)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM messages WHERE provider_message_id = $1`,
      [input.providerMessageId],
    );
    expect(rows[0].n).toBe(1);
    expect(await conversationRow(results[0]!.conversationId)).toMatchObject({ unread_count: 1 });
  });

  it('answers concurrent deliveries of one message as duplicates without a second conversation or receipt', async () => {
    const phone = freshPhone();
    const first = await run(sms(phone, 'earlier'));
    await owner.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [first.conversationId]);
    const input = sms(phone, 'delivered twice at once');
    const results = await Promise.all(Array.from({ length: 8 }, () => run(input)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.conversationId))).toEqual(new Set([first.conversationId]));
    expect(await conversationRow(first.conversationId)).toMatchObject({ status: 'open', unread_count: 2 });
    const { rows } = await owner.query(
      `SELECT (SELECT count(*)::int FROM conversations WHERE contact_id = $1) AS conversations,
              (SELECT count(*)::int FROM audit_outbox WHERE target_id = $2)
                + (SELECT count(*)::int FROM audit_events WHERE target_id = $2) AS receipts`,
      [first.contactId, results[0]!.messageId],
    );
    expect(rows[0]).toEqual({ conversations: 1, receipts: 1 });
  });

  it('creates one contact and one conversation for concurrent first messages of a new sender', async () => {
    const phone = freshPhone();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => run(sms(phone, `burst ${i}`))));
    expect(new Set(results.map((r) => r.contactId)).size).toBe(1);
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    expect(await conversationRow(results[0]!.conversationId)).toMatchObject({ unread_count: 10 });
    const found = await db.forTenant(tenant, (tx) => contacts.findByPhone(tx, phone));
    expect(found).toHaveLength(1);
  });

  it('reopens a conversation closed within the window, and starts a new one after it', async () => {
    const phone = freshPhone();
    const first = await run(sms(phone, 'hello'));
    await owner.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [first.conversationId]);
    expect((await conversationRow(first.conversationId)).closed_at).toBeInstanceOf(Date);

    const reopened = await run(sms(phone, 'me again'));
    expect(reopened.conversationId).toBe(first.conversationId);
    expect(await conversationRow(first.conversationId)).toMatchObject({ status: 'open', closed_at: null });

    await owner.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [first.conversationId]);
    await owner.query(`UPDATE conversations SET closed_at = now() - interval '8 days' WHERE id = $1`, [
      first.conversationId,
    ]);
    const fresh = await run(sms(phone, 'new topic'));
    expect(fresh.conversationId).not.toBe(first.conversationId);
    expect(fresh.contactId).toBe(first.contactId);
    expect(await conversationRow(fresh.conversationId)).toMatchObject({ status: 'open', unread_count: 1 });
    expect(await conversationRow(first.conversationId)).toMatchObject({ status: 'closed' });
  });

  it('takes the reopen window from the practice settings', async () => {
    const other = await newPractice({ [REOPEN_WINDOW_SETTING]: 0 });
    const phone = freshPhone();
    const send = (body: string) =>
      db.forTenant(other.tenant, (tx) =>
        ingest.ingestInbound(tx, sms(phone, body, { channelId: other.channelId })),
      );
    const first = await send('one');
    await owner.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [first.conversationId]);
    const second = await send('two');
    expect(second.conversationId).not.toBe(first.conversationId);
  });

  it('moves a pending or snoozed conversation back to open', async () => {
    const phone = freshPhone();
    const first = await run(sms(phone, 'one'));
    for (const status of ['pending', 'snoozed']) {
      await owner.query(`UPDATE conversations SET status = $2 WHERE id = $1`, [first.conversationId, status]);
      const next = await run(sms(phone, `after ${status}`));
      expect(next.conversationId).toBe(first.conversationId);
      expect(await conversationRow(first.conversationId)).toMatchObject({ status: 'open' });
    }
  });

  it('publishes ids and kinds on the practice channel only after commit, never for a rollback', async () => {
    // A practice of its own: nothing else publishes on its channel.
    const quiet = await newPractice();
    const received: PublishedStaffEvent[] = [];
    subscriber.on('message', (_channel, payload: string) => received.push(JSON.parse(payload)));
    await subscriber.subscribe(events.channelOf(quiet.tenant));
    const send = (tx: TenantTx, body: string) =>
      ingest.ingestInbound(tx, sms(phone, body, { channelId: quiet.channelId }));

    const phone = freshPhone();
    await expect(
      db.forTenant(quiet.tenant, async (tx) => {
        await send(tx, 'rolled back');
        throw new Error('caller failed after ingest');
      }),
    ).rejects.toThrow('caller failed');
    expect(await db.forTenant(quiet.tenant, (tx) => contacts.findByPhone(tx, phone))).toEqual([]);

    const result = await db.forTenant(quiet.tenant, (tx) => send(tx, 'Body that must not leak'));
    const deadline = Date.now() + 5000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    // Give a wrongly published rollback event time to show up too.
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([
      {
        type: 'message.created',
        id: expect.any(String),
        tenantId: quiet.tenant,
        at: expect.any(String),
        conversationId: result.conversationId,
        messageId: result.messageId,
        contactId: result.contactId,
        channel: 'sms',
        direction: 'inbound',
      },
    ]);
    // Neither the body nor the phone number; ids and the time may contain any digits, so they go first.
    const withoutIds = JSON.stringify(received)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')
      .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '');
    expect(withoutIds).not.toMatch(/leak|555/);
    await subscriber.unsubscribe();
  });

  it('refuses a sender without a usable address and writes nothing', async () => {
    const before = (
      await owner.query(`SELECT count(*)::int AS n FROM contacts WHERE tenant_id = $1`, [tenant])
    ).rows[0].n;
    await expect(run(sms('not a number', 'x'))).rejects.toBeInstanceOf(UnusableSenderAddressError);
    const after = (
      await owner.query(`SELECT count(*)::int AS n FROM contacts WHERE tenant_id = $1`, [tenant])
    ).rows[0].n;
    expect(after).toBe(before);
  });

  it('writes pending attachments with the message and previews a media-only message as an attachment', async () => {
    const result = await run(
      sms(freshPhone(), '', {
        media: [{ url: 'https://api.twilio.com/media/ME1', contentType: 'image/png' }],
      }),
    );
    expect(result.attachmentIds).toHaveLength(1);
    const { rows } = await owner.query(
      `SELECT status, content_type, source_url_enc FROM attachments WHERE id = $1`,
      [result.attachmentIds[0]],
    );
    expect(rows[0]).toMatchObject({ status: 'pending', content_type: 'image/png' });
    expect(rows[0].source_url_enc.toString('latin1')).not.toContain('twilio');
    const conversation = await db.forTenant(tenant, (tx) => conversations.get(tx, result.conversationId));
    expect(conversation?.lastMessagePreview).toBe('[attachment]');
  });
});
