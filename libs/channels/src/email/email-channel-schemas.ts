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
  /**
   * The account (or subuser) plain PHI email leaves through: the app sets its Enforced TLS
   * (`require_tls`, `require_valid_cert`), so SendGrid drops rather than deliver such an email
   * without TLS.
   */
  sendgridApiKey: z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(512)
    .meta({
      description:
        'SendGrid API key of the account (or subuser) plain PHI email leaves through. The app turns on its ' +
        'Enforced TLS (require_tls, require_valid_cert) before the first PHI email, so SendGrid drops an email ' +
        'rather than deliver it without TLS; the key needs the user.settings.enforced_tls scope.',
    }),
  /**
   * A second account's key for PHI-free mail (secure-link notices, consent requests, codes,
   * reminders, auto-replies), which must reach servers without TLS too; without it they leave
   * through `sendgridApiKey` and so require TLS as well.
   */
  sendgridNoticeApiKey: z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(512)
    .optional()
    .meta({
      description:
        'SendGrid API key of a second account (or subuser) without Enforced TLS, for PHI-free email: secure-link ' +
        'notices, consent requests, codes, reminders, auto-replies. Without it these go through sendgridApiKey and ' +
        "so reach only servers that take TLS. Point this account's Event Webhook at the same events URL.",
    }),
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
