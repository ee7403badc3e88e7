import { BlockList, isIP } from 'node:net';

/**
 * Addresses no outbound fetch may reach: this host, private networks, link-local (cloud
 * metadata at 169.254.169.254), shared/reserved/multicast space, and IPv6's equivalents.
 * BlockList checks an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) against the IPv4 rules; NAT64
 * forms are refused wholesale, since a NAT64 gateway turns them into any IPv4 address.
 */
const NOT_PUBLIC = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3], // multicast, reserved and broadcast
  ] as const)
    list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of [
    ['::', 127], // unspecified and loopback
    ['64:ff9b::', 96],
    ['64:ff9b:1::', 48],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const)
    list.addSubnet(network, prefix, 'ipv6');
  return list;
})();

/** Whether `address` (a literal IPv4 or IPv6 address) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const bare = address.split('%')[0]!; // a zone id only ever comes with link-local
  const version = isIP(bare);
  if (version === 0) return false;
  return !NOT_PUBLIC.check(bare, version === 4 ? 'ipv4' : 'ipv6');
}
