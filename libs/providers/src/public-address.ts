import { BlockList, isIP } from 'node:net';

/*
 * Where the app may open a connection to an address it learned from outside (SSRF): a Twilio
 * media URL's host, an outbound webhook endpoint's. One list for every outbound fetch.
 */

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

/** True when `address` (an IP literal; a zone id only ever comes with link-local) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.split('%')[0]!;
  const family = isIP(bare);
  if (family === 0) return false;
  return family === 4 ? !NON_PUBLIC_V4.check(bare, 'ipv4') : !NON_PUBLIC_V6.check(bare, 'ipv6');
}

/** The URL's form alone: absolute, https (or http when allowed), no credentials. */
