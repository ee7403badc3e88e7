import { z } from 'zod';

/** Admin input for an email (SendGrid) channel; joins the channel discriminated union. */
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const createEmailChannelSchema = z.strictObject({
  type: z.literal('email'),
  name: z.string().trim().min(1).max(200),
  /** The address patients write to (its domain's MX points at SendGrid Inbound Parse). */
  inboundAddress: email,
  fromAddress: email,
  fromName: z.string().trim().min(1).max(200).optional(),
  sendgridApiKey: z.string().min(8, 'must be at least 8 characters').max(512),
  /** Base64 DER (SPKI) P-256 key from SendGrid's signed Event Webhook settings. */
  eventWebhookPublicKey: z.string().trim().min(1).max(1024).optional(),
});
export type CreateEmailChannelInput = z.infer<typeof createEmailChannelSchema>;

/**
 * What PATCH /v1/channels/:id adds for email channels (the generic PATCH schema spreads these in;
 * other channel types refuse them).
 */
export const updateEmailChannelFields = {
  /** A new key (SendGrid rotated it), or null to drop it: the channel then gets a new events URL secret. */
  eventWebhookPublicKey: z.string().trim().min(1).max(1024).nullable().optional(),
  /** Issues a new events URL secret (answered once in `webhooks.events`); the old one stops working. */
  rotateEventsSecret: z.literal(true).optional(),
};

/** The email-only fields a PATCH body sets, for channel types they do not apply to. */
export function emailOnlyFields(patch: object): string[] {
  return Object.keys(updateEmailChannelFields).filter(
    (key) => (patch as Record<string, unknown>)[key] !== undefined,
  );
}
