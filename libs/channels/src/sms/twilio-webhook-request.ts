import type { IncomingHttpHeaders } from 'node:http';
import { AppError, hasMediaType } from '@app/observability';
import { type TwilioSignedRequest, readTwilioSignature } from '@app/providers';

/** A Twilio webhook as received, before anything is trusted; `url` is PUBLIC_BASE_URL + path + query. */
export interface TwilioWebhookRequest extends TwilioSignedRequest {
  channelId: string;
}

/** A webhook as the HTTP layer hands it over: the raw URL, headers, and the form as parsed. */
export interface ReceivedWebhook {
  /** Path and query exactly as received (what Twilio signs, after PUBLIC_BASE_URL). */
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed form (a repeated field as a list), or whatever else the body was. */
  body: unknown;
}

/**
 * Reads a Twilio webhook from the HTTP request: form-encoded UTF-8 only (415 otherwise; the body
 * parser refused other charsets, compressed bodies and over 1000 fields already), flat string
 * fields only (400 for repeated ones, which Twilio never sends).
 */
export function readTwilioWebhook(
  request: ReceivedWebhook,
  channelId: string,
  publicBaseUrl: string,
): TwilioWebhookRequest {
  if (!hasMediaType(request, 'application/x-www-form-urlencoded')) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Twilio webhooks are form-encoded (application/x-www-form-urlencoded, UTF-8)',
    );
  }
  return {
    channelId,
    url: `${publicBaseUrl}${request.url}`,
    signature: readTwilioSignature(request.headers),
    params: flatForm(request.body),
  };
}

/** The parsed form as it is (the pipeline's parser made it, prototype-free), once no field repeats. */
function flatForm(body: unknown): Record<string, string> {
  if (body === undefined) return Object.create(null) as Record<string, string>; // an empty body
  const form = body as Record<string, unknown>;
  for (const key in form) {
    // Names no field and echoes nothing: keys and values are the sender's text.
    if (typeof form[key] !== 'string') {
      throw AppError.validation([{ path: '(body)', message: 'repeated form fields are not accepted' }]);
    }
  }
  return form as Record<string, string>;
}
