import { lookup } from 'node:dns/promises';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { MMS_CONTENT_TYPES } from '@app/conversations';
import { isPublicAddress } from '@app/providers';

export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
/** Twilio answers a media URL with one redirect to its CDN; a few more are tolerated, never a loop. */
const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Hosts (and their subdomains) a media URL may name: Twilio's API, which receives the credentials. */
const TWILIO_API_DOMAINS = ['twilio.com'];
/** Hosts a redirect may lead to: Twilio's API and its media CDN. */
const TWILIO_MEDIA_DOMAINS = ['twilio.com', 'twiliocdn.com'];

export type MediaFailure =
  | 'host_not_allowed'
  | 'too_many_redirects'
  | 'fetch_failed'
  | 'timeout'
  | 'content_type_not_allowed'
  | 'too_large'
  | 'empty';

/** Every address a host name resolves to (the resolver is replaceable for tests). */
export type HostResolver = (hostname: string) => Promise<string[]>;
export const MEDIA_HOST_RESOLVER = Symbol('MEDIA_HOST_RESOLVER');

const resolveWithDns: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export type MediaFetchResult =
  { ok: true; contentType: string; content: Buffer } | { ok: false; reason: MediaFailure };

/**
 * Downloads MMS media with the channel's credentials (Twilio media may require HTTP Basic).
 * Credentials only ever go to Twilio's hosts (or the configured TWILIO_API_BASE_URL, e.g. the
 * sandbox), and only to the media URL's own origin: a redirect to another origin (Twilio hands
 * media out from its CDN) drops them. Redirects are followed here, a bounded number, each hop
 * checked again like the first (https, a Twilio host, resolving to public addresses only), so a
 * redirect cannot turn the fetch against an internal address.
 */
@Injectable()
export class TwilioMediaFetcher {
  private readonly extraOrigin: string | null;

  constructor(
    @Inject(APP_CONFIG) config: Pick<CoreConfig, 'TWILIO_API_BASE_URL'>,
    @Optional() @Inject(MEDIA_HOST_RESOLVER) private readonly resolveHost: HostResolver = resolveWithDns,
  ) {
    this.extraOrigin = config.TWILIO_API_BASE_URL ? new URL(config.TWILIO_API_BASE_URL).origin : null;
  }

  async fetch(url: string, auth: { accountSid: string; authToken: string }): Promise<MediaFetchResult> {
    if (!this.isAllowed(url)) return { ok: false, reason: 'host_not_allowed' };
    const credentialsOrigin = new URL(url).origin;
    const authorization = `Basic ${Buffer.from(`${auth.accountSid}:${auth.authToken}`).toString('base64')}`;
    const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    let target = new URL(url);
    for (let redirects = 0; ; redirects++) {
      const destination = await this.checkDestination(target);
      if (destination !== 'allowed') return { ok: false, reason: destination };
      let response: Response;
      try {
        response = await fetch(target, {
          headers: target.origin === credentialsOrigin ? { Authorization: authorization } : {},
          redirect: 'manual',
          signal,
        });
      } catch (err) {
        return { ok: false, reason: isTimeout(err) ? 'timeout' : 'fetch_failed' };
      }
      if (!REDIRECT_STATUSES.has(response.status)) return this.accept(response);
      const location = response.headers.get('location');
      await response.body?.cancel().catch(() => undefined);
      if (redirects >= MAX_REDIRECTS) return { ok: false, reason: 'too_many_redirects' };
      if (!location || !URL.canParse(location, target)) return { ok: false, reason: 'fetch_failed' };
      const next = new URL(location, target);
      if (!this.mayRedirectTo(next)) return { ok: false, reason: 'host_not_allowed' };
      target = next;
    }
  }

  /** The first URL: Twilio's API over https, or the configured API base. */
  isAllowed(url: string): boolean {
    if (!URL.canParse(url)) return false;
    const target = new URL(url);
    if (this.isConfiguredOrigin(target)) return true;
    return target.protocol === 'https:' && inDomains(target.hostname, TWILIO_API_DOMAINS);
  }

  private mayRedirectTo(target: URL): boolean {
    if (this.isConfiguredOrigin(target)) return true;
    return target.protocol === 'https:' && inDomains(target.hostname, TWILIO_MEDIA_DOMAINS);
  }

  /** The configured API base (the sandbox, a test server) is the operator's choice, wherever it is. */
  private isConfiguredOrigin(target: URL): boolean {
    return this.extraOrigin !== null && target.origin === this.extraOrigin;
  }

  /**
   * Every address the host resolves to must be public: a Twilio name pointing inside the network
   * (a poisoned resolver, a stale record) is refused rather than fetched. fetch resolves again to
   * connect; the names are Twilio's own (checked above), not ones a sender can point elsewhere.
   */
  private async checkDestination(target: URL): Promise<'allowed' | MediaFailure> {
    if (this.isConfiguredOrigin(target)) return 'allowed';
    let addresses: string[];
    try {
      addresses = await this.resolveHost(target.hostname);
    } catch {
      return 'fetch_failed'; // resolution trouble is transient: the sweeper tries again
    }
    if (addresses.length === 0) return 'fetch_failed';
    return addresses.every(isPublicAddress) ? 'allowed' : 'host_not_allowed';
  }

  private accept(response: Response): Promise<MediaFetchResult> {
    if (!response.ok) return discard(response, 'fetch_failed');
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!MMS_CONTENT_TYPES.has(contentType)) return discard(response, 'content_type_not_allowed');
    if (Number(response.headers.get('content-length') ?? 0) > MAX_MEDIA_BYTES)
      return discard(response, 'too_large');
    return readCapped(response, contentType);
  }
}

function inDomains(hostname: string, domains: readonly string[]): boolean {
  return domains.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
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
