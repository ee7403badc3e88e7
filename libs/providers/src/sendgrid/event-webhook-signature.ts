import { EventWebhook } from '@sendgrid/eventwebhook';

/** The Event Webhook's signature headers (Node lower-cases header names). */
export const EVENT_WEBHOOK_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const EVENT_WEBHOOK_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

const MAX_HEADER_LENGTH = 512;

/**
 * SendGrid signs each post when it sends it: a batch signed longer ago than this is a replay (a
 * captured post cannot be re-sent later to re-apply or reorder events).
 */
export const MAX_SIGNATURE_AGE_SECONDS = 10 * 60;
/** Clocks differ a little; a timestamp further ahead than this was not signed by a sender now. */
export const MAX_SIGNATURE_LEAD_SECONDS = 5 * 60;

/**
 * SendGrid's own check (ECDSA P-256 over timestamp + the exact body bytes), through the
 * official package. Anything malformed is simply "not valid", never an exception.
 */
export function hasValidEventSignature(
  publicKey: string,
  rawBody: Buffer,
  signature: string | null,
  timestamp: string | null,
): boolean {
  if (!signature || !timestamp) return false;
  if (signature.length > MAX_HEADER_LENGTH || !/^\d{1,20}$/.test(timestamp)) return false;
  try {
    const webhook = new EventWebhook();
    return webhook.verifySignature(webhook.convertPublicKeyToECDSA(publicKey), rawBody, signature, timestamp);
  } catch {
    return false;
  }
}

/** The signed timestamp (seconds) is within the window around `nowMs`; anything malformed is not. */
export function isFreshSignatureTimestamp(timestamp: string | null, nowMs: number): boolean {
  if (!timestamp || !/^\d{1,20}$/.test(timestamp)) return false;
  const ageSeconds = nowMs / 1000 - Number(timestamp);
  return ageSeconds <= MAX_SIGNATURE_AGE_SECONDS && ageSeconds >= -MAX_SIGNATURE_LEAD_SECONDS;
}
