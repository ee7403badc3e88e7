import { randomBytes } from 'node:crypto';

/** Twilio resource sid: a two-letter type prefix and 32 hex characters (SM..., MM..., ME..., AC...). */
export function twilioSid(prefix: 'SM' | 'MM' | 'ME' | 'AC' | 'PA'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** SendGrid-style opaque id (X-Message-Id, sg_event_id): 22 URL-safe base64 characters. */
export function sendGridId(): string {
  return randomBytes(16).toString('base64url');
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
