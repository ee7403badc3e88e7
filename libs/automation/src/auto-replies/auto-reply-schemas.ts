import { z } from 'zod';
import {
  AUTO_REPLY_CHANNELS,
  AUTO_REPLY_PLACEHOLDERS,
  type AutoReplyChannel,
  TEMPLATE_MAX_LENGTH,
  unknownPlaceholders,
} from './auto-reply-templates.js';

const E164 = /^\+[1-9]\d{6,14}$/;
export const DEFAULT_THROTTLE_HOURS = 12;
export const MAX_THROTTLE_HOURS = 168;
const ALLOWED = AUTO_REPLY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** Anything that looks like markup: auto-replies are plain text on every channel. */
const MARKUP = /<[a-zA-Z/!?]/;

function template(channel: AutoReplyChannel) {
  return z
    .string()
    .trim()
    .min(1)
    .max(TEMPLATE_MAX_LENGTH[channel])
    .meta({
      description:
        `Plain text, PHI-free. Placeholders allowed: ${ALLOWED}; no others.` +
        (channel === 'sms' || channel === 'webform' ? ' At most 2 SMS segments once filled.' : ''),
    })
    .refine((body) => !MARKUP.test(body), { message: 'must be plain text (no markup)' })
    .superRefine((body, ctx) => {
      const unknown = unknownPlaceholders(body);
      if (unknown.length > 0)
        ctx.addIssue({ code: 'custom', message: `only these placeholders are allowed: ${ALLOWED}` });
    });
}

function kindSchema(description: string) {
  return z
    .strictObject({
      enabled: z.boolean(),
      sms: template('sms').optional(),
      email: template('email').optional(),
      chat: template('chat').optional(),
      webform: template('webform').optional().meta({
        description: "Sent to the form's own email (else its phone) of a new contact, never to a claim",
      }),
    })
    .meta({ description }) satisfies z.ZodType<
    { enabled: boolean } & Partial<Record<AutoReplyChannel, string>>
  >;
}

export const autoRepliesSchema = z.strictObject({
  afterHours: kindSchema(
    'Answer an inbound message outside business hours (none while hours were never set)',
  ),
  firstContact: kindSchema("Acknowledge a new contact's first message (inside business hours)"),
  throttleHours: z
    .number()
    .int()
    .min(1)
    .max(MAX_THROTTLE_HOURS)
    .optional()
    .meta({ description: 'At most one auto-reply per contact and channel in this many hours (default 12)' }),
  practicePhone: z
    .string()
    .regex(E164, 'must be a phone number in E.164 form (+15555550123)')
    .nullable()
    .optional()
    .meta({ description: 'Fills {practicePhone} (default: the practice’s smsHelpContactNumber)' }),
  link: z
    .string()
    .max(500)
    .refine(isHttpsUrl, 'must be an https URL')
    .nullable()
    .optional()
    .meta({ description: 'Fills {link}: an https URL (booking page, website)' }),
});

export type AutoRepliesInput = z.output<typeof autoRepliesSchema>;

const kindView = z.strictObject({
  enabled: z.boolean(),
  sms: z.string().optional(),
  email: z.string().optional(),
  chat: z.string().optional(),
  webform: z.string().optional(),
});

export const autoRepliesViewSchema = z.strictObject({
  afterHours: kindView,
  firstContact: kindView,
  throttleHours: z.number().int(),
  practicePhone: z.string().nullable(),
  link: z.string().nullable(),
  configured: z.boolean().meta({ description: 'false until the auto-replies were first set (all off)' }),
});

export type AutoRepliesView = z.output<typeof autoRepliesViewSchema>;

export const AUTO_REPLY_CHANNEL_LIST: readonly AutoReplyChannel[] = AUTO_REPLY_CHANNELS;
