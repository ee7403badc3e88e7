import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const maxMedia = 10;

export const twilioInboundSchema = z
  .object({
    to: z.string().min(1),
    from: z.string().min(1),
    body: z.string().default(''),
    webhookUrl: httpUrl,
    authToken: z.string().min(1),
    accountSid: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits')
      .optional(),
    messagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must be MG followed by 32 hex digits')
      .optional(),
    /** Reuse a sid to simulate Twilio delivering the same message twice. */
    messageSid: z
      .string()
      .regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be SM or MM followed by 32 hex digits')
      .optional(),
    /** Media hosted elsewhere, passed through as MediaUrlN. */
    mediaUrls: z.array(httpUrl).max(maxMedia).default([]),
    /** Content types of `mediaUrls`, same order; guessed from the extension when missing. */
    mediaContentTypes: z.array(z.string().min(1)).default([]),
    /** Media the sandbox hosts at /sandbox/media/:id (Basic auth: accountSid + authToken). */
    media: z
      .array(z.object({ contentType: z.string().min(1), contentBase64: z.base64() }))
      .max(maxMedia)
      .default([]),
    /** Shorthand: this many placeholder PNGs hosted by the sandbox. */
    numMedia: z.number().int().min(0).max(maxMedia).default(0),
  })
  .refine((v) => v.mediaUrls.length + v.media.length + v.numMedia <= maxMedia, {
    message: `at most ${maxMedia} media in total`,
    path: ['numMedia'],
  });
export type TwilioInboundInput = z.infer<typeof twilioInboundSchema>;

export const sendGridInboundSchema = z
  .object({
    to: z.string().min(1),
    from: z.string().min(1),
    cc: z.string().min(1).optional(),
    subject: z.string().default(''),
    text: z.string().optional(),
    html: z.string().optional(),
    webhookUrl: httpUrl,
    /** "Post the raw, full MIME message": an `email` field instead of parsed fields. */
    raw: z.boolean().default(false),
    headers: z.record(z.string(), z.string()).default({}),
    attachments: z
      .array(
        z.object({
          filename: z.string().min(1),
          contentType: z.string().min(1).default('application/octet-stream'),
          content: z.string().optional(),
          contentBase64: z.base64().optional(),
          contentId: z.string().min(1).optional(),
        }),
      )
      .max(20)
      .default([]),
    senderIp: z.string().default('127.0.0.1'),
    spf: z.string().default('pass'),
    dkim: z.string().optional(),
  })
  .refine((v) => v.attachments.every((a) => a.content !== undefined || a.contentBase64 !== undefined), {
    message: 'each attachment needs content or contentBase64',
    path: ['attachments'],
  });
export type SendGridInboundInput = z.infer<typeof sendGridInboundSchema>;
