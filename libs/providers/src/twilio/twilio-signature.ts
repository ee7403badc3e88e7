import type { IncomingHttpHeaders } from 'node:http';
import twilio from 'twilio';

/** What Twilio signed: the URL it posted to and the form fields, with the signature it sent. */
export interface TwilioSignedRequest {
  /** The URL Twilio signed: the public base URL + path + query (what the webhook URL says). */
  url: string;
  signature: string | null;
  params: Record<string, string>;
}

const MAX_SIGNATURE_LENGTH = 256;

/** The X-Twilio-Signature header, or null when it is missing, repeated or implausibly long. */
export function readTwilioSignature(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-twilio-signature'];
  return typeof header === 'string' && header.length > 0 && header.length <= MAX_SIGNATURE_LENGTH
    ? header
    : null;
}

/** Twilio's own check (HMAC-SHA1 of URL + sorted params with the channel's auth token). */
export function hasValidTwilioSignature(authToken: string, request: TwilioSignedRequest): boolean {
  if (!request.signature) return false;
  try {
    return twilio.validateRequest(authToken, request.signature, request.url, { ...request.params });
  } catch {
    // A URL the SDK cannot split is not a URL Twilio signed.
    return false;
  }
}
