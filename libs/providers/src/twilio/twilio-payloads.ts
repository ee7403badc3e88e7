import { z } from 'zod';
import { type ParseResult, type PayloadProblem, problemsOf, refused } from '../parse-result.js';

/**
 * The fields we use from Twilio's webhooks, read after the signature. Twilio sends many more
 * (geography, segments); they are signed but ignored.
 */

/** Twilio caps an inbound message at 1600 characters; anything far beyond is not Twilio. */
export const MAX_INBOUND_BODY_CHARS = 4096;
/** Twilio delivers at most 10 media per MMS. */
export const MAX_MEDIA = 10;

const sid = (prefixes: string) =>
  z.string().regex(new RegExp(`^(${prefixes})[0-9a-fA-F]{32}$`), `must be a Twilio ${prefixes} sid`);
const address = z.string().trim().min(1).max(64);
const mediaUrl = z
  .string()
  .max(2048)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
    message: 'must be an http(s) URL',
  });
const contentType = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'must be a media type');

/** The inbound webhook's fields we read (exported for the webhook's OpenAPI request body). */
export const twilioInboundFields = z.object({
  MessageSid: sid('SM|MM'),
  AccountSid: sid('AC'),
  From: address,
  To: address,
  Body: z.string().max(MAX_INBOUND_BODY_CHARS).default(''),
  NumMedia: z
    .string()
    .regex(/^(10|[0-9])$/, `must be 0 to ${MAX_MEDIA}`)
    .default('0')
    .transform(Number),
  /** Set by Twilio Advanced Opt-Out when it recognised STOP/START/HELP. */
  OptOutType: z.string().max(32).optional(),
});

/** An inbound SMS/MMS webhook: who wrote to which number, the text and the media Twilio holds. */
export interface TwilioInboundMessage {
  messageSid: string;
  accountSid: string;
  from: string;
  to: string;
  body: string;
  optOutType: string | null;
  media: Array<{ url: string; contentType: string | null }>;
}

export function parseTwilioInbound(params: Record<string, string>): ParseResult<TwilioInboundMessage> {
  const parsed = twilioInboundFields.safeParse(params);
  if (!parsed.success) return refused(problemsOf(parsed.error));
  const data = parsed.data;
  const media: TwilioInboundMessage['media'] = [];
  let problems: PayloadProblem[] | null = null;
  for (let i = 0; i < data.NumMedia; i++) {
    const url = mediaUrl.safeParse(params[`MediaUrl${i}`]);
    const type = contentType.optional().safeParse(params[`MediaContentType${i}`]);
    if (!url.success) (problems ??= []).push({ path: `MediaUrl${i}`, message: 'must be an http(s) URL' });
    if (!type.success)
      (problems ??= []).push({ path: `MediaContentType${i}`, message: 'must be a media type' });
    if (url.success && type.success)
      media.push({ url: url.data, contentType: type.data?.toLowerCase() ?? null });
  }
  if (problems) return refused(problems);
  return {
    ok: true,
    value: {
      messageSid: data.MessageSid,
      accountSid: data.AccountSid,
      from: data.From,
      to: data.To,
      body: data.Body,
      optOutType: data.OptOutType ?? null,
      media,
    },
  };
}

/** The status callback's fields we read (exported for the webhook's OpenAPI request body). */
export const twilioStatusFields = z.object({
  MessageSid: sid('SM|MM'),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z
    .string()
    .regex(/^\d{0,10}$/, 'must be a number')
    .optional()
    .transform((v) => v || null),
});

/** A status callback: which message, Twilio's status (lower-cased) and its error code if any. */
export interface TwilioStatusCallback {
  messageSid: string;
  status: string;
  errorCode: string | null;
}

export function parseTwilioStatusCallback(params: Record<string, string>): ParseResult<TwilioStatusCallback> {
  // Older callbacks carry only SmsStatus; MessageStatus wins when both are present. Only the
  // three fields read are passed on (the schema drops every other one anyway).
  const parsed = twilioStatusFields.safeParse({
    MessageSid: params.MessageSid,
    MessageStatus: params.MessageStatus ?? params.SmsStatus,
    ErrorCode: params.ErrorCode,
  });
  if (!parsed.success) return refused(problemsOf(parsed.error));
  return {
    ok: true,
    value: {
      messageSid: parsed.data.MessageSid,
      status: parsed.data.MessageStatus.toLowerCase(),
      errorCode: parsed.data.ErrorCode,
    },
  };
}
