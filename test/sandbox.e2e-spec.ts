import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventWebhook, EventWebhookHeader } from '@sendgrid/eventwebhook';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSendGridMailer, createTwilioClient } from '@app/providers';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';

/** One request the in-test webhook receiver got. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A tiny HTTP server standing in for our API's webhook endpoints. */
class WebhookReceiver {
  readonly requests: Received[] = [];
  private readonly server: Server;
  /** Status and body to answer, per path; 200 with an empty TwiML response otherwise. */
  readonly answers = new Map<string, { status: number; body: string }>();
  /** Paths whose next request is never answered (a target that hangs). */
  readonly hangOnce = new Set<string>();

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.requests.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
        if (this.hangOnce.delete(path)) return;
        const answer = this.answers.get(path) ?? { status: 200, body: '<Response/>' };
        res.writeHead(answer.status, { 'Content-Type': 'text/xml' }).end(answer.body);
      });
    });
  }

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  to(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Polls until `read` returns a truthy value; the timeout is a failure, never an assertion by itself. */
async function waitFor<T>(
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function formParams(body: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
const AUTH_TOKEN = 'sandbox-auth-token-123';
const SENDGRID_KEY = 'SG.sandbox-test.key';
const FROM_NUMBER = '+15005550006';
/** Far above any answer of the in-test receiver, so only a hung request reaches it. */
const WEBHOOK_TIMEOUT_MS = 1_500;

let app: NestExpressApplication;
let sandboxUrl: string;
const receiver = new WebhookReceiver();
const usedNumbers = new Set<string>();

/** A recipient number no other test uses, so filters by `to` stay unambiguous. */
function freshNumber(): string {
  for (;;) {
    const number = `+1555${String(randomInt(10_000_000)).padStart(7, '0')}`;
    if (!usedNumbers.has(number)) {
      usedNumbers.add(number);
      return number;
    }
  }
}

function sandboxFetch(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${sandboxUrl}${path}`, init);
}

function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function twilioForm(fields: Record<string, string>, authorization?: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  };
}

const twilioClient = () =>
  createTwilioClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: sandboxUrl });

beforeAll(async () => {
  app = await createSandboxApp({
    logger: false,
    callbackDelayMs: 10,
    webhookRetryBaseMs: 20,
    webhookTimeoutMs: WEBHOOK_TIMEOUT_MS,
  });
  await app.listen(0, '127.0.0.1');
  sandboxUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  await receiver.start();
});

afterAll(async () => {
  await app?.close();
  await receiver.close();
});

beforeEach(async () => {
  await sandboxFetch('/sandbox/faults', { method: 'DELETE' });
});

describe('Twilio stand-in through the real twilio SDK', () => {
  it('creates a message with Twilio’s fields and shows it in /sandbox/messages', async () => {
    const to = freshNumber();
    const message = await twilioClient().messages.create({
      to,
      from: FROM_NUMBER,
      body: 'Hello from the clinic',
    });

    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.accountSid).toBe(ACCOUNT_SID);
    expect(message.to).toBe(to);
    expect(message.from).toBe(FROM_NUMBER);
    expect(message.body).toBe('Hello from the clinic');
    expect(message.status).toBe('queued');
    expect(message.numSegments).toBe('1');
    expect(message.direction).toBe('outbound-api');
    expect(message.errorCode).toBeNull();
    expect(message.uri).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${message.sid}.json`);
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Number.isNaN(message.dateCreated.getTime())).toBe(false);

    const listed = (await (
      await sandboxFetch(`/sandbox/messages?to=${encodeURIComponent(to)}`)
    ).json()) as Array<Record<string, unknown>>;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: message.sid,
      provider: 'twilio',
      to,
      from: FROM_NUMBER,
      body: 'Hello from the clinic',
      statusCallback: null,
    });
  });

  it('fetches and lists messages with their current status', async () => {
    const to = freshNumber();
    const client = twilioClient();
    const first = await client.messages.create({ to, from: FROM_NUMBER, body: 'one' });
    const second = await client.messages.create({ to, from: FROM_NUMBER, body: 'two' });

    const delivered = await waitFor(
      async () => (await client.messages(first.sid).fetch()).status === 'delivered',
    );
    expect(delivered).toBe(true);
    const fetched = await client.messages(first.sid).fetch();
    expect(fetched.dateSent).toBeInstanceOf(Date);

    // pageSize 1 makes the SDK follow next_page_uri, which it resolves against api.twilio.com.
    const listed = await client.messages.list({ to, pageSize: 1 });
    expect(listed.map((m) => m.sid)).toEqual([second.sid, first.sid]);

    await expect(client.messages(`SM${'0'.repeat(32)}`).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it.each([
    ['+15005550001', 21211],
    ['+15005550009', 21610],
    ['+15005550002', 21614],
  ])('rejects the magic number %s with RestException code %i', async (to, code) => {
    const attempt = twilioClient().messages.create({ to, from: FROM_NUMBER, body: 'x' });
    await expect(attempt).rejects.toBeInstanceOf(twilio.RestException);
    await expect(attempt).rejects.toMatchObject({ status: 400, code });
  });

  it('answers validation and auth errors in Twilio’s JSON shape', async () => {
    const path = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
    const basic = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

    const missingTo = await sandboxFetch(path, twilioForm({ From: FROM_NUMBER, Body: 'x' }, basic));
    expect(missingTo.status).toBe(400);
    expect(await missingTo.json()).toMatchObject({ code: 21604, status: 400, more_info: expect.any(String) });

    const missingBody = await sandboxFetch(path, twilioForm({ To: freshNumber(), From: FROM_NUMBER }, basic));
    expect(await missingBody.json()).toMatchObject({ code: 21602, status: 400 });

    const anonymous = await sandboxFetch(
      path,
      twilioForm({ To: freshNumber(), From: FROM_NUMBER, Body: 'x' }),
    );
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 20003, status: 401 });

    const otherAccount = `Basic ${Buffer.from(`AC${'b2'.repeat(16)}:${AUTH_TOKEN}`).toString('base64')}`;
    const wrongAccount = await sandboxFetch(
      path,
      twilioForm({ To: freshNumber(), From: FROM_NUMBER, Body: 'x' }, otherAccount),
    );
    expect(wrongAccount.status).toBe(401);
  });

  it('posts signed status callbacks, sent then delivered, that validateRequest accepts', async () => {
    const to = freshNumber();
    const callbackPath = `/webhooks/twilio/status/${to.slice(1)}`;
    const statusCallback = receiver.url(callbackPath);
    const message = await twilioClient().messages.create({
      to,
      from: FROM_NUMBER,
      body: 'Hi',
      statusCallback,
    });

    const callbacks = await waitFor(() => receiver.to(callbackPath).length >= 2 && receiver.to(callbackPath));
    const params = callbacks.map((c) => formParams(c.body));
    expect(params.map((p) => p.MessageStatus)).toEqual(['sent', 'delivered']);
    expect(params[0]).toMatchObject({
      MessageSid: message.sid,
      SmsSid: message.sid,
      SmsStatus: 'sent',
      AccountSid: ACCOUNT_SID,
      From: FROM_NUMBER,
      To: to,
      ApiVersion: '2010-04-01',
    });

    for (const [index, callback] of callbacks.entries()) {
      const signature = String(callback.headers['x-twilio-signature']);
      const signed = params[index]!;
      expect(twilio.validateRequest(AUTH_TOKEN, signature, statusCallback, signed)).toBe(true);
      expect(
        twilio.validateRequest(AUTH_TOKEN, signature, statusCallback, { ...signed, MessageStatus: 'failed' }),
      ).toBe(false);
      expect(twilio.validateRequest('another-token', signature, statusCallback, signed)).toBe(false);
    }

    const [record] = (await (
      await sandboxFetch(`/sandbox/messages?to=${encodeURIComponent(to)}`)
    ).json()) as Array<Record<string, unknown>>;
    expect(record).toMatchObject({ status: 'delivered', statusCallback });
  });

  it('accepts a Messaging Service send and reports a scripted undelivered outcome with its ErrorCode', async () => {
    const to = '+15005550010';
    const callbackPath = `/webhooks/twilio/undelivered/${randomInt(1_000_000)}`;
    const messagingServiceSid = `MG${'e5'.repeat(16)}`;
    const message = await twilioClient().messages.create({
      to,
      messagingServiceSid,
      body: 'Reminder',
      statusCallback: receiver.url(callbackPath),
    });
    expect(message).toMatchObject({ status: 'accepted', from: null, messagingServiceSid });

    const callbacks = await waitFor(() => receiver.to(callbackPath).length >= 2 && receiver.to(callbackPath));
    const last = formParams(callbacks[1]!.body);
    expect(last).toMatchObject({
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
      MessagingServiceSid: messagingServiceSid,
      From: FROM_NUMBER,
    });
  });

  it('retries a status callback the target answered with 503', async () => {
    const to = freshNumber();
    const callbackPath = `/webhooks/twilio/flaky/${to.slice(1)}`;
    receiver.answers.set(callbackPath, { status: 503, body: 'busy' });
    await twilioClient().messages.create({
      to,
      from: FROM_NUMBER,
      body: 'Hi',
      statusCallback: receiver.url(callbackPath),
    });

    await waitFor(() => receiver.to(callbackPath).length >= 2);
    receiver.answers.delete(callbackPath);
    const callbacks = await waitFor(() => {
      const statuses = receiver.to(callbackPath).map((c) => formParams(c.body).MessageStatus);
      return statuses.includes('delivered') && statuses;
    });
    expect(callbacks.filter((s) => s === 'sent').length).toBeGreaterThanOrEqual(2);
  });

  it('abandons a status callback the target never answers and posts it again', async () => {
    const to = freshNumber();
    const callbackPath = `/webhooks/twilio/hanging/${to.slice(1)}`;
    receiver.hangOnce.add(callbackPath);
    await twilioClient().messages.create({
      to,
      from: FROM_NUMBER,
      body: 'Hi',
      statusCallback: receiver.url(callbackPath),
    });

    const statuses = await waitFor(() => {
      const seen = receiver.to(callbackPath).map((c) => formParams(c.body).MessageStatus);
      return seen.includes('delivered') && seen;
    }, 4 * WEBHOOK_TIMEOUT_MS);
    // The unanswered `sent` timed out and went again; `delivered` only after it (awaited in order).
    expect(statuses).toEqual(['sent', 'sent', 'delivered']);
  });

  it('injects a 500 for the next matching send only, without recording it', async () => {
    const to = freshNumber();
    const fault = await sandboxFetch(
      '/sandbox/faults',
      jsonRequest('POST', { provider: 'twilio', to, status: 500, times: 1 }),
    );
    expect(fault.status).toBe(201);

    const client = twilioClient();
    await expect(client.messages.create({ to, from: FROM_NUMBER, body: 'first try' })).rejects.toMatchObject({
      status: 500,
      code: 20500,
    });
    const retried = await client.messages.create({ to, from: FROM_NUMBER, body: 'second try' });
    expect(retried.status).toBe('queued');

    const records = (await (
      await sandboxFetch(`/sandbox/messages?to=${encodeURIComponent(to)}`)
    ).json()) as Array<Record<string, unknown>>;
    expect(records.map((r) => r.body)).toEqual(['second try']);
  });

  it('posts a signed inbound SMS with hosted MMS media', async () => {
    const inboundPath = '/webhooks/twilio/inbound';
    const webhookUrl = receiver.url(inboundPath);
    const before = receiver.to(inboundPath).length;
    const response = await sandboxFetch(
      '/sandbox/twilio/inbound',
      jsonRequest('POST', {
        to: '+15550001111',
        from: '+15550002222',
        body: 'STOP please',
        webhookUrl,
        authToken: AUTH_TOKEN,
        accountSid: ACCOUNT_SID,
        numMedia: 1,
      }),
    );
    expect(response.status).toBe(200);
    const result = (await response.json()) as { status: number; body: string; messageSid: string };
    expect(result).toMatchObject({ status: 200, body: '<Response/>' });
    expect(result.messageSid).toMatch(/^MM[0-9a-f]{32}$/);

    const [request] = receiver.to(inboundPath).slice(before);
    expect(request).toBeDefined();
    const params = formParams(request!.body);
    expect(params).toMatchObject({
      MessageSid: result.messageSid,
      SmsMessageSid: result.messageSid,
      AccountSid: ACCOUNT_SID,
      From: '+15550002222',
      To: '+15550001111',
      Body: 'STOP please',
      NumMedia: '1',
      MediaContentType0: 'image/png',
    });
    const signature = String(request!.headers['x-twilio-signature']);
    expect(twilio.validateRequest(AUTH_TOKEN, signature, webhookUrl, params)).toBe(true);
    expect(twilio.validateRequest(AUTH_TOKEN, signature, webhookUrl, { ...params, Body: 'START' })).toBe(
      false,
    );

    const mediaUrl = String(params.MediaUrl0);
    expect((await fetch(mediaUrl)).status).toBe(401);
    const media = await fetch(mediaUrl, {
      headers: { Authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}` },
    });
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toMatch(/^image\/png/);
  });
});

describe('SendGrid stand-in through the real @sendgrid/mail SDK', () => {
  const eventsPath = '/webhooks/sendgrid/events';
  const bearer = { Authorization: `Bearer ${SENDGRID_KEY}` };

  it('sends with 202 and X-Message-Id, and posts signed events that @sendgrid/eventwebhook verifies', async () => {
    const settings = await sandboxFetch(
      '/v3/user/webhooks/event/settings',
      jsonRequest('PATCH', { enabled: true, url: receiver.url(eventsPath) }, bearer),
    );
    expect(settings.status).toBe(200);
    const signed = await sandboxFetch(
      '/v3/user/webhooks/event/settings/signed',
      jsonRequest('PATCH', { enabled: true }, bearer),
    );
    const { public_key: publicKey } = (await signed.json()) as { public_key: string };
    expect(publicKey.length).toBeGreaterThan(0);

    const mailer = createSendGridMailer({ apiKey: SENDGRID_KEY, baseUrl: sandboxUrl });
    const [response] = await mailer.send({
      to: 'patient@example.test',
      from: { email: 'clinic@example.test', name: 'Clinic' },
      subject: 'Your appointment',
      text: 'See you tomorrow',
      html: '<p>See you tomorrow</p>',
      customArgs: { messageId: 'msg-123', tenant: 't-1' },
    });
    expect(response.statusCode).toBe(202);
    const xMessageId = String(response.headers['x-message-id']);
    expect(xMessageId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const records = (await (await sandboxFetch('/sandbox/messages?to=patient@example.test')).json()) as Array<
      Record<string, unknown>
    >;
    expect(records[0]).toMatchObject({
      provider: 'sendgrid',
      messageId: xMessageId,
      to: 'patient@example.test',
      from: 'clinic@example.test',
      subject: 'Your appointment',
      text: 'See you tomorrow',
      customArgs: { messageId: 'msg-123', tenant: 't-1' },
    });

    const post = await waitFor(() =>
      receiver.to(eventsPath).find((r) => r.body.toString('utf8').includes(xMessageId)),
    );
    const events = JSON.parse(post.body.toString('utf8')) as Array<Record<string, unknown>>;
    expect(events.map((e) => e.event)).toEqual(['processed', 'delivered']);
    for (const event of events) {
      expect(event).toMatchObject({ email: 'patient@example.test', messageId: 'msg-123', tenant: 't-1' });
      expect(String(event.sg_message_id).startsWith(`${xMessageId}.`)).toBe(true);
      expect(event.sg_event_id).toEqual(expect.any(String));
      expect(event.timestamp).toEqual(expect.any(Number));
    }

    const signature = String(post.headers[EventWebhookHeader.SIGNATURE().toLowerCase()]);
    const timestamp = String(post.headers[EventWebhookHeader.TIMESTAMP().toLowerCase()]);
    const verifier = new EventWebhook();
    const key = verifier.convertPublicKeyToECDSA(publicKey);
    expect(verifier.verifySignature(key, post.body.toString('utf8'), signature, timestamp)).toBe(true);
    const tampered = post.body.toString('utf8').replace('"delivered"', '"bounce"');
    expect(verifier.verifySignature(key, tampered, signature, timestamp)).toBe(false);
    expect(
      verifier.verifySignature(key, post.body.toString('utf8'), signature, String(Number(timestamp) + 1)),
    ).toBe(false);
  });

  it('answers a revoked key with 401 and a missing subject with 400, in SendGrid’s error shape', async () => {
    const revoked = createSendGridMailer({ apiKey: 'SG.revoked.key', baseUrl: sandboxUrl });
    const mail = { to: 'a@example.test', from: 'b@example.test', subject: 'x', text: 'y' };
    await expect(revoked.send(mail)).rejects.toMatchObject({
      code: 401,
      response: { body: { errors: [expect.objectContaining({ message: expect.any(String), field: null })] } },
    });

    const noSubject = await sandboxFetch(
      '/v3/mail/send',
      jsonRequest(
        'POST',
        {
          personalizations: [{ to: [{ email: 'a@example.test' }] }],
          from: { email: 'b@example.test' },
          content: [{ type: 'text/plain', value: 'y' }],
        },
        bearer,
      ),
    );
    expect(noSubject.status).toBe(400);
    expect(await noSubject.json()).toEqual({
      errors: [
        expect.objectContaining({ field: 'subject', message: expect.stringMatching(/subject is required/) }),
      ],
    });
  });

  it('injects a 503 for the next matching send', async () => {
    await sandboxFetch(
      '/sandbox/faults',
      jsonRequest('POST', { provider: 'sendgrid', to: 'flaky@example.test', status: 503, times: 1 }),
    );
    const mailer = createSendGridMailer({ apiKey: SENDGRID_KEY, baseUrl: sandboxUrl });
    const mail = { to: 'flaky@example.test', from: 'b@example.test', subject: 'x', text: 'y' };
    await expect(mailer.send(mail)).rejects.toMatchObject({ code: 503 });
    const [response] = await mailer.send(mail);
    expect(response.statusCode).toBe(202);
  });

  it('posts Inbound Parse multipart forms, parsed and raw', async () => {
    const parsePath = '/webhooks/sendgrid/inbound/secret';
    const before = receiver.to(parsePath).length;
    const parsed = await sandboxFetch(
      '/sandbox/sendgrid/inbound',
      jsonRequest('POST', {
        to: 'Clinic <inbox@clinic.example.test>',
        from: 'Patient <patient@example.test>',
        subject: 'Question about my visit',
        text: 'Can I reschedule?',
        html: '<p>Can I reschedule?</p>',
        webhookUrl: receiver.url(parsePath),
        headers: { 'In-Reply-To': '<abc@sandbox>' },
        attachments: [{ filename: 'note.txt', contentType: 'text/plain', content: 'hello' }],
      }),
    );
    expect(parsed.status).toBe(200);
    expect(await parsed.json()).toMatchObject({ status: 200 });

    const raw = await sandboxFetch(
      '/sandbox/sendgrid/inbound',
      jsonRequest('POST', {
        to: 'inbox@clinic.example.test',
        from: 'patient@example.test',
        subject: 'Raw one',
        text: 'Raw body',
        webhookUrl: receiver.url(parsePath),
        raw: true,
      }),
    );
    expect(raw.status).toBe(200);

    const [parsedRequest, rawRequest] = receiver.to(parsePath).slice(before);
    const parsedForm = await new Response(new Uint8Array(parsedRequest!.body), {
      headers: { 'content-type': String(parsedRequest!.headers['content-type']) },
    }).formData();
    expect(parsedForm.get('subject')).toBe('Question about my visit');
    expect(parsedForm.get('text')).toBe('Can I reschedule?');
    expect(parsedForm.get('from')).toBe('Patient <patient@example.test>');
    expect(JSON.parse(String(parsedForm.get('envelope')))).toEqual({
      to: ['inbox@clinic.example.test'],
      from: 'patient@example.test',
    });
    expect(String(parsedForm.get('headers'))).toContain('In-Reply-To: <abc@sandbox>');
    // As SendGrid reports mail its sender's domain sent and signed (a pass the intake trusts).
    expect(parsedForm.get('SPF')).toBe('pass');
    expect(parsedForm.get('dkim')).toBe('{@example.test : pass}');
    expect(parsedForm.get('attachments')).toBe('1');
    const attachment = parsedForm.get('attachment1') as File;
    expect(attachment.name).toBe('note.txt');
    expect(await attachment.text()).toBe('hello');

    const rawForm = await new Response(new Uint8Array(rawRequest!.body), {
      headers: { 'content-type': String(rawRequest!.headers['content-type']) },
    }).formData();
    expect(rawForm.get('text')).toBeNull();
    expect(String(rawForm.get('email'))).toMatch(/^Received: .*\r\n/);
    expect(String(rawForm.get('email'))).toContain('Subject: Raw one\r\n');
    expect(String(rawForm.get('email'))).toContain('\r\n\r\nRaw body');
  });
});
