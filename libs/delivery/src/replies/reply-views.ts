import { z } from 'zod';
import { INBOX_CHANNELS } from '@app/conversations';

/** What the reply and message-status routes answer; the OpenAPI document is written from these. */

const MESSAGE_ID = '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const CONVERSATION_ID = '0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f';
const AT = '2026-03-02T14:05:09.123Z';

const routeReason = z
  .string()
  .nullable()
  .meta({
    description:
      'Why a reply goes as a secure link (no_consent, consent_declined, consent_revoked, has_attachments, ' +
      'no_tls: the mail server of the address refused a TLS-required email within the noTlsRecheckDays setting, ...)',
  });

export const replyResultSchema = z.object({
  messageId: z.uuid(),
  channel: z.enum(['sms', 'email', 'chat']),
  deliveryRoute: z.enum(['plain', 'secure_link', 'chat']).meta({
    description:
      'plain: the text itself (consent for that address); secure_link: a PHI-free notice with a link to ' +
      'the secure message page; chat: answered in the live website chat',
  }),
  routeReason,
  status: z
    .string()
    .meta({ description: 'queued for SMS and email (sent by the worker); a chat reply is sent' }),
});
export const replyResultExample = {
  messageId: MESSAGE_ID,
  channel: 'sms',
  deliveryRoute: 'secure_link',
  routeReason: 'no_consent',
  status: 'queued',
} satisfies z.input<typeof replyResultSchema>;

export const messageStatusSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  channel: z.enum(INBOX_CHANNELS),
  kind: z.enum(['message', 'note', 'system']),
  status: z.string().meta({
    description:
      'Outbound: queued, sending, sent, delivered, read, failed, undelivered; inbound: received; notes: internal',
  }),
  deliveryRoute: z.enum(['plain', 'secure_link', 'chat']).nullable(),
  routeReason,
  error: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .meta({ description: 'Why delivery failed: a code and a fixed text (never provider text)' }),
  attempts: z.number().int().min(0).meta({ description: 'Delivery attempts so far' }),
  retractedAt: z.iso.datetime().nullable().meta({
    description: 'Staff retracted this secure message: its links are dead, the patient no longer sees it',
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const messageStatusExample = {
  id: MESSAGE_ID,
  conversationId: CONVERSATION_ID,
  direction: 'outbound',
  channel: 'sms',
  kind: 'message',
  status: 'delivered',
  deliveryRoute: 'plain',
  routeReason: null,
  error: null,
  attempts: 1,
  retractedAt: null,
  createdAt: AT,
  updatedAt: AT,
} satisfies z.input<typeof messageStatusSchema>;
