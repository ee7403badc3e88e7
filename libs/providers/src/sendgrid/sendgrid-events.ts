import { z } from 'zod';
import type { ReportedStatus } from '../delivery-status.js';
import { type ParseResult, problemsOf, refused } from '../parse-result.js';

/**
 * One Event Webhook event as far as we read it. SendGrid adds fields over time; unknown ones
 * are dropped, never stored (several carry the recipient address or the bounce text).
 */
/** Ids and names are stored or looked up as text, which cannot hold a NUL character. */
const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\0'), 'must not contain NUL characters');

/**
 * The description SendGrid gives a message its Enforced TLS dropped: the recipient's server could
 * not negotiate TLS (or show a valid certificate), sent as a block event (`bounce`, type
 * `blocked`). Matched without regard to case, as a part of the reason.
 */
export const TLS_REFUSAL_DESCRIPTION = 'TLS required but not supported';
const TLS_REFUSAL = new RegExp(TLS_REFUSAL_DESCRIPTION, 'i');

const eventSchema = z
  .object({
    event: text(1, 64),
    sg_event_id: text(1, 100).optional(),
    sg_message_id: text(1, 256).optional(),
    /** Our message id, sent as a custom arg with every outbound email. */
    messageId: text(0, 64).optional(),
    timestamp: z.number().int().nonnegative().optional(),
    /** On `bounce`: `bounce` (permanent) or `blocked` (a temporary refusal). */
    type: text(0, 32).optional(),
    /** The provider's or the server's words (may quote the address): read for the TLS refusal only, never kept. */
    reason: z.string().optional(),
  })
  .transform(({ reason, ...event }) => ({
    ...event,
    /** Enforced TLS dropped the message: its recipient's server cannot take it over TLS. */
    tlsRefused:
      (event.event === 'bounce' || event.event === 'dropped') &&
      reason !== undefined &&
      TLS_REFUSAL.test(reason),
  }));
export type SendGridEvent = z.output<typeof eventSchema>;

export const MAX_EVENTS_PER_BATCH = 1000;
export const eventBatchSchema = z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH);

/** A refused batch names its first problems only (a batch of 1000 bad events has thousands). */
const MAX_PROBLEMS = 20;

/** An Event Webhook post: 1 to 1000 events, each reduced to the fields above. */
export function parseSendGridEventBatch(body: unknown): ParseResult<SendGridEvent[]> {
  const parsed = eventBatchSchema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : refused(problemsOf(parsed.error, MAX_PROBLEMS));
}

/** SendGrid events that say something about delivery, in our status machine's words. */
const SENDGRID_STATUSES: Readonly<Record<string, ReportedStatus>> = {
  processed: 'sending',
  deferred: 'sending',
  delivered: 'delivered',
  open: 'read',
  bounce: 'undelivered',
  dropped: 'failed',
};

export type SuppressionReason = 'bounce' | 'dropped' | 'spamreport' | 'unsubscribe';

/**
 * Events after which SendGrid will not (or we must not) email that address again. A TLS refusal
 * is not one: the address works, only not over TLS (a secure notice may still go to it).
 */
export function suppressionReason(
  event: Pick<SendGridEvent, 'event' | 'type'> & { tlsRefused?: boolean },
): SuppressionReason | null {
  if (event.tlsRefused) return null;
  switch (event.event) {
    case 'bounce':
      return event.type === 'blocked' ? null : 'bounce';
    case 'dropped':
    case 'spamreport':
      return event.event;
    case 'unsubscribe':
    case 'group_unsubscribe':
      return 'unsubscribe';
    default:
      return null;
  }
}

export function fromSendGridEvent(event: string): ReportedStatus | null {
  return Object.hasOwn(SENDGRID_STATUSES, event) ? SENDGRID_STATUSES[event]! : null;
}

/** A code for the failure (the provider's reason text may quote the address: never kept). */
export function sendGridErrorCode(event: string): string | null {
  return event === 'bounce' || event === 'dropped' ? `sendgrid_${event}` : null;
}

/** The X-Message-Id part of an sg_message_id (`<id>.filter...`), what a send stored as provider id. */
export function sendGridMessageId(sgMessageId: string): string {
  return sgMessageId.split('.')[0]!;
}
