import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import type pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ChannelsService,
  EMAIL_ATTACHMENT_TYPES,
  type EmailChannelView,
  type SmsChannelView,
} from '@app/channels';
import { SERVED_CONTENT_TYPES } from '@app/conversations';
import { TenantDb } from '@app/database';
import { requestContext } from '@app/observability';
import { type StaffMember, StaffClient, auditTrail, countRoundTrips, ownerPool } from '@app/testing';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import { freshEmail } from './ingestion-email-fixtures.js';
import { freshPhone, processInbound, startListeningApi } from './ingestion-fixtures.js';
import { SITE, createPublicChannel } from './intake-fixtures.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n% lab results\n'),
  randomBytes(2048),
  Buffer.from('\n%%EOF\n'),
]);
/** A patient's file name: accents, a quote, a semicolon and a path, none of which may break the header. */
const PDF_NAME = 'Résultats "labo"; mars.pdf';

interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}
interface Message {
  id: string;
  channel: string;
  body: string | null;
  attachments: Attachment[];
  fields?: Record<string, unknown>;
}

/** Every line the api logs from now on, captured from pino's one root logger (as edge-hygiene does). */
function captureLogs(): string[] {
  const lines: string[] = [];
  const root = PinoLogger.root as unknown as Record<symbol, unknown> & { level: string };
  root.level = 'info';
  root[pino.symbols.streamSym] = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return lines;
}

/** The file name a Content-Disposition carries in filename* (RFC 8187, UTF-8). */
function dispositionName(header: string): string {
  const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(header)?.[1];
  expect(encoded, header).toBeDefined();
  return decodeURIComponent(encoded!);
}

// Files in (issue 22): what patients send (MMS media, email attachments, web form fields) is
// listed on the conversation's messages and downloaded by staff, each download audited, with the
// conversation's scope. Inbound goes through the sandbox exactly as Twilio and SendGrid post it.
describe('files in: attachments and form fields on the staff messages page', () => {
  let sandbox: NestExpressApplication;
  let sandboxUrl: string;
  let app: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let admin: StaffMember;
  let frontDesk: StaffMember;
  let billing: StaffMember;
  let other: StaffMember;
  let sms: SmsChannelView & { authToken: string; accountSid: string };
  let email: EmailChannelView;
  let logs: string[];

  beforeAll(async () => {
    sandbox = await createSandboxApp({ logger: false });
    await sandbox.listen(0, '127.0.0.1');
    sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as AddressInfo).port}`;
    app = await startListeningApi({
      ALLOW_SIGNUP: 'true',
      TWILIO_API_BASE_URL: sandboxUrl,
      LOG_LEVEL: 'info',
    });
    logs = captureLogs();
    owner = ownerPool();
    c = new StaffClient(app);
    admin = await c.signupPractice();
    frontDesk = await c.addStaff(admin, 'front_desk');
    billing = await c.addStaff(admin, 'billing');
    other = await new StaffClient(app).signupPractice();
    const accountSid = `AC${randomBytes(16).toString('hex')}`;
    const authToken = randomBytes(16).toString('hex');
    const inboundDomain = `in-${randomBytes(4).toString('hex')}.practice.example`;
    const channels = app.get(ChannelsService);
    await requestContext.run(
      { tenantId: admin.practiceId, actor: { type: 'user', id: admin.userId } },
      async () => {
        const created = await channels.create({
          type: 'sms',
          name: 'Front desk',
          phoneNumber: freshPhone(),
          twilioAccountSid: accountSid,
          twilioAuthToken: authToken,
        });
        sms = { ...(created as SmsChannelView), accountSid, authToken };
        email = (await channels.create({
          type: 'email',
          name: 'Front desk email',
          inboundAddress: `frontdesk@${inboundDomain}`,
          fromAddress: `frontdesk@${inboundDomain}`,
          sendgridApiKey: `SG.${randomBytes(16).toString('hex')}`,
        })) as EmailChannelView;
      },
    );
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await owner?.end();
  });

  /** An MMS through the sandbox (signed webhook, media behind Basic auth), processed by the worker path. */
  async function textIn(
    media: Array<{ contentType: string; content: Buffer }>,
    body = 'A photo of the rash',
  ) {
    const res = await fetch(`${sandboxUrl}/sandbox/twilio/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        to: sms.phoneNumber,
        from: freshPhone(),
        body,
        webhookUrl: sms.webhooks.inbound,
        authToken: sms.authToken,
        accountSid: sms.accountSid,
        media: media.map((m) => ({
          contentType: m.contentType,
          contentBase64: m.content.toString('base64'),
        })),
      }),
    });
    expect(res.status).toBe(200);
    const { messageSid } = (await res.json()) as { messageSid: string };
    await processInbound(app, admin.practiceId);
    return stored(`SELECT id, conversation_id FROM messages WHERE provider_message_id = $1`, [messageSid]);
  }

  /** An email with attachments through the sandbox's Inbound Parse post. */
  async function emailIn(
    attachments: Array<{ filename: string; contentType: string; content: Buffer }>,
    from = freshEmail(),
  ) {
    const res = await fetch(`${sandboxUrl}/sandbox/sendgrid/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        to: email.inboundAddress,
        from: `Pat Example <${from}>`,
        subject: 'My lab results',
        text: 'Please see the attached results.',
        webhookUrl: email.webhooks.inboundParse,
        attachments: attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          contentBase64: a.content.toString('base64'),
        })),
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: number }).status).toBe(200);
    return stored(
      `SELECT id, conversation_id FROM messages WHERE tenant_id = $1 AND channel = 'email'
       ORDER BY created_at DESC LIMIT 1`,
      [admin.practiceId],
    );
  }

  async function stored(
    sql: string,
    params: unknown[],
  ): Promise<{ messageId: string; conversationId: string }> {
    const [row] = (await owner.query(sql, params)).rows;
    expect(row).toBeDefined();
    return { messageId: row.id, conversationId: row.conversation_id };
  }

  async function messagesOf(conversationId: string, who: StaffMember = frontDesk): Promise<Message[]> {
    const res = await c.get(`/v1/conversations/${conversationId}/messages`, who.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as { data: Message[] }).data;
  }

  const download = (messageId: string, attachmentId: string, who: StaffMember = frontDesk) =>
    c
      .get(`/v1/messages/${messageId}/attachments/${attachmentId}`, who.accessToken)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const downloads = async (attachmentId: string) =>
    (await auditTrail(app, admin.practiceId)).filter(
      (e) => e.action === 'attachment.downloaded' && e.target?.id === attachmentId,
    );

  it('lists an MMS photo on its message and downloads the identical bytes, each download audited', async () => {
    const { messageId, conversationId } = await textIn([{ contentType: 'image/png', content: PNG }]);
    const message = (await messagesOf(conversationId)).find((m) => m.id === messageId)!;
    expect(message.body).toBe('A photo of the rash');
    expect(message.attachments).toEqual([
      { id: expect.any(String), fileName: 'attachment-1.png', contentType: 'image/png', size: PNG.length },
    ]);
    const [photo] = message.attachments;

    for (const who of [frontDesk, admin]) {
      const res = await download(messageId, photo!.id, who);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="attachment-1.png"; filename*=UTF-8''attachment-1.png`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const events = await downloads(photo!.id);
    expect(events.map((e) => e.actor.id).toSorted()).toEqual([frontDesk.userId, admin.userId].toSorted());
    expect(events[0]!.metadata).toEqual({
      messageId,
      conversationId,
      bytes: PNG.length,
      contentType: 'image/png',
    });
  });

  it("downloads an email's PDF under its own name (safely encoded), never as HTML or anything off the list", async () => {
    const { messageId, conversationId } = await emailIn([
      { filename: PDF_NAME, contentType: 'application/pdf', content: PDF },
      { filename: 'notes.txt', contentType: 'text/plain', content: Buffer.from('<script>alert(1)</script>') },
    ]);
    const message = (await messagesOf(conversationId)).find((m) => m.id === messageId)!;
    expect(message.attachments).toEqual([
      { id: expect.any(String), fileName: PDF_NAME, contentType: 'application/pdf', size: PDF.length },
      { id: expect.any(String), fileName: 'notes.txt', contentType: 'text/plain', size: 25 },
    ]);
    const [pdf, notes] = message.attachments;

    const res = await download(messageId, pdf!.id);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(
      /^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/,
    );
    expect(dispositionName(disposition)).toBe(PDF_NAME);
    expect((await downloads(pdf!.id)).length).toBe(1);

    const text = await download(messageId, notes!.id);
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.headers['x-content-type-options']).toBe('nosniff');
    expect(text.headers['content-disposition']).toMatch(/^attachment;/);

    // The file name is PHI: it is in no audit event and no log line (the download was logged).
    const trail = JSON.stringify(await auditTrail(app, admin.practiceId));
    expect(trail).not.toContain('labo');
    expect(logs.join('\n')).toContain(`/attachments/${pdf!.id}`);
    expect(logs.join('\n')).not.toMatch(/labo|R\\u00e9sultats|Résultats/);
  });

  it("lists each message's own files when several messages of a page carry some", async () => {
    const from = freshEmail();
    const first = await emailIn(
      [{ filename: 'first.pdf', contentType: 'application/pdf', content: PDF }],
      from,
    );
    const second = await emailIn(
      [
        { filename: 'second-a.png', contentType: 'image/png', content: PNG },
        { filename: 'second-b.pdf', contentType: 'application/pdf', content: PDF },
      ],
      from,
    );
    expect(second.conversationId).toBe(first.conversationId);
    const page = await messagesOf(first.conversationId);
    expect(page.map((m) => [m.id, m.attachments.map((a) => a.fileName)])).toEqual([
      [second.messageId, ['second-a.png', 'second-b.pdf']],
      [first.messageId, ['first.pdf']],
    ]);
  });

  it('serves a stored type off the list as application/octet-stream', async () => {
    const { messageId, conversationId } = await emailIn([
      { filename: 'scan.pdf', contentType: 'application/pdf', content: PDF },
    ]);
    const [attachment] = (await messagesOf(conversationId)).find((m) => m.id === messageId)!.attachments;
    // As if a type were stored that a later list no longer serves (defence in depth).
    await owner.query(`UPDATE attachments SET content_type = 'text/html' WHERE id = $1`, [attachment!.id]);
    const res = await download(messageId, attachment!.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
  });

  it("billing downloads only from conversations it may see (403 audited, as the inbox); other practices' ids 404", async () => {
    const { messageId, conversationId } = await textIn([{ contentType: 'image/png', content: PNG }]);
    const [photo] = (await messagesOf(conversationId)).find((m) => m.id === messageId)!.attachments;

    // Not tagged billing, not assigned: the same answer as the conversation's messages page.
    const page = await c.get(`/v1/conversations/${conversationId}/messages`, billing.accessToken);
    expect(page.status).toBe(403);
    const refused = await download(messageId, photo!.id, billing);
    expect(refused.status).toBe(403);
    expect(JSON.parse((refused.body as Buffer).toString())).toMatchObject({ error: { code: 'forbidden' } });
    const trail = await auditTrail(app, admin.practiceId);
    expect(
      trail.some(
        (e) =>
          e.action === 'conversation.access_denied' &&
          e.actor.id === billing.userId &&
          e.target?.id === conversationId &&
          e.outcome === 'denied',
      ),
    ).toBe(true);
    expect(await downloads(photo!.id)).toEqual([]);

    await c
      .patch(`/v1/conversations/${conversationId}`, { tags: ['billing'] }, admin.accessToken)
      .expect(200);
    const allowed = await download(messageId, photo!.id, billing);
    expect(allowed.status).toBe(200);
    expect(Buffer.compare(allowed.body as Buffer, PNG)).toBe(0);
    expect((await downloads(photo!.id)).map((e) => e.actor.id)).toEqual([billing.userId]);

    // Another practice's staff: 404 like an unknown id, nothing read, nothing recorded as a download.
    expect((await download(messageId, photo!.id, other)).status).toBe(404);
    expect((await download(randomUUID(), photo!.id)).status).toBe(404);
    expect((await download(messageId, randomUUID())).status).toBe(404);
    expect((await download(messageId, 'not-a-uuid')).status).toBe(404);
    // An attachment named under a message it does not belong to.
    const another = await textIn([{ contentType: 'image/png', content: PNG }], 'another');
    expect((await download(another.messageId, photo!.id)).status).toBe(404);
    expect((await downloads(photo!.id)).length).toBe(1);
  });

  /** A web form submission through the public intake route, as a practice's website posts it. */
  async function submitForm(fields: Record<string, unknown>) {
    const form = await createPublicChannel(app, owner, 'webform', { tenantId: admin.practiceId });
    await request(app.getHttpServer())
      .post(`/v1/public/forms/${form.publicKey}/submissions`)
      .set('Origin', SITE)
      .send({ name: 'Web Visitor', email: freshEmail(), message: 'New patient here', fields })
      .expect(202);
    return stored(
      `SELECT m.id, m.conversation_id FROM messages m WHERE m.tenant_id = $1 AND m.channel = 'webform'
       ORDER BY m.created_at DESC LIMIT 1`,
      [admin.practiceId],
    );
  }

  it("shows a web form submission's structured fields on its message", async () => {
    const fields = { insurance: 'Delta Dental', preferredTime: 'mornings', returning: false, visits: 2 };
    const { messageId, conversationId } = await submitForm(fields);
    const [message] = await messagesOf(conversationId);
    expect(message).toMatchObject({ id: messageId, channel: 'webform', body: 'New patient here', fields });
    expect(message!.attachments).toEqual([]);
    // Fields are PHI: stored encrypted, read through channels (form_submissions' owner).
    const { rows } = await owner.query(`SELECT fields_enc FROM form_submissions WHERE message_id = $1`, [
      messageId,
    ]);
    expect(rows[0].fields_enc.includes(Buffer.from('Delta Dental'))).toBe(false);
  });

  it('a messages page costs the same round trips whatever the number of attachments on it (no query per message)', async () => {
    const one = await textIn([], 'no files');
    const many = await textIn([
      { contentType: 'image/png', content: PNG },
      { contentType: 'application/pdf', content: PDF },
    ]);
    const form = await submitForm({ reason: 'cleaning' });
    const db = app.get(TenantDb);
    const pool = (app.get(DataSource).driver as unknown as { master: pg.Pool }).master;
    const client = await pool.connect();
    const counter = countRoundTrips(client);
    const spy = vi
      .spyOn(db, 'forTenant')
      .mockImplementation((tenantId, work) => db.forTenantOn(client, tenantId, work));
    try {
      const tripsOf = async (conversationId: string) => {
        await messagesOf(conversationId);
        const before = counter.trips();
        const data = await messagesOf(conversationId);
        return { trips: counter.trips() - before, files: data.flatMap((m) => m.attachments).length };
      };
      const plain = await tripsOf(one.conversationId);
      const withFiles = await tripsOf(many.conversationId);
      expect(plain.files).toBe(0);
      expect(withFiles.files).toBe(2);
      // The read's audit event, the page and its files, and COMMIT: one round trip.
      expect(plain.trips).toBe(1);
      expect(withFiles.trips).toBe(1);
      // A page with web form messages: then their fields, through channels, in one short
      // transaction (BEGIN and the query together, then COMMIT).
      expect((await tripsOf(form.conversationId)).trips).toBe(3);
    } finally {
      spy.mockRestore();
      counter.restore();
      client.release();
    }
  });

  it('serves every type channels store as itself (the lists agree)', () => {
    expect([...EMAIL_ATTACHMENT_TYPES].filter((type) => !SERVED_CONTENT_TYPES.has(type))).toEqual([]);
  });
});
