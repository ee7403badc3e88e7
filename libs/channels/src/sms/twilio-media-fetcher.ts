import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';

/** What we accept from MMS: pictures, PDFs, contact cards, short audio/video. */
export const MEDIA_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
  'text/vcard',
  'text/x-vcard',
  'audio/mpeg',
  'audio/mp4',
  'audio/amr',
  'video/mp4',
  'video/3gpp',
]);
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

export type MediaFailure =
  'host_not_allowed' | 'fetch_failed' | 'timeout' | 'content_type_not_allowed' | 'too_large' | 'empty';

export type MediaFetchResult =
  { ok: true; contentType: string; content: Buffer } | { ok: false; reason: MediaFailure };

/**
 * Downloads MMS media with the channel's credentials (Twilio media may require HTTP Basic).
 * Credentials only ever go to Twilio's hosts (or the configured TWILIO_API_BASE_URL, e.g. the
 * sandbox); a cross-origin redirect (Twilio hands media out from its CDN) drops them, as fetch does.
 */
@Injectable()
export class TwilioMediaFetcher {
  private readonly extraOrigin: string | null;

  constructor(@Inject(APP_CONFIG) config: Pick<CoreConfig, 'TWILIO_API_BASE_URL'>) {
    this.extraOrigin = config.TWILIO_API_BASE_URL ? new URL(config.TWILIO_API_BASE_URL).origin : null;
  }

  async fetch(url: string, auth: { accountSid: string; authToken: string }): Promise<MediaFetchResult> {
    if (!this.isAllowed(url)) return { ok: false, reason: 'host_not_allowed' };
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          Authorization: `Basic ${Buffer.from(`${auth.accountSid}:${auth.authToken}`).toString('base64')}`,
        },
        redirect: 'follow',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (err) {
      return { ok: false, reason: isTimeout(err) ? 'timeout' : 'fetch_failed' };
    }
    if (!response.ok) return discard(response, 'fetch_failed');
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!MEDIA_CONTENT_TYPES.has(contentType)) return discard(response, 'content_type_not_allowed');
    if (Number(response.headers.get('content-length') ?? 0) > MAX_MEDIA_BYTES)
      return discard(response, 'too_large');
    return readCapped(response, contentType);
  }

  isAllowed(url: string): boolean {
    if (!URL.canParse(url)) return false;
    const target = new URL(url);
    if (this.extraOrigin && target.origin === this.extraOrigin) return true;
    const host = target.hostname;
    return target.protocol === 'https:' && (host === 'twilio.com' || host.endsWith('.twilio.com'));
  }
}

/** Reads the body up to the limit; stops downloading as soon as it is exceeded. */
async function readCapped(response: Response, contentType: string): Promise<MediaFetchResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      // Leaving the loop cancels the stream: the rest is never downloaded.
      if (size > MAX_MEDIA_BYTES) return { ok: false, reason: 'too_large' };
      chunks.push(Buffer.from(chunk));
    }
  } catch (err) {
    return { ok: false, reason: isTimeout(err) ? 'timeout' : 'fetch_failed' };
  }
  if (size === 0) return { ok: false, reason: 'empty' };
  return { ok: true, contentType, content: Buffer.concat(chunks) };
}

async function discard(response: Response, reason: MediaFailure): Promise<MediaFetchResult> {
  await response.body?.cancel().catch(() => undefined);
  return { ok: false, reason };
}

function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}
