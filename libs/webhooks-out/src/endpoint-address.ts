import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

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

/**
 * Non-public ranges: loopback, private, shared, link-local (cloud metadata), documentation,
 * multicast, reserved. One list per family: a BlockList matches IPv4 addresses against an IPv6
 * ::ffff:0:0/96 entry, which would refuse every IPv4 address.
 */
const NON_PUBLIC_V4 = new BlockList();
const NON_PUBLIC_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NON_PUBLIC_V4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4-mapped, IPv4-compatible, NAT64, 6to4 and Teredo carry an IPv4 address: none is a
  // receiver's address, and each could smuggle a private one.
  ['::ffff:0:0', 96],
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  ['2001::', 32],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC_V6.addSubnet(net, prefix, 'ipv6');

/** True when `address` (an IP literal) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !NON_PUBLIC_V4.check(address, 'ipv4') : !NON_PUBLIC_V6.check(address, 'ipv6');
}

/** The URL's form alone: absolute, https (or http when allowed), no credentials. */
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
