import { describe, expect, it } from 'vitest';
import { parseEndpointUrl, vetEndpointUrl } from './endpoint-address.js';

/** A resolver answering `answers` for any name. */
const resolve = (answers: string[]) => async () =>
  answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('outbound webhook addresses (SSRF)', () => {
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
