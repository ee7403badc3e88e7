import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChannelCache, ChannelsService, SmsInboundRepository } from '@app/channels';
import { ContactRepository } from '@app/contacts';
import { type PublishedStaffEvent, StaffEvents } from '@app/conversations';
import { TenantDb, TenantTx } from '@app/database';
import { requestContext } from '@app/observability';
import { JobQueue } from '@app/jobs';
import { type RedisClient, createRedis } from '@app/redis';
import { ownerPool, startApi } from '@app/testing';
import { ChannelRepository } from '../libs/channels/src/channel.repository.js';
import { PendingSmsStore, laneOf } from '../libs/channels/src/sms/pending-sms.store.js';
import { type InboundSmsPayload, parseInboundSms } from '../libs/channels/src/sms/twilio-payloads.js';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  inboundParams,
  ingestionRowCounts,
  messageSid,
  postSigned,
  processInbound,
  waitFor,
} from './ingestion-fixtures.js';

// Issue 4, SMS inbound: signed (invariant 8), idempotent on MessageSid, encrypted (invariant 6),
// one open conversation per contact, staff told after commit.
describe('POST /webhooks/twilio/:channelId/inbound', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: SmsPractice;

  const send = (params: Record<string, string>, authToken = practice.authToken) =>
    postSigned(app, practice.channel.webhooks.inbound, params, authToken);
  const processed = () => processInbound(app, practice.tenantId);
  /** A text from a new number as the webhook parsed it. */
  const sms = (body: string) => parseInboundSms(inboundParams(practice, { from: freshPhone(), body }));
  const messagesOf = async (sid: string) =>
    (
      await owner.query(`SELECT * FROM messages WHERE tenant_id = $1 AND provider_message_id = $2`, [
        practice.tenantId,
        sid,
      ])
    ).rows;
  const conversation = async (id: string) =>
    (await owner.query(`SELECT * FROM conversations WHERE id = $1`, [id])).rows[0];

  beforeAll(async () => {
    app = await startApi();
    owner = ownerPool();
    practice = await createSmsPractice(app, owner);
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  it('stores a valid SMS encrypted and answers empty TwiML', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'Can I move my cleaning to Friday?' });
    const res = await send(params).expect(200);
    await processed();
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.text).toContain('<Response/>');

    const [row] = await messagesOf(params.MessageSid!);
    expect(row).toMatchObject({
      channel: 'sms',
      channel_id: practice.channel.id,
      direction: 'inbound',
      status: 'received',
      provider_reply: null,
    });
    // As the owner (no cipher): only ciphertext, no plaintext body or number anywhere in the rows.
    const contact = (await owner.query(`SELECT * FROM contacts WHERE id = $1`, [row.contact_id])).rows[0];
    const raw = [row, contact, await conversation(row.conversation_id)]
      .flatMap((r) => Object.values(r))
      .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : JSON.stringify(v)))
      .join('|');
    expect(raw).not.toContain('cleaning');
    expect(raw).not.toContain(params.From!.slice(2));

    const conv = await conversation(row.conversation_id);
    expect(conv).toMatchObject({ status: 'open', unread_count: 1, last_channel: 'sms' });
  });

  it('refuses a missing or wrong signature with 403 invalid_signature and stores nothing', async () => {
    const before = await ingestionRowCounts(owner, practice.tenantId);
    const params = inboundParams(practice, { from: freshPhone(), body: 'forged' });
    const url = practice.channel.webhooks.inbound;
    const path = new URL(url).pathname;
    const attempts = [
      // no signature at all
      request(app.getHttpServer()).post(path).type('form').send(new URLSearchParams(params).toString()),
      // signed with another token
      send(params, 'not-the-channel-token'),
      // signed, then the body changed
      request(app.getHttpServer())
        .post(path)
        .set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(practice.authToken, url, params))
        .type('form')
        .send(new URLSearchParams({ ...params, Body: 'changed' }).toString()),
      // signed for another URL (the status webhook)
      request(app.getHttpServer())
        .post(path)
        .set(
          'X-Twilio-Signature',
          twilio.getExpectedTwilioSignature(practice.authToken, practice.channel.webhooks.status, params),
        )
        .type('form')
        .send(new URLSearchParams(params).toString()),
    ];
    for (const attempt of attempts) {
      const res = await attempt;
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: 'invalid_signature', message: expect.any(String) } });
    }
    expect(await ingestionRowCounts(owner, practice.tenantId)).toEqual(before);
  });

  it('stores exactly one message when the same MessageSid is posted 20 times at once', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'Are you open Saturday?' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(params)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    // Acknowledged as one pending text, then one message.
    const pending = await owner.query(`SELECT count(*)::int AS n FROM sms_inbound WHERE message_sid = $1`, [
      params.MessageSid,
    ]);
    expect(pending.rows[0].n).toBe(1);
    await processed();
    const rows = await messagesOf(params.MessageSid!);
    expect(rows).toHaveLength(1);
    expect(await conversation(rows[0].conversation_id)).toMatchObject({ unread_count: 1 });
    const contacts = await owner.query(`SELECT count(*)::int AS n FROM contacts WHERE id = $1`, [
      rows[0].contact_id,
    ]);
    expect(contacts.rows[0].n).toBe(1);
  });

  it('acknowledges an ordinary text once stored encrypted as pending, then the worker makes it a message', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'Pending and private' });
    const res = await send(params).expect(200);
    expect(res.text).toContain('<Response/>');
    expect(await messagesOf(params.MessageSid!)).toEqual([]);
    const pending = (
      await owner.query(`SELECT * FROM sms_inbound WHERE message_sid = $1`, [params.MessageSid])
    ).rows;
    expect(pending).toHaveLength(1);
    const raw = Object.values(pending[0])
      .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : JSON.stringify(v)))
      .join('|');
    expect(raw).not.toContain('Pending and private');
    expect(raw).not.toContain(params.From!.slice(2));

    expect(await processed()).toBe(1);
    expect(await messagesOf(params.MessageSid!)).toHaveLength(1);
    expect((await owner.query(`SELECT 1 FROM sms_inbound WHERE id = $1`, [pending[0].id])).rowCount).toBe(0);
    // A Twilio retry after processing: acknowledged the same, still one message.
    expect((await send(params).expect(200)).text).toBe(res.text);
    await processed();
    expect(await messagesOf(params.MessageSid!)).toHaveLength(1);
  });

  it('keeps receipt order in the conversation, a keyword answered at once included', async () => {
    const from = freshPhone();
    const texts = ['first', 'second', 'third'].map((body) => inboundParams(practice, { from, body }));
    for (const params of texts) await send(params).expect(200);
    // HELP is a keyword: handled in the webhook (its reply is this answer), after the texts before it.
    const help = inboundParams(practice, { from, body: 'HELP' });
    const answer = await send(help).expect(200);
    expect(answer.text).toMatch(/<Message>.+<\/Message>/);
    const { rows } = await owner.query(
      `SELECT provider_message_id FROM messages WHERE tenant_id = $1 AND provider_message_id = ANY($2)
       ORDER BY created_at, id`,
      [practice.tenantId, [...texts, help].map((p) => p.MessageSid)],
    );
    expect(rows.map((r) => r.provider_message_id)).toEqual([...texts, help].map((p) => p.MessageSid));
  });

  it('stores two instances’ batches holding the same texts in opposite orders without a deadlock, seq in receipt order', async () => {
    // A second api instance: its own store, so its own group commit, on the same database.
    const instances = [
      app.get(PendingSmsStore, { strict: false }),
      new PendingSmsStore(
        app.get(TenantDb),
        app.get(SmsInboundRepository, { strict: false }),
        app.get(JobQueue, { strict: false }),
      ),
    ];
    /** The instance's batch of exactly `texts`, in that order: they queue behind a text of its own. */
    const batch = (instance: PendingSmsStore, texts: InboundSmsPayload[]) =>
      Promise.all(
        [sms('ahead'), ...texts].map((text) => instance.accept(practice.tenantId, practice.channel.id, text)),
      );
    // Stored in arrival order, [x, y] against [y, x] would deadlock about half the time: the
    // first stores x and waits for y (held here), the second waits for y, and when y is free
    // again whichever gets it next waits for the other's x. Each round must store both, once.
    for (let round = 0; round < 6; round++) {
      const [x, y] = [sms('x'), sms('y')];
      const holder = await owner.connect();
      try {
        await holder.query(`BEGIN`);
        await holder.query(
          `INSERT INTO sms_inbound (id, tenant_id, channel_id, message_sid, payload) VALUES ($1, $2, $3, $4, '')`,
          [randomUUID(), practice.tenantId, practice.channel.id, y.messageSid],
        );
        const stored = Promise.all([batch(instances[0]!, [x, y]), batch(instances[1]!, [y, x])]);
        await new Promise((resolve) => setTimeout(resolve, 150));
        // A third instance's batch failing: the texts it held are everyone's to store again.
        await holder.query('ROLLBACK');
        await stored;
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        holder.release();
      }
      const { rows } = await owner.query(`SELECT message_sid FROM sms_inbound WHERE message_sid = ANY($1)`, [
        [x.messageSid, y.messageSid],
      ]);
      expect(rows.map((r) => r.message_sid).toSorted()).toEqual([x.messageSid, y.messageSid].toSorted());
    }

    // One batch whose receipt order is the reverse of the order its rows go in: seq follows receipt.
    const [low, high] = [sms('one'), sms('two')].toSorted((a, b) => (a.messageSid < b.messageSid ? -1 : 1));
    await batch(instances[0]!, [high!, low!]);
    const { rows } = await owner.query(
      `SELECT message_sid FROM sms_inbound WHERE message_sid = ANY($1) ORDER BY seq`,
      [[low!.messageSid, high!.messageSid]],
    );
    expect(rows.map((r) => r.message_sid)).toEqual([high!.messageSid, low!.messageSid]);
    await processed();
  });

  it('stores the texts of several practices arriving together in one transaction, each as its practice, in receipt order; a practice without readable keys fails alone', async () => {
    // Practices whose texts share the group commit's lane with `practice` (a lane per id hash).
    const lane = laneOf(practice.tenantId);
    const others: SmsPractice[] = [];
    while (others.length < 2) {
      const other = await createSmsPractice(app, owner);
      if (laneOf(other.tenantId) === lane) others.push(other);
    }
    let keyless = randomUUID();
    while (laneOf(keyless) !== lane) keyless = randomUUID();
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'No keys')`, [keyless]);

    const store = app.get(PendingSmsStore, { strict: false });
    const practices = [practice, ...others];
    const texts = practices.map((p) =>
      [0, 1, 2].map((i) => parseInboundSms(inboundParams(p, { from: freshPhone(), body: `text ${i}` }))),
    );
    // A text of its own ahead, stored alone; everything after it waits for the next batch.
    const ahead = store.accept(practice.tenantId, practice.channel.id, sms('ahead'));
    const accepted = [0, 1, 2].flatMap((i) =>
      practices.map((p, k) => store.accept(p.tenantId, p.channel.id, texts[k]![i]!)),
    );
    const refused = store.accept(keyless, practice.channel.id, sms('no keys'));
    await ahead;
    await Promise.all(accepted);
    await expect(refused).rejects.toThrow(/keys/i);

    const { rows } = await owner.query<{ tenant_id: string; message_sid: string; tx: string }>(
      `SELECT tenant_id, message_sid, xmin::text AS tx FROM sms_inbound WHERE message_sid = ANY($1) ORDER BY seq`,
      [texts.flat().map((t) => t.messageSid)],
    );
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    practices.forEach((p, k) =>
      expect(rows.filter((r) => r.tenant_id === p.tenantId).map((r) => r.message_sid)).toEqual(
        texts[k]!.map((t) => t.messageSid),
      ),
    );
    expect((await owner.query(`SELECT 1 FROM sms_inbound WHERE tenant_id = $1`, [keyless])).rowCount).toBe(0);
    await processed();
    for (const other of others) expect(await processInbound(app, other.tenantId)).toBe(3);
  });

  it('lets neither a keyword nor later texts wait forever behind a text that cannot be processed', async () => {
    const other = await createSmsPractice(app, owner);
    // A pending row whose payload does not decrypt: processing it fails every time.
    const poison = randomUUID();
    await owner.query(
      `INSERT INTO sms_inbound (id, tenant_id, channel_id, message_sid, payload) VALUES ($1, $2, $3, $4, '\\x00')`,
      [poison, other.tenantId, other.channel.id, messageSid()],
    );
    const help = inboundParams(other, { from: freshPhone(), body: 'HELP' });
    const answer = await postSigned(app, other.channel.webhooks.inbound, help, other.authToken).expect(200);
    expect(answer.text).toMatch(/<Message>.+<\/Message>/);
    const attempts = async () =>
      (await owner.query(`SELECT attempts FROM sms_inbound WHERE id = $1`, [poison])).rows[0].attempts;
    expect(await attempts()).toBe(1);
    await expect(processInbound(app, other.tenantId)).rejects.toThrow();
    expect(await attempts()).toBe(2);

    // After MAX_PROCESSING_ATTEMPTS it is left for an operator and the texts behind it go through.
    await owner.query(`UPDATE sms_inbound SET attempts = 8 WHERE id = $1`, [poison]);
    const text = inboundParams(other, { from: freshPhone(), body: 'Still there?' });
    await postSigned(app, other.channel.webhooks.inbound, text, other.authToken).expect(200);
    expect(await processInbound(app, other.tenantId)).toBe(1);
    const stored = await owner.query(`SELECT 1 FROM messages WHERE provider_message_id = $1`, [
      text.MessageSid,
    ]);
    expect(stored.rowCount).toBe(1);
  });

  it('puts a second message from the same number in the same open conversation (unread_count 2)', async () => {
    const from = freshPhone();
    const first = inboundParams(practice, { from, body: 'Hi' });
    const second = inboundParams(practice, { from, body: 'Hello again' });
    await send(first).expect(200);
    await processed();
    await send(second).expect(200);
    await processed();
    const [a] = await messagesOf(first.MessageSid!);
    const [b] = await messagesOf(second.MessageSid!);
    expect(b.conversation_id).toBe(a.conversation_id);
    expect(b.contact_id).toBe(a.contact_id);
    expect(await conversation(a.conversation_id)).toMatchObject({ status: 'open', unread_count: 2 });
  });

  it('matches the most recently active of contacts sharing a phone, and flags the ambiguity', async () => {
    const phone = freshPhone();
    const repo = app.get(ContactRepository);
    const [mother, son] = await app
      .get(TenantDb)
      .forTenant(practice.tenantId, async (tx) => [
        await repo.create(tx, { name: 'Mother', phone }),
        await repo.create(tx, { name: 'Son', phone }),
      ]);
    await owner.query(`UPDATE contacts SET last_activity_at = now() - interval '2 hours' WHERE id = $1`, [
      son!.id,
    ]);
    await owner.query(`UPDATE contacts SET last_activity_at = now() - interval '5 minutes' WHERE id = $1`, [
      mother!.id,
    ]);

    const params = inboundParams(practice, { from: phone, body: 'Appointment for my son' });
    await send(params).expect(200);
    await processed();
    const [row] = await messagesOf(params.MessageSid!);
    expect(row.contact_id).toBe(mother!.id);
    expect(await conversation(row.conversation_id)).toMatchObject({ contact_ambiguous: true });
  });

  it('publishes the new message on the practice’s Redis channel after commit, with ids only', async () => {
    const subscriber: RedisClient = createRedis(process.env.REDIS_URL!, 'ingestion-e2e-sub');
    try {
      const events: Array<{ event: PublishedStaffEvent & { messageId?: string }; rowVisible: boolean }> = [];
      subscriber.on('message', (_channel, payload: string) => {
        const event = JSON.parse(payload) as PublishedStaffEvent & { messageId?: string };
        // Committed before publishing: another connection already sees the row when the event arrives.
        void owner
          .query(`SELECT 1 FROM messages WHERE id = $1`, [event.messageId])
          .then((r) => events.push({ event, rowVisible: r.rowCount === 1 }));
      });
      await subscriber.subscribe(app.get(StaffEvents).channelOf(practice.tenantId));

      const params = inboundParams(practice, { from: freshPhone(), body: 'Private details here' });
      await send(params).expect(200);
      await processed();
      const [row] = await messagesOf(params.MessageSid!);
      // This message's event (an earlier test's event for the same practice may still arrive).
      const received = await waitFor(() => events.find((e) => e.event.messageId === row.id));
      expect(received.rowVisible).toBe(true);
      expect(received.event).toEqual({
        type: 'message.created',
        id: expect.any(String),
        tenantId: practice.tenantId,
        at: expect.any(String),
        conversationId: row.conversation_id,
        messageId: row.id,
        contactId: row.contact_id,
        channel: 'sms',
        direction: 'inbound',
      });
      expect(JSON.stringify(received.event)).not.toMatch(/Private|\+1555/);
    } finally {
      subscriber.disconnect();
    }
  });

  it('audits the receipt with the provider as actor and ids only', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'Audit me, quietly' });
    await send(params).expect(200);
    await processed();
    const [row] = await messagesOf(params.MessageSid!);
    const event = await waitFor(
      async () =>
        (
          await owner.query(
            `SELECT actor_type, actor_id, metadata FROM audit_events
             WHERE tenant_id = $1 AND action = 'message.received' AND target_id = $2`,
            [practice.tenantId, row.id],
          )
        ).rows[0],
    );
    expect(event).toMatchObject({ actor_type: 'provider', actor_id: 'twilio' });
    expect(JSON.stringify(event)).not.toMatch(/Audit me|\+1555/);
  });

  it('routes each channel to its own practice only', async () => {
    const other = await createSmsPractice(app, owner);
    const params = inboundParams(practice, { from: freshPhone(), body: 'for A' });
    // Practice B's token cannot sign for A's channel.
    await send(params, other.authToken).expect(403);
    // A's webhook lands in A, and B sees nothing of it (RLS as the app role).
    await send(params).expect(200);
    await processed();
    const [row] = await messagesOf(params.MessageSid!);
    expect(row.tenant_id).toBe(practice.tenantId);
    const seenByB = await app
      .get(TenantDb)
      .forTenant(other.tenantId, (tx) => tx.query(`SELECT id FROM messages WHERE id = $1`, [row.id]));
    expect(seenByB).toEqual([]);
  });

  it('answers 404 for unknown, malformed and deleted channels, storing nothing', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'x' });
    const unknown = practice.channel.webhooks.inbound.replace(practice.channel.id, randomUUID());
    await postSigned(app, unknown, params, practice.authToken).expect(404);
    const malformed = practice.channel.webhooks.inbound.replace(practice.channel.id, 'not-a-uuid');
    await postSigned(app, malformed, params, practice.authToken).expect(404);

    const doomed = await createSmsPractice(app, owner);
    await requestContext.run({ tenantId: doomed.tenantId, actor: { type: 'user', id: randomUUID() } }, () =>
      app.get(ChannelsService).remove(doomed.channel.id),
    );
    const before = await ingestionRowCounts(owner, doomed.tenantId);
    const res = await postSigned(
      app,
      doomed.channel.webhooks.inbound,
      inboundParams(doomed, { from: freshPhone(), body: 'late' }),
      doomed.authToken,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(await ingestionRowCounts(owner, doomed.tenantId)).toEqual(before);
  });

  it('reads a channel whose cached facts expired as its practice, without routing; a wrong signature or a deleted channel is still refused', async () => {
    const p = await createSmsPractice(app, owner);
    const post = (authToken = p.authToken) =>
      postSigned(
        app,
        p.channel.webhooks.inbound,
        inboundParams(p, { from: freshPhone(), body: 'hi' }),
        authToken,
      );
    await post().expect(200);
    const cache = app.get(ChannelCache, { strict: false });
    expect(cache.tenantHint(p.channel.id)).toBe(p.tenantId);
    // The channel's facts gone, as when CHANNEL_CACHE_SECONDS have passed; the practice hint stays.
    const expire = () =>
      cache.invalidateOnCommit(new TenantTx(p.tenantId, {} as pg.ClientBase), p.channel.id);
    const routing = vi.spyOn(app.get(ChannelRepository, { strict: false }), 'route');
    try {
      expire();
      await post().expect(200);
      expect(routing).not.toHaveBeenCalled();
      await post().expect(200); // cached again
      expect(routing).not.toHaveBeenCalled();

      expire();
      const forged = await post('0'.repeat(32));
      expect(forged.status).toBe(403);
      expect(forged.body.error.code).toBe('invalid_signature');

      await requestContext.run({ tenantId: p.tenantId, actor: { type: 'user', id: randomUUID() } }, () =>
        app.get(ChannelsService).remove(p.channel.id),
      );
      expect(cache.tenantHint(p.channel.id)).toBe(p.tenantId);
      const late = await post();
      expect(late.status).toBe(404);
    } finally {
      routing.mockRestore();
    }
    expect(await processInbound(app, p.tenantId)).toBe(3);
  });

  it('answers 415 to JSON and 400 to a signed message without a usable sender, storing nothing', async () => {
    const before = await ingestionRowCounts(owner, practice.tenantId);
    const params = inboundParams(practice, { from: freshPhone(), body: 'json?' });
    const json = await request(app.getHttpServer())
      .post(new URL(practice.channel.webhooks.inbound).pathname)
      .set('X-Twilio-Signature', 'x')
      .send(params);
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('unsupported_media_type');

    const { From: _drop, ...withoutFrom } = params;
    const missing = await send(withoutFrom);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'From' }] });

    const notAPhone = await send({ ...params, From: 'VERIFY' });
    expect(notAPhone.status).toBe(400);
    expect(notAPhone.body.error.details).toEqual([{ path: 'From', message: expect.any(String) }]);
    expect(JSON.stringify(notAPhone.body)).not.toContain('VERIFY');

    const huge = await send({ ...params, MessageSid: messageSid(), Body: 'x'.repeat(5000) });
    expect(huge.status).toBe(400);
    expect(await ingestionRowCounts(owner, practice.tenantId)).toEqual(before);
  });
});
