import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelsService, type EmailChannelView, EmailThreads } from '@app/channels';
import { AttachmentRepository, ConversationRepository, MessageRepository } from '@app/conversations';
import { TenantDb } from '@app/database';
import { requestContext } from '@app/observability';
import { auditTrail, ownerPool } from '@app/testing';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import { ingestionRowCounts, startListeningApi } from './ingestion-fixtures.js';
import { injectWriteFault } from './write-faults.js';
import {
  type EmailPractice,
  createEmailPractice,
  freshEmail,
  insertOutboundEmail,
  messageIdHeader,
  signEvents,
} from './ingestion-email-fixtures.js';

/** An Event Webhook event as SendGrid posts it (with fields we must ignore). */
const event = (fields: Record<string, unknown>) => ({
  email: 'patient@example.org',
  timestamp: Math.floor(Date.now() / 1000),
  sg_event_id: Buffer.from(crypto.randomUUID()).toString('base64url'),
  ...fields,
});

const PDF = Buffer.from('%PDF-1.4\n% referral letter for the patient\n%%EOF\n');

// Real Inbound Parse posts: the sandbox builds the multipart (or raw MIME) request exactly as
// SendGrid does and posts it to the URL the channel advertised.
describe('SendGrid email ingestion', () => {
  let sandbox: NestExpressApplication;
  let sandboxUrl: string;
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: EmailPractice;

  async function simulate(
    fields: Record<string, unknown>,
    target: EmailPractice = practice,
  ): Promise<{ status: number; body: string }> {
    const res = await fetch(`${sandboxUrl}/sandbox/sendgrid/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        to: target.channel.inboundAddress,
        from: `Pat Example <${freshEmail()}>`,
        subject: 'Question',
        text: 'Hello',
        webhookUrl: target.channel.webhooks.inboundParse,
        ...fields,
      }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { status: number; body: string };
  }

  function inTenant<T>(fn: (tx: Parameters<Parameters<TenantDb['forTenant']>[1]>[0]) => Promise<T>) {
    return app.get(TenantDb).forTenant(practice.tenantId, fn);
  }

  /** The newest inbound email of the practice, decrypted through the repositories. */
  async function latestInbound() {
    const [row] = (
      await owner.query(
        `SELECT id FROM messages WHERE tenant_id = $1 AND channel = 'email' AND direction = 'inbound'
         ORDER BY created_at DESC, id DESC LIMIT 1`,
        [practice.tenantId],
      )
    ).rows;
    return inTenant(async (tx) => {
      const message = (await app.get(MessageRepository).get(tx, row.id))!;
      return {
        message,
        conversation: (await app.get(ConversationRepository).get(tx, message.conversationId))!,
        attachments: await app.get(AttachmentRepository).listForMessages(tx, [row.id]),
      };
    });
  }

  async function postEvents(events: unknown[], sign = true, tamper = false) {
    const body = JSON.stringify(events);
    const headers = sign ? signEvents(practice.eventKey, body) : {};
    const sent = tamper ? body.replace('delivered', 'bounce') : body;
    return request(app.getHttpServer())
      .post(new URL(practice.channel.webhooks.events).pathname)
      .set(headers)
      .set('Content-Type', 'application/json')
      .send(sent);
  }
  async function statusOf(id: string): Promise<{ status: string; error_code: string | null }> {
    return (await owner.query(`SELECT status, error_code FROM messages WHERE id = $1`, [id])).rows[0];
  }
  async function outbound() {
    await simulate({ from: freshEmail(), text: 'needs a reply' });
    return insertOutboundEmail(owner, practice, (await latestInbound()).message.conversationId);
  }
  beforeAll(async () => {
    sandbox = await createSandboxApp({ logger: false });
    await sandbox.listen(0, '127.0.0.1');
    sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as AddressInfo).port}`;
    app = await startListeningApi();
    owner = ownerPool();
    practice = await createEmailPractice(app, owner);
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await owner?.end();
  });

  it('creates the channel with its webhook URLs; the inbound secret is only stored hashed', async () => {
    const { inboundParse, events } = practice.channel.webhooks;
    expect(inboundParse).toMatch(/\/webhooks\/sendgrid\/[0-9a-f-]{36}\/inbound\/[A-Za-z0-9_-]{43}$/);
    expect(events).toMatch(/\/webhooks\/sendgrid\/[0-9a-f-]{36}\/events$/);
    const secret = inboundParse.split('/').pop()!;
    const row = (
      await owner.query(`SELECT config, credentials_enc, inbound_secret_hash FROM channels WHERE id = $1`, [
        practice.channel.id,
      ])
    ).rows[0];
    expect(JSON.stringify(row.config)).not.toContain(secret);
    expect(row.credentials_enc.includes(Buffer.from('SG.'))).toBe(false);
    expect(row.inbound_secret_hash).toHaveLength(32);
    // Later reads cannot show the secret (only its hash exists) and never show the API key.
    const read = await requestContext.run(
      { tenantId: practice.tenantId, actor: { type: 'user', id: randomUUID() } },
      () => app.get(ChannelsService).get(practice.channel.id),
    );
    expect(read).toMatchObject({ type: 'email', eventsSigned: true });
    expect((read as EmailChannelView).webhooks).toEqual({
      inboundParse: inboundParse.replace(secret, '{secret}'),
      events,
    });
    expect(JSON.stringify(read)).not.toContain('SG.');
  });

  it('stores a multipart email encrypted, under a contact matched by email, audited', async () => {
    const from = freshEmail();
    const answer = await simulate({
      from: `Pat Example <${from}>`,
      text: 'My lab results came back, can we talk?',
      headers: { 'Message-ID': messageIdHeader() },
    });
    expect(answer.status).toBe(200);
    const { message, conversation } = await latestInbound();
    expect(message.body).toBe('My lab results came back, can we talk?');
    expect(message.channel).toBe('email');
    expect(conversation.lastMessagePreview).toBe('My lab results came back, can we talk?');
    const raw = (
      await owner.query(`SELECT body_enc, provider_message_id FROM messages WHERE id = $1`, [message.id])
    ).rows[0];
    expect(raw.body_enc.includes(Buffer.from('lab results'))).toBe(false);
    expect(raw.provider_message_id).toMatch(/^mid:[0-9a-f]+$/);
    const trail = await auditTrail(app, practice.tenantId);
    expect(trail.find((e) => e.action === 'message.received' && e.target?.id === message.id)?.actor).toEqual({
      type: 'provider',
      id: 'sendgrid',
    });
  });

  it('stores an email whose transaction lost a deadlock: run again, answered 200, stored once', async () => {
    // SendGrid's Inbound Parse does not retry a 409: the post's first INSERT of a message of
    // this practice loses a deadlock, as Postgres reports it.
    const fault = await injectWriteFault(owner, {
      table: 'messages',
      operation: 'INSERT',
      rows: { tenantId: practice.tenantId },
      once: true,
      condition: 'deadlock_detected',
    });
    const text = `Is the clinic open on Saturday? ${randomUUID()}`;
    try {
      const answer = await simulate({ text, headers: { 'Message-ID': messageIdHeader() } });
      expect(answer.status).toBe(200);
      expect(await fault.writesSeen()).toBe(2);
    } finally {
      await fault.remove();
    }
    const { message } = await latestInbound();
    expect(message.body).toBe(text);
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND provider_message_id = $2`,
      [
        practice.tenantId,
        (await owner.query(`SELECT provider_message_id FROM messages WHERE id = $1`, [message.id])).rows[0]
          .provider_message_id,
      ],
    );
    expect(rows[0].n).toBe(1);
  });

  it('threads by sender when nothing else names the conversation', async () => {
    const from = freshEmail();
    await simulate({ from, text: 'first' });
    const first = await latestInbound();
    await simulate({ from: from.toUpperCase(), text: 'second' });
    const second = await latestInbound();
    expect(second.message.conversationId).toBe(first.message.conversationId);
    expect(second.message.contactId).toBe(first.message.contactId);
  });

  it('threads by In-Reply-To / References to a stored Message-ID, whoever replies', async () => {
    const original = messageIdHeader();
    await simulate({ from: freshEmail(), text: 'original', headers: { 'Message-ID': original } });
    const first = await latestInbound();
    await simulate({
      from: freshEmail(), // e.g. the patient's other mailbox
      text: 'follow-up',
      headers: { 'Message-ID': messageIdHeader(), 'In-Reply-To': original, References: original },
    });
    const reply = await latestInbound();
    expect(reply.message.conversationId).toBe(first.message.conversationId);
    await simulate({
      from: freshEmail(),
      text: 'deep in the thread',
      headers: { 'Message-ID': messageIdHeader(), References: `${messageIdHeader()} ${original}` },
    });
    expect((await latestInbound()).message.conversationId).toBe(first.message.conversationId);
  });

  it('threads by the per-conversation reply address; another practice cannot inject with its own', async () => {
    await simulate({ from: freshEmail(), text: 'start' });
    const start = await latestInbound();
    const replyTo = await inTenant((tx) =>
      app
        .get(EmailThreads)
        .issueReplyAddress(
          tx,
          { id: practice.channel.id, inboundAddress: practice.channel.inboundAddress },
          start.message.conversationId,
        ),
    );
    expect(replyTo).toMatch(
      new RegExp(`^reply\\+[0-9a-f]{40}@${practice.inboundDomain.replace(/\./g, '\\.')}$`),
    );
    expect(replyTo).not.toContain(start.message.conversationId);

    await simulate({ to: replyTo, from: freshEmail(), text: 'answer from a forwarded mailbox' });
    expect((await latestInbound()).message.conversationId).toBe(start.message.conversationId);

    // A reply address minted by another practice, sent to this practice's inbound parse URL.
    const other = await createEmailPractice(app, owner);
    const otherStart = await simulate({ from: freshEmail(), text: 'other practice' }, other);
    expect(otherStart.status).toBe(200);
    const [otherConversation] = (
      await owner.query(`SELECT id FROM conversations WHERE tenant_id = $1`, [other.tenantId])
    ).rows;
    const foreign = await app
      .get(TenantDb)
      .forTenant(other.tenantId, (tx) =>
        app
          .get(EmailThreads)
          .issueReplyAddress(
            tx,
            { id: other.channel.id, inboundAddress: other.channel.inboundAddress },
            otherConversation.id,
          ),
      );
    const token = foreign.split('@')[0];
    await simulate({
      to: `${token}@${practice.inboundDomain}`,
      from: freshEmail(),
      text: 'injection attempt',
    });
    const injected = await latestInbound();
    expect(injected.message.conversationId).not.toBe(start.message.conversationId);
    expect(injected.message.conversationId).not.toBe(otherConversation.id);
  });

  it('takes raw MIME mode (the whole message in `email`), attachments included', async () => {
    const answer = await simulate({
      raw: true,
      text: 'Raw mode body',
      headers: { 'Message-ID': messageIdHeader() },
      attachments: [
        { filename: 'referral.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') },
      ],
    });
    expect(answer.status).toBe(200);
    const { message, attachments } = await latestInbound();
    expect(message.body?.trim()).toBe('Raw mode body');
    expect(attachments).toEqual([
      expect.objectContaining({ status: 'stored', contentType: 'application/pdf', sizeBytes: PDF.length }),
    ]);
  });

  it('stores one message when the same Message-ID is posted twice (multipart, then raw)', async () => {
    const id = messageIdHeader();
    const before = await ingestionRowCounts(owner, practice.tenantId);
    const from = freshEmail();
    const first = await simulate({ from, text: 'once', headers: { 'Message-ID': id } });
    const second = await simulate({ from, text: 'once', raw: true, headers: { 'Message-ID': id } });
    expect(JSON.parse(first.body)).toEqual({ received: true, duplicate: false });
    expect(JSON.parse(second.body)).toEqual({ received: true, duplicate: true });
    const after = await ingestionRowCounts(owner, practice.tenantId);
    expect(after.messages! - before.messages!).toBe(1);
  });

  it('answers 403 to a wrong or missing secret and stores nothing', async () => {
    const before = await ingestionRowCounts(owner, practice.tenantId);
    const good = practice.channel.webhooks.inboundParse;
    for (const url of [
      good.replace(/[^/]+$/, 'x'.repeat(43)),
      good.replace(/[^/]+$/, `${good.split('/').pop()}x`),
    ]) {
      const answer = await simulate({ webhookUrl: url, text: 'should not land' });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).error.code).toBe('invalid_secret');
    }
    expect(await ingestionRowCounts(owner, practice.tenantId)).toEqual(before);
  });

  it('stores attachments encrypted and refuses disallowed ones without losing the email', async () => {
    await simulate({
      text: 'Two files',
      attachments: [
        { filename: 'referral.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') },
        { filename: 'tool.exe', contentType: 'application/x-msdownload', content: 'MZ...' },
      ],
    });
    const { message, attachments } = await latestInbound();
    expect(message.body).toBe('Two files');
    expect(attachments).toEqual([
      expect.objectContaining({ status: 'stored', contentType: 'application/pdf', sizeBytes: PDF.length }),
      expect.objectContaining({ status: 'failed', failureReason: 'content_type_not_allowed' }),
    ]);
    const raw = (
      await owner.query(`SELECT content_enc, filename_enc FROM attachments WHERE id = $1`, [
        attachments[0]!.id,
      ])
    ).rows[0];
    expect(raw.content_enc.includes(Buffer.from('referral letter'))).toBe(false);
    expect(raw.filename_enc.includes(Buffer.from('referral.pdf'))).toBe(false);
    const content = await inTenant((tx) => app.get(AttachmentRepository).content(tx, attachments[0]!.id));
    expect(content?.equals(PDF)).toBe(true);
  });

  it('sanitizes HTML before storing it: no script ever survives', async () => {
    await simulate({
      text: undefined,
      html:
        '<p onclick="steal()">See <b>this</b></p><script>alert(document.cookie)</script>' +
        '<img src="https://tracker.example/p.gif" onerror="x()"><a href="javascript:evil()">link</a>',
    });
    const { message } = await latestInbound();
    expect(message.bodyHtml).toContain('<b>this</b>');
    for (const bad of ['<script', 'alert(', 'onclick', 'onerror', 'javascript:', 'tracker.example']) {
      expect(message.bodyHtml).not.toContain(bad);
    }
    expect(message.body).toContain('See this');
    expect(message.body).not.toContain('alert');
    const raw = (await owner.query(`SELECT body_html_enc FROM messages WHERE id = $1`, [message.id])).rows[0];
    expect(raw.body_html_enc.includes(Buffer.from('<b>this</b>'))).toBe(false);
  });

  it('trims the quoted thread and the signature from the preview, keeping the full body', async () => {
    const text =
      'Yes, Tuesday works.\n\n-- \nPat\n\nOn Mon, Nov 23, 2026 at 9:00 AM Front Desk wrote:\n> Can you come Tuesday?';
    await simulate({ from: freshEmail(), text });
    const { message, conversation } = await latestInbound();
    expect(message.body).toBe(text);
    expect(conversation.lastMessagePreview).toBe('Yes, Tuesday works.');
  });

  describe('Event Webhook', () => {
    it('applies a signed batch through the status machine, matched by our id or sg_message_id', async () => {
      const a = await outbound();
      const b = await outbound();
      const res = await postEvents([
        event({ event: 'processed', messageId: a.id, sg_message_id: `${a.sgMessageId}.filter0001` }),
        event({ event: 'delivered', messageId: a.id, sg_message_id: `${a.sgMessageId}.filter0001` }),
        event({ event: 'processed', sg_message_id: `${b.sgMessageId}.filter0002` }),
        event({ event: 'bounce', sg_message_id: `${b.sgMessageId}.filter0002`, reason: '550 no such user' }),
        // Late and out of order: never moves a status back.
        event({ event: 'deferred', messageId: a.id }),
        event({ event: 'delivered', sg_message_id: 'unknownmessage.filter' }),
        event({ event: 'group_unsubscribe', messageId: a.id }),
      ]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ updated: 4, unknownMessages: 1, ignored: 0, suppressed: 1 });
      expect(await statusOf(a.id)).toEqual({ status: 'delivered', error_code: null });
      expect(await statusOf(b.id)).toEqual({ status: 'undelivered', error_code: 'sendgrid_bounce' });
    });

    it('stores SendGrid’s id from an event that found the message by ours (the worker had not recorded the send), never an id another message holds', async () => {
      const a = await outbound();
      const b = await outbound();
      // Their claims (message_provider_ids) stay: a's own claim must not keep a from its id.
      await owner.query(`UPDATE messages SET provider_message_id = NULL WHERE id = ANY($1::uuid[])`, [
        [a.id, b.id],
      ]);
      const res = await postEvents([
        event({ event: 'processed', messageId: a.id, sg_message_id: `${a.sgMessageId}.filter0001` }),
        // Naming the id `a` holds now: applied to b's status, the id not taken (no unique violation, no 500).
        event({ event: 'processed', messageId: b.id, sg_message_id: `${a.sgMessageId}.filter0002` }),
      ]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ updated: 2 });
      const { rows } = await owner.query(
        `SELECT id, status, provider_message_id FROM messages WHERE id = ANY($1::uuid[])`,
        [[a.id, b.id]],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.provider_message_id]]))).toEqual({
        [a.id]: ['sending', a.sgMessageId],
        [b.id]: ['sending', null],
      });
      const claims = await owner.query(
        `SELECT provider_message_id, message_id FROM message_provider_ids
         WHERE tenant_id = $1 AND channel = 'email' AND message_id = ANY($2::uuid[])`,
        [practice.tenantId, [a.id, b.id]],
      );
      expect(Object.fromEntries(claims.rows.map((r) => [r.provider_message_id, r.message_id]))).toEqual({
        [a.sgMessageId]: a.id,
        [b.sgMessageId]: b.id,
      });
    });

    it('runs a batch that lost a deadlock again: answered 200, each event applied once', async () => {
      const a = await outbound();
      const b = await outbound();
      // The first write of b's status loses a deadlock, as Postgres reports it (a sequence: its
      // count survives the rollback, so only the first attempt fails), after a's event applied
      // and both sg_event_ids were recorded in the same transaction.
      const fault = await injectWriteFault(owner, {
        table: 'messages',
        operation: 'UPDATE',
        rows: { id: b.id },
        once: true,
        condition: 'deadlock_detected',
      });
      try {
        const batch = [
          event({ event: 'delivered', messageId: a.id }),
          event({ event: 'bounce', messageId: b.id, reason: '550 no such user' }),
        ];
        const res = await postEvents(batch);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        // Not `duplicates`: the failed attempt's sightings were rolled back with it.
        expect(res.body).toMatchObject({ updated: 2, duplicates: 0 });
        expect(await fault.writesSeen()).toBe(2);
        expect(await statusOf(a.id)).toEqual({ status: 'delivered', error_code: null });
        expect(await statusOf(b.id)).toEqual({ status: 'undelivered', error_code: 'sendgrid_bounce' });
        const sightings = await owner.query(
          `SELECT count(DISTINCT sg_event_id)::int AS n FROM sendgrid_events WHERE sg_event_id = ANY($1::text[])`,
          [batch.map((e) => e.sg_event_id)],
        );
        expect(sightings.rows[0].n).toBe(2);
        expect((await postEvents(batch)).body).toMatchObject({ updated: 0, duplicates: 2 });
      } finally {
        await fault.remove();
      }
    });

    it('applies each sg_event_id once', async () => {
      const a = await outbound();
      const processed = event({ event: 'processed', messageId: a.id });
      expect((await postEvents([processed])).body).toMatchObject({ updated: 1 });
      expect((await postEvents([processed])).body).toMatchObject({ updated: 0, duplicates: 1 });
    });

    it('refuses a signed batch whose ids hold a NUL character with 400, applying nothing (no 500)', async () => {
      const a = await outbound();
      for (const bad of [
        { sg_event_id: 'ev\u0000x' },
        { sg_message_id: 'x\u0000.filter' },
        { messageId: `${a.id}\u0000` },
      ]) {
        const res = await postEvents([
          event({ event: 'delivered', messageId: a.id }),
          event({ event: 'bounce', type: 'bounce', ...bad }),
        ]);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
      }
      expect(await statusOf(a.id)).toEqual({ status: 'queued', error_code: null });
    });

    it('refuses a tampered or unsigned batch with 403 and applies nothing', async () => {
      const a = await outbound();
      const batch = [event({ event: 'delivered', messageId: a.id })];
      const tampered = await postEvents(batch, true, true);
      expect(tampered.status).toBe(403);
      expect(tampered.body.error.code).toBe('invalid_signature');
      expect((await postEvents(batch, false)).status).toBe(403);
      expect(await statusOf(a.id)).toEqual({ status: 'queued', error_code: null });
      const dedupe = await owner.query(
        `SELECT count(*)::int AS n FROM sendgrid_events WHERE sg_event_id = $1`,
        [batch[0]!.sg_event_id],
      );
      expect(dedupe.rows[0].n).toBe(0);
    });
  });
});
