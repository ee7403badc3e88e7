import type { Request } from 'express';
import twilio from 'twilio';
import { AppError } from '@app/observability';

/** A Twilio webhook as received, before anything is trusted. */
export interface TwilioWebhookRequest {
  channelId: string;
  /** The URL Twilio signed: PUBLIC_BASE_URL + path + query (what the channel's webhook URL says). */
  url: string;
  signature: string | null;
  params: Record<string, string>;
}

const MAX_SIGNATURE_LENGTH = 256;

/**
 * Reads a Twilio webhook from the HTTP request: form-encoded only (415 otherwise), flat
 * string fields only (400 for repeated or nested ones, which Twilio never sends).
 */
export function readTwilioWebhook(
  req: Request,
  channelId: string,
  publicBaseUrl: string,
): TwilioWebhookRequest {
  if (!req.is('application/x-www-form-urlencoded')) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Twilio webhooks are form-encoded (application/x-www-form-urlencoded)',
    );
  }
  const header = req.headers['x-twilio-signature'];
  const signature =
    typeof header === 'string' && header.length > 0 && header.length <= MAX_SIGNATURE_LENGTH ? header : null;
  return { channelId, url: `${publicBaseUrl}${req.originalUrl}`, signature, params: flatForm(req.body) };
}

function flatForm(body: unknown): Record<string, string> {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  if (body === undefined || body === null) return params;
  if (typeof body !== 'object' || Array.isArray(body)) throw notFlat();
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw notFlat();
    params[key] = value;
  }
  return params;
}

function notFlat(): AppError {
  // Names no field and echoes nothing: keys and values are the sender's text.
  return AppError.validation([
    { path: '(body)', message: 'repeated or nested form fields are not accepted' },
  ]);
}

/** Twilio's own check (HMAC-SHA1 of URL + sorted params with the channel's auth token). */
export function hasValidTwilioSignature(authToken: string, request: TwilioWebhookRequest): boolean {
  if (!request.signature) return false;
  try {
    return twilio.validateRequest(authToken, request.signature, request.url, { ...request.params });
  } catch {
    // A URL the SDK cannot split is not a URL Twilio signed.
    return false;
  }
}
