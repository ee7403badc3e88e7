import { type KeyObject, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailChannelView } from '@app/channels';
import { createSendGridMailer } from '@app/providers';
import { StaffClient, type StaffMember, ownerPool } from '@app/testing';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import { startListeningApi, waitFor } from './ingestion-fixtures.js';
import {
  type EmailPractice,
  freshEmail,
  insertOutboundEmail,
  signEvents,
} from './ingestion-email-fixtures.js';

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;

const pathOf = (url: string) => new URL(url).pathname;

const newKeyPair = () => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
};

const bounce = (messageId: string) => [
  {
    event: 'bounce',
    type: 'bounce',
    email: 'patient@example.org',
    messageId,
    sg_event_id: randomBytes(12).toString('base64url'),
    timestamp: Math.floor(Date.now() / 1000),
  },
];

// Every Event Webhook post is authenticated: by SendGrid's ECDSA signature (fresh timestamp)
// when the channel has the public key, otherwise by the secret in the URL the channel
// advertises. A forged event (a bounce suppresses the patient's address) changes nothing.
describe('SendGrid Event Webhook authentication', () => {
  let sandbox: NestExpressApplication;
  let sandboxUrl: string;
  let app: INestApplication;
  let owner: pg.Pool;
  let client: StaffClient;
  let admin: StaffMember;

  interface EmailChannel {
    view: EmailChannelView;
    apiKey: string;
    /** What insertOutboundEmail needs (the key is the channel's only when created with it). */
    practice: EmailPractice;
  }

  async function createChannel(publicKey?: string): Promise<EmailChannel> {
    const domain = `in-${randomBytes(4).toString('hex')}.practice.example`;
    const apiKey = `SG.${randomBytes(16).toString('hex')}`;
    const res = await client.post(
      '/v1/channels',
      {
        type: 'email',
        name: 'Front desk email',
        inboundAddress: `frontdesk@${domain}`,
        fromAddress: `frontdesk@${domain}`,
        sendgridApiKey: apiKey,
        ...(publicKey ? { eventWebhookPublicKey: publicKey } : {}),
      },
      admin.accessToken,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = res.body as EmailChannelView;
    return {
      view,
      apiKey,
      practice: {
        tenantId: admin.practiceId,
        channel: view,
        inboundDomain: domain,
        eventKey: newKeyPair().privateKey,
      },
    };
  }

  /** An outbound email of the channel (in a conversation a real inbound email opened). */
  async function outbound(channel: EmailChannel): Promise<{ id: string; sgMessageId: string }> {
    const res = await fetch(`${sandboxUrl}/sandbox/sendgrid/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        to: channel.view.inboundAddress,
        from: `Pat Example <${freshEmail()}>`,
        subject: 'Question',
        text: 'Hello',
        webhookUrl: channel.view.webhooks.inboundParse,
      }),
    });
    expect(((await res.json()) as { status: number }).status).toBe(200);
    const { rows } = await owner.query(
      `SELECT conversation_id FROM messages WHERE channel_id = $1 AND direction = 'inbound'
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [channel.view.id],
    );
    const sent = await insertOutboundEmail(owner, channel.practice, rows[0].conversation_id);
    // Addressed to the patient, as a real send is: a bounce suppresses this address.
    await owner.query(
      `UPDATE messages m SET to_address_bidx = c.email_bidx
       FROM conversations v JOIN contacts c ON c.tenant_id = v.tenant_id AND c.id = v.contact_id
       WHERE m.id = $1 AND v.tenant_id = m.tenant_id AND v.id = m.conversation_id`,
      [sent.id],
    );
    return sent;
  }

  function postEvents(path: string, events: unknown[], headers: Record<string, string> = {}) {
    return request(app.getHttpServer())
      .post(path)
      .set(headers)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(events));
  }

  const plainEventsPath = (channel: EmailChannel) => `/webhooks/sendgrid/${channel.view.id}/events`;

  /** A batch to the channel's signed events URL, signed with `privateKey` (at `at`, else now). */
  const postSigned = (channel: EmailChannel, privateKey: KeyObject, events: unknown[], at?: Date) =>
    postEvents(plainEventsPath(channel), events, signEvents(privateKey, JSON.stringify(events), at));

  /** What a batch may have written: the message's status, the address suppression, the dedupe row. */
  async function effects(messageId: string, events: Array<{ sg_event_id: string }>) {
    const { rows } = await owner.query(
      `SELECT (SELECT status FROM messages WHERE id = $1) AS status,
              (SELECT count(*)::int FROM email_suppression_events WHERE message_id = $1) AS suppressions,
              (SELECT count(DISTINCT sg_event_id)::int FROM sendgrid_events WHERE sg_event_id = ANY($2::text[])) AS seen`,
      [messageId, events.map((e) => e.sg_event_id)],
    );
    return rows[0] as { status: string; suppressions: number; seen: number };
  }
  const untouched = { status: 'queued', suppressions: 0, seen: 0 };

  const patchChannel = (channel: EmailChannel, body: object) =>
    client.patch(`/v1/channels/${channel.view.id}`, body, admin.accessToken);

  /** Mail sent through the sandbox (as the delivery worker sends it); SendGrid's events go to `eventsUrl`. */
  async function sendThroughSandbox(channel: EmailChannel, messageId: string, eventsUrl: string) {
    const bearer = { Authorization: `Bearer ${channel.apiKey}`, 'Content-Type': 'application/json' };
    const settings = await fetch(`${sandboxUrl}/v3/user/webhooks/event/settings`, {
      method: 'PATCH',
      headers: bearer,
      body: JSON.stringify({ enabled: true, url: eventsUrl }),
    });
    expect(settings.status).toBe(200);
    const mailer = createSendGridMailer({ apiKey: channel.apiKey, baseUrl: sandboxUrl });
    const [response] = await mailer.send({
      to: freshEmail(),
      from: { email: channel.view.fromAddress },
      subject: 'A message from the practice',
      text: 'Please call us',
      customArgs: { messageId },
    });
    expect(response.statusCode).toBe(202);
  }
  const statusOf = async (id: string) =>
    (await owner.query(`SELECT status FROM messages WHERE id = $1`, [id])).rows[0].status as string;

  beforeAll(async () => {
    sandbox = await createSandboxApp({ logger: false });
    await sandbox.listen(0, '127.0.0.1');
    sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as AddressInfo).port}`;
    app = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    client = new StaffClient(app);
    admin = await client.signupPractice({ practiceName: 'Events auth practice' });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await owner?.end();
  });

  describe('a channel created without a public key', () => {
    it('refuses an unsigned forged bounce with 403: the patient’s address is not suppressed', async () => {
      const channel = await createChannel();
      const message = await outbound(channel);
      const forged = bounce(message.id);
      const res = await postEvents(plainEventsPath(channel), forged);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('invalid_secret');
      expect(await effects(message.id, forged)).toEqual(untouched);
    });

    it('authenticates events by the secret in the events URL it advertises (shown once, like inbound parse)', async () => {
      const channel = await createChannel();
      const { events } = channel.view.webhooks;
      expect(events).toMatch(/\/webhooks\/sendgrid\/[0-9a-f-]{36}\/events\/[A-Za-z0-9_-]{43}$/);
      expect(channel.view).toMatchObject({ eventsSigned: false, eventsAuth: 'url_secret' });
      const message = await outbound(channel);

      const wrong = bounce(message.id);
      const refused = await postEvents(
        `${plainEventsPath(channel)}/${randomBytes(32).toString('base64url')}`,
        wrong,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('invalid_secret');
      // A signature by a key the channel does not hold authenticates nothing either.
      const signedOnly = bounce(message.id);
      const body = JSON.stringify(signedOnly);
      const unknownKey = await postEvents(
        plainEventsPath(channel),
        signedOnly,
        signEvents(newKeyPair().privateKey, body),
      );
      expect(unknownKey.status).toBe(403);
      expect(await effects(message.id, [...wrong, ...signedOnly])).toEqual(untouched);

      const real = bounce(message.id);
      expect((await postEvents(pathOf(events), real)).status).toBe(200);
      expect(await effects(message.id, real)).toEqual({ status: 'undelivered', suppressions: 1, seen: 1 });

      const read = await client.get(`/v1/channels/${channel.view.id}`, admin.accessToken).expect(200);
      expect(read.body.webhooks.events).toBe(
        `${channel.view.webhooks.events.replace(/\/[^/]+$/, '')}/{secret}`,
      );
      expect(JSON.stringify(read.body)).not.toContain(events.split('/').pop());
    });

    it('a channel from before (neither key nor events secret) refuses events with 403 until PATCH gives it one', async () => {
      const channel = await createChannel();
      // As channels created before every channel had a way to authenticate its events.
      await owner.query(`UPDATE channels SET config = config - 'eventsSecretHash' WHERE id = $1`, [
        channel.view.id,
      ]);
      const message = await outbound(channel);
      const batch = bounce(message.id);
      const refused = await postEvents(plainEventsPath(channel), batch);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('events_unauthenticated');
      expect(refused.body.error.message).toContain('PATCH /v1/channels/');
      expect(await effects(message.id, batch)).toEqual(untouched);
      const read = await client.get(`/v1/channels/${channel.view.id}`, admin.accessToken).expect(200);
      expect(read.body).toMatchObject({ eventsAuth: 'none' });

      const rotated = await patchChannel(channel, { rotateEventsSecret: true }).expect(200);
      expect(rotated.body).toMatchObject({ eventsAuth: 'url_secret' });
      expect(rotated.body.webhooks.events).toMatch(/\/events\/[A-Za-z0-9_-]{43}$/);
      expect((await postEvents(pathOf(rotated.body.webhooks.events), batch)).status).toBe(200);
      expect(await effects(message.id, batch)).toMatchObject({ suppressions: 1 });
    });

    it('a rotated events secret replaces the old one at once', async () => {
      const channel = await createChannel();
      const message = await outbound(channel);
      const first = bounce(message.id);
      first[0]!.event = 'processed';
      expect((await postEvents(pathOf(channel.view.webhooks.events), first)).status).toBe(200);
      const rotated = await patchChannel(channel, { rotateEventsSecret: true }).expect(200);
      const old = bounce(message.id);
      const refused = await postEvents(pathOf(channel.view.webhooks.events), old);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('invalid_secret');
      expect(await effects(message.id, old)).toEqual({ status: 'sending', suppressions: 0, seen: 0 });
      expect((await postEvents(pathOf(rotated.body.webhooks.events), old)).status).toBe(200);
    });
  });

  describe('a channel with SendGrid’s public key', () => {
    it('refuses a correctly signed batch with a years-old or a future timestamp; applies a fresh one', async () => {
      const key = newKeyPair();
      const channel = await createChannel(key.publicKey);
      const message = await outbound(channel);
      for (const at of [new Date(Date.now() - TWO_YEARS_MS), new Date(Date.now() + 3600_000)]) {
        const batch = bounce(message.id);
        const res = await postSigned(channel, key.privateKey, batch, at);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('signature_expired');
        expect(await effects(message.id, batch)).toEqual(untouched);
      }
      const fresh = bounce(message.id);
      const res = await postSigned(channel, key.privateKey, fresh);
      expect(res.status).toBe(200);
      expect(await effects(message.id, fresh)).toEqual({ status: 'undelivered', suppressions: 1, seen: 1 });
      expect(channel.view.webhooks.events).toMatch(/\/events$/);
      expect(channel.view).toMatchObject({ eventsSigned: true, eventsAuth: 'signature' });
    });

    it('a key rotated through PATCH applies at once; the old key signs nothing any more', async () => {
      const oldKey = newKeyPair();
      const newKey = newKeyPair();
      const channel = await createChannel(oldKey.publicKey);
      const message = await outbound(channel);
      const signedBy = (key: typeof oldKey, events: unknown[]) => postSigned(channel, key.privateKey, events);
      // The channel's route is cached from this post on.
      expect((await signedBy(oldKey, [{ event: 'processed', messageId: message.id }])).status).toBe(200);

      const patched = await patchChannel(channel, { eventWebhookPublicKey: newKey.publicKey }).expect(200);
      expect(patched.body).toMatchObject({ eventsSigned: true, eventsAuth: 'signature' });
      const stale = bounce(message.id);
      const refused = await signedBy(oldKey, stale);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('invalid_signature');
      expect(await effects(message.id, stale)).toEqual({ status: 'sending', suppressions: 0, seen: 0 });
      expect((await signedBy(newKey, stale)).status).toBe(200);
    });

    it('PATCH refuses anything but a P-256 public key with 400, without echoing it, and changes nothing', async () => {
      const key = newKeyPair();
      const channel = await createChannel(key.publicKey);
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .publicKey.export({ format: 'der', type: 'spki' })
        .toString('base64');
      const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
        .publicKey.export({ format: 'der', type: 'spki' })
        .toString('base64');
      for (const bad of ['not-a-key-zzzz', rsa, p384, '', 'QUJD']) {
        const res = await patchChannel(channel, { eventWebhookPublicKey: bad });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        if (bad.length > 4) expect(JSON.stringify(res.body)).not.toContain(bad.slice(0, 40));
      }
      // Email-only fields do not apply to an SMS channel.
      const sms = await client
        .post(
          '/v1/channels',
          {
            type: 'sms',
            name: 'Main line',
            phoneNumber: '(555) 010-' + String(1000 + Math.floor(Math.random() * 8999)),
            twilioAccountSid: `AC${randomBytes(16).toString('hex')}`,
            twilioAuthToken: `tok_${randomBytes(16).toString('hex')}`,
          },
          admin.accessToken,
        )
        .expect(201);
      const onSms = await client.patch(
        `/v1/channels/${sms.body.id}`,
        { eventWebhookPublicKey: key.publicKey },
        admin.accessToken,
      );
      expect(onSms.status).toBe(400);
      const message = await outbound(channel);
      const batch = bounce(message.id);
      const res = await postSigned(channel, key.privateKey, batch);
      expect(res.status).toBe(200);
    });

    it('removing the key (null) switches the channel to a new events URL secret, never to unauthenticated', async () => {
      const key = newKeyPair();
      const channel = await createChannel(key.publicKey);
      const message = await outbound(channel);
      const patched = await patchChannel(channel, { eventWebhookPublicKey: null }).expect(200);
      expect(patched.body).toMatchObject({ eventsSigned: false, eventsAuth: 'url_secret' });
      expect(patched.body.webhooks.events).toMatch(/\/events\/[A-Za-z0-9_-]{43}$/);
      const unsigned = bounce(message.id);
      expect((await postEvents(plainEventsPath(channel), unsigned)).status).toBe(403);
      expect(await effects(message.id, unsigned)).toEqual(untouched);
      expect((await postEvents(pathOf(patched.body.webhooks.events), unsigned)).status).toBe(200);
    });
  });

  describe('with the sandbox posting as SendGrid does', () => {
    it('delivers its events to the secret URL, then signed ones after PATCH sets the sandbox’s key', async () => {
      const channel = await createChannel();
      const first = await outbound(channel);
      await sendThroughSandbox(channel, first.id, channel.view.webhooks.events);
      await waitFor(async () => (await statusOf(first.id)) === 'delivered');

      const signing = await fetch(`${sandboxUrl}/v3/user/webhooks/event/settings/signed`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${channel.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ enabled: true }),
      });
      const { public_key: publicKey } = (await signing.json()) as { public_key: string };
      const patched = await patchChannel(channel, { eventWebhookPublicKey: publicKey }).expect(200);
      const second = await outbound(channel);
      await sendThroughSandbox(channel, second.id, patched.body.webhooks.events);
      await waitFor(async () => (await statusOf(second.id)) === 'delivered');
    });
  });
});
