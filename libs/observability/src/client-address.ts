import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';

/**
 * The client's address as the api believes it: the connection's peer, or, when that peer is one
 * of `trustedProxies` (TRUSTED_PROXIES: addresses, CIDRs, proxy-addr keywords), the address it
 * names in X-Forwarded-For, hop by hop while each hop is trusted: what Fastify's `request.ip`
 * answers with `trustProxy` set to trustedProxyRule of the same list.
 */
export function clientAddressResolver(trustedProxies: readonly string[]): (req: IncomingMessage) => string {
  const trust = trustedProxyRule(trustedProxies);
  return (req) => proxyaddr(req, trust);
}

/** Whether a hop may name the one before it: Fastify's `trustProxy` for the api (request.ip). */
export function trustedProxyRule(
  trustedProxies: readonly string[],
): (address: string, hop: number) => boolean {
  return proxyaddr.compile([...trustedProxies]);
}

/**
 * What a per-address rate limit counts: an IPv4 address as is (IPv4-mapped IPv6 included), an
 * IPv6 address by its /64, since one subscriber or host is routinely handed a whole /64 and
 * would otherwise get 2^64 buckets.
 */
export function rateLimitAddress(ip: string | undefined): string {
  const bare = ip?.split('%')[0] ?? ''; // a zone id names an interface, not another host
  const version = isIP(bare);
  if (version === 4) return bare;
  if (version !== 6) return 'unknown';
  const groups = ipv6Groups(bare);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = hexGroups(head);
  const right = hexGroups(tail);
  const zeros = tail === undefined ? [] : Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

function hexGroups(part: string | undefined): number[] {
  return part ? part.split(':').map((g) => parseInt(g, 16)) : [];
}
