import { EventWebhook } from '@sendgrid/eventwebhook';

export const SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

const MAX_HEADER_LENGTH = 512;

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

export function singleHeader(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
