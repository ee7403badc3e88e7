import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseEndpointUrl, vetEndpointUrl } from './endpoint-address.js';

/** A resolver answering `answers` for any name. */
const resolve = (answers: string[]) => async () =>
  answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('outbound webhook addresses (SSRF)', () => {
  it('refuses every non-public IPv4 and IPv6 range, mapped and embedded forms included', () => {
    for (const address of [
      '0.0.0.0',
      '10.0.0.1',
      '100.64.1.1',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.0.0.8',
      '192.0.2.1',
      '192.168.0.1',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::',
      '2001:0:4136:e378::1',
      '2001:db8::1',
      'fc00::1',
      'fd00:ec2::254',
      'fe80::1',
      'ff02::1',
      'not-an-ip',
    ])
      expect(isPublicAddress(address), address).toBe(false);
    for (const address of [
      '93.184.215.14',
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '2606:4700:4700::1111',
      '2a00:1450::1',
    ])
      expect(isPublicAddress(address), address).toBe(true);
  });

  it('takes absolute https URLs without credentials (http only where private addresses are allowed)', () => {
    expect(parseEndpointUrl('https://ehr.example.com/in#frag', false)?.toString()).toBe(
      'https://ehr.example.com/in',
    );
    expect(parseEndpointUrl('http://ehr.example.com/in', false)).toBeNull();
    expect(parseEndpointUrl('http://ehr.example.com/in', true)?.protocol).toBe('http:');
    expect(parseEndpointUrl('https://u:p@ehr.example.com/in', false)).toBeNull();
    expect(parseEndpointUrl('/relative', false)).toBeNull();
    expect(parseEndpointUrl('file:///etc/passwd', true)).toBeNull();
  });

  it('refuses a name when any of its addresses is not public, and picks the address to connect to', async () => {
    expect(
      await vetEndpointUrl('https://a.example/x', {
        allowPrivate: false,
        resolve: resolve(['93.184.215.14', '10.0.0.1']),
      }),
    ).toEqual({
      ok: false,
      reason: 'refused',
    });
    const ok = await vetEndpointUrl('https://a.example/x', {
      allowPrivate: false,
      resolve: resolve(['2606:4700:4700::1111']),
    });
    expect(ok).toMatchObject({ ok: true, address: '2606:4700:4700::1111', family: 6 });
    expect(
      await vetEndpointUrl('https://a.example/x', {
        allowPrivate: false,
        resolve: async () => {
          throw new Error('ENOTFOUND');
        },
      }),
    ).toEqual({ ok: false, reason: 'unresolvable' });
    expect(await vetEndpointUrl('https://[::ffff:10.0.0.1]/x', { allowPrivate: false })).toEqual({
      ok: false,
      reason: 'refused',
    });
    expect(await vetEndpointUrl('http://127.0.0.1:8080/x', { allowPrivate: true })).toMatchObject({
      ok: true,
      address: '127.0.0.1',
    });
  });
});
