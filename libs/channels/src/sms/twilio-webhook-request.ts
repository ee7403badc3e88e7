import twilio from 'twilio';
import { AppError, type DirectRequest } from '@app/observability';

/** A Twilio webhook as received, before anything is trusted. */
export interface TwilioWebhookRequest {
  channelId: string;
  /** The URL Twilio signed: PUBLIC_BASE_URL + path + query (what the channel's webhook URL says). */
  url: string;
  signature: string | null;
  params: Record<string, string>;
}

const MAX_SIGNATURE_LENGTH = 256;

/** body-parser's default; Twilio sends a few dozen. */
const MAX_FIELDS = 1000;

/**
 * Reads a Twilio webhook from the HTTP request: form-encoded UTF-8 only (415 otherwise), flat
 * string fields only (400 for repeated ones, which Twilio never sends).
 */
export function readTwilioWebhook(request: DirectRequest, publicBaseUrl: string): TwilioWebhookRequest {
  const [mediaType = '', ...contentTypeParams] = (request.headers['content-type'] ?? '').split(';');
  const charset = contentTypeParams
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  if (
    mediaType.trim().toLowerCase() !== 'application/x-www-form-urlencoded' ||
    (charset && charset !== 'utf-8')
  ) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Twilio webhooks are form-encoded (application/x-www-form-urlencoded, UTF-8)',
    );
  }
  const encoding = request.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new AppError(415, 'unsupported_media_type', 'Compressed webhook bodies are not accepted');
  }
  const header = request.headers['x-twilio-signature'];
  const signature =
    typeof header === 'string' && header.length > 0 && header.length <= MAX_SIGNATURE_LENGTH ? header : null;
  return {
    channelId: request.params.channelId!,
    url: `${publicBaseUrl}${request.url}`,
    signature,
    params: flatForm(request.body.toString('utf8')),
  };
}

function flatForm(body: string): Record<string, string> {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const [key, value] of new URLSearchParams(body)) {
    if (++count > MAX_FIELDS) throw new AppError(413, 'payload_too_large', 'The form has too many fields');
    // Names no field and echoes nothing: keys and values are the sender's text.
    if (key in params) {
      throw AppError.validation([{ path: '(body)', message: 'repeated form fields are not accepted' }]);
    }
    params[key] = value;
  }
  return params;
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
