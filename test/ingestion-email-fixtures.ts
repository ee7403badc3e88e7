import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID, sign } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { ChannelsService, type EmailChannelView } from '@app/channels';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';
import { requestContext } from '@app/observability';

/** Shared by the email e2e tests: practices with a SendGrid channel, and Event Webhook signing. */

export interface EmailPractice {
  tenantId: string;
  channel: EmailChannelView;
  inboundDomain: string;
  /** The signing half of the channel's eventWebhookPublicKey, as SendGrid holds it. */
  eventKey: KeyObject;
}

export const freshEmail = (): string => `patient-${randomBytes(5).toString('hex')}@example.org`;
export const messageIdHeader = (): string => `<${randomBytes(12).toString('hex')}@mail.example.org>`;

/** An Inbound Parse post in parsed mode (the fields SendGrid sends) from a fresh sender; `extra` overrides. */
export function parsedInboundFields(
  practice: EmailPractice,
  extra: Record<string, string> = {},
): Record<string, string> {
  const from = freshEmail();
  const to = practice.channel.inboundAddress;
  return {
    headers: `From: Pat <${from}>\r\nTo: ${to}\r\nMessage-ID: ${messageIdHeader()}\r\nSubject: hi`,
    from: `Pat <${from}>`,
    to,
    subject: 'hi',
    text: 'hello',
    envelope: JSON.stringify({ to: [to], from }),
    ...extra,
  };
}

export async function createEmailPractice(app: INestApplication, owner: pg.Pool): Promise<EmailPractice> {
  const tenantId = randomUUID();
  await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Email test practice')`, [tenantId]);
  await app.get(TenantDb).forTenant(tenantId, (tx) => app.get(KeyRingService).createTenantKeys(tx));
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const inboundDomain = `in-${randomBytes(4).toString('hex')}.practice.example`;
  const channel = await requestContext.run({ tenantId, actor: { type: 'user', id: randomUUID() } }, () =>
    app.get(ChannelsService).create({
      type: 'email',
      name: 'Front desk email',
      inboundAddress: `frontdesk@${inboundDomain}`,
      fromAddress: `frontdesk@${inboundDomain}`,
      sendgridApiKey: `SG.${randomBytes(16).toString('hex')}`,
      eventWebhookPublicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    }),
  );
  return { tenantId, channel, inboundDomain, eventKey: pair.privateKey };
}

/** Signs an Event Webhook body as SendGrid does: ECDSA P-256 / SHA-256 over timestamp + body, DER base64. */
export function signEvents(key: KeyObject, body: string, now = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'X-Twilio-Email-Event-Webhook-Signature': sign('sha256', Buffer.from(timestamp + body), key).toString(
      'base64',
    ),
    'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
  };
}

/** An outbound email as the delivery worker (issue 7) will leave it: queued, with SendGrid's X-Message-Id. */
export async function insertOutboundEmail(
  owner: pg.Pool,
  practice: EmailPractice,
  conversationId: string,
): Promise<{ id: string; sgMessageId: string }> {
  const id = randomUUID();
  const sgMessageId = randomBytes(11).toString('base64url');
  await owner.query(
    `INSERT INTO messages (id, tenant_id, conversation_id, channel_id, channel, direction, kind, status, provider_message_id)
     VALUES ($1, $2, $3, $4, 'email', 'outbound', 'message', 'queued', $5)`,
    [id, practice.tenantId, conversationId, practice.channel.id, sgMessageId],
  );
  return { id, sgMessageId };
}
