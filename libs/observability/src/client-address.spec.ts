import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@app/config';
import { clientAddressResolver, rateLimitAddress } from './client-address.js';

/** A request as the HTTP server hands it over: the peer's address and the forwarded chain. */
const fromPeer = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

const env = {
  DATABASE_URL: 'postgres://app:pw@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  JWT_SECRET: 'x'.repeat(32),
};

describe('clientAddressResolver', () => {
  const byDefault = clientAddressResolver(loadConfig('api', env).TRUSTED_PROXIES);

  it('believes X-Forwarded-For only from the loopback proxy by default', () => {
    expect(byDefault(fromPeer('127.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
    expect(byDefault(fromPeer('::1', '2001:db8::9'))).toBe('2001:db8::9');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy, private networks included', () => {
    for (const peer of ['198.51.100.4', '10.0.0.5', '172.16.0.9', '192.168.1.20', 'fd00::7', 'fe80::1'])
      expect(byDefault(fromPeer(peer, '203.0.113.9')), peer).toBe(peer);
  });

  it('walks the chain only while each hop is trusted', () => {
    const resolve = clientAddressResolver(
      loadConfig('api', { ...env, TRUSTED_PROXIES: '10.0.0.0/8' }).TRUSTED_PROXIES,
    );
    // The load balancer (10.0.0.2) names 198.51.100.4; what the client put before it is not believed.
    expect(resolve(fromPeer('10.0.0.2', '203.0.113.9, 198.51.100.4'))).toBe('198.51.100.4');
    expect(resolve(fromPeer('10.0.0.2', '203.0.113.9, 10.0.0.3'))).toBe('203.0.113.9');
    expect(resolve(fromPeer('127.0.0.1', '203.0.113.9'))).toBe('127.0.0.1');
  });

  it('trusts nobody when TRUSTED_PROXIES is none (the api faces clients directly)', () => {
    const resolve = clientAddressResolver(
      loadConfig('api', { ...env, TRUSTED_PROXIES: 'none' }).TRUSTED_PROXIES,
    );
    expect(resolve(fromPeer('127.0.0.1', '203.0.113.9'))).toBe('127.0.0.1');
  });
});

describe('TRUSTED_PROXIES', () => {
  it('defaults to loopback and reads addresses, CIDRs and keywords', () => {
    expect(loadConfig('api', env).TRUSTED_PROXIES).toEqual(['loopback']);
    expect(
      loadConfig('api', {
        ...env,
        TRUSTED_PROXIES: ' loopback, 10.0.0.0/8 ,fd00::/8, 192.0.2.7, uniquelocal',
      }).TRUSTED_PROXIES,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7', 'uniquelocal']);
  });

  it.each(['everything', 'none, loopback', '10.0.0.0/33', '10.0.0/8', 'fd00::/129', '*', 'true'])(
    'refuses %s',
    (value) => {
      expect(() => loadConfig('api', { ...env, TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
    },
  );
});

describe('rateLimitAddress', () => {
  it('keys IPv6 on the /64, so one subscriber cannot rotate through its own prefix', () => {
    expect(rateLimitAddress('2001:db8:1:2::a')).toBe(rateLimitAddress('2001:db8:1:2:ffff:1:2:3'));
    expect(rateLimitAddress('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(rateLimitAddress('2001:db8:1:3::a')).not.toBe(rateLimitAddress('2001:db8:1:2::a'));
    expect(rateLimitAddress('2001:DB8:0:0:1::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keys IPv4 (also IPv4-mapped) on the address', () => {
    expect(rateLimitAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitAddress('::ffff:cb00:7109')).toBe('203.0.113.9');
    expect(rateLimitAddress('203.0.113.10')).not.toBe(rateLimitAddress('203.0.113.9'));
  });

  it('puts an unknown or malformed address in one bucket', () => {
    expect(rateLimitAddress(undefined)).toBe('unknown');
    expect(rateLimitAddress('not-an-ip')).toBe('unknown');
  });
});
