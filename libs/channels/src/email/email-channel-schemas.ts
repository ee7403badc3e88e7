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
