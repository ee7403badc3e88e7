import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from '@app/providers';

/**
 * Where an outbound webhook may go (SSRF). A URL is absolute, https (http only where the
 * operator allows private addresses: tests, development), without credentials; its host must
 * resolve, and every address it resolves to must be public. Checked at registration and again
 * before each attempt, whose connection then goes to the address vetted here (a DNS answer that
 * changes between the check and the connection, "rebinding", is never followed).
 */
export type AddressVerdict =
  | { ok: true; url: URL; address: string; family: 4 | 6 }
  | { ok: false; reason: 'invalid' | 'refused' | 'unresolvable' };

export type HostResolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const resolveWithDns: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export function parseEndpointUrl(raw: string, allowPrivate: boolean): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const schemeOk = url.protocol === 'https:' || (allowPrivate && url.protocol === 'http:');
  if (!schemeOk || url.username || url.password || !url.hostname) return null;
  url.hash = '';
  return url;
}

/** Vets a URL and picks the address to connect to (see the top of this file). */
export async function vetEndpointUrl(
  raw: string,
  options: { allowPrivate: boolean; resolve?: HostResolver },
): Promise<AddressVerdict> {
  const url = parseEndpointUrl(raw, options.allowPrivate);
  if (!url) return { ok: false, reason: 'invalid' };
  // A literal IPv6 host keeps its brackets in URL.hostname.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? resolveWithDns)(host);
    } catch {
      return { ok: false, reason: 'unresolvable' };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  // Every answer must be public: a name that also resolves privately could be steered there.
  if (!options.allowPrivate && !addresses.every((a) => isPublicAddress(a.address)))
    return { ok: false, reason: 'refused' };
  const chosen = addresses[0]!;
  return { ok: true, url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
