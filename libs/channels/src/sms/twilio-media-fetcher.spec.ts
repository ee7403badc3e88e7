import { once } from 'node:events';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MEDIA_BYTES, TwilioMediaFetcher } from './twilio-media-fetcher.js';

const AUTH = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'secret-token' };

describe('TwilioMediaFetcher', () => {
  let server: Server;
  let origin: string;
  // Stands for a service inside the network (metadata endpoint, admin port): media must never reach it.
  let internal: Server;
  let internalOrigin: string;
  const internalHits: string[] = [];
  const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  let bytesSent = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      if (req.url === '/png')
        return void res.writeHead(200, { 'Content-Type': 'image/png; charset=binary' }).end('PNG');
      if (req.url === '/exe')
        return void res.writeHead(200, { 'Content-Type': 'application/x-msdownload' }).end('MZ');
      if (req.url === '/empty') return void res.writeHead(200, { 'Content-Type': 'image/png' }).end();
      if (req.url === '/missing') return void res.writeHead(404).end();
      if (req.url === '/declared-huge')
        return void res
          .writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(MAX_MEDIA_BYTES + 1) })
          .end();
      if (req.url === '/redirect') return void res.writeHead(302, { Location: '/png' }).end();
      if (req.url === '/to-internal')
        return void res.writeHead(302, { Location: `${internalOrigin}/secret` }).end();
      if (req.url === '/to-cdn')
        return void res.writeHead(307, { Location: 'https://mms.twiliocdn.com/m' }).end();
      if (req.url === '/to-lookalike')
        return void res.writeHead(302, { Location: 'https://mms.twiliocdn.com.evil.example/m' }).end();
      if (req.url === '/to-plain-http')
        return void res.writeHead(302, { Location: 'http://mms.twiliocdn.com/m' }).end();
      if (req.url === '/loop') return void res.writeHead(302, { Location: '/loop' }).end();
      if (req.url === '/endless') {
        // Chunked, no length: the fetcher must stop reading once past the limit.
        res.writeHead(200, { 'Content-Type': 'image/jpeg' });
        const chunk = Buffer.alloc(256 * 1024);
        const pump = () => {
          while (bytesSent < MAX_MEDIA_BYTES * 4) {
            bytesSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => res.destroy());
        return pump();
      }
      res.writeHead(500).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    internal = createServer((req, res) => {
      internalHits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'image/png' }).end('internal secret');
    });
    internal.listen(0, '127.0.0.1');
    await once(internal, 'listening');
    internalOrigin = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of [server, internal]) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  const fetcher = () => new TwilioMediaFetcher({ TWILIO_API_BASE_URL: origin });

  it('downloads an allowed type with the channel’s Basic credentials', async () => {
    const result = await fetcher().fetch(`${origin}/png`, AUTH);
    expect(result).toEqual({ ok: true, contentType: 'image/png', content: Buffer.from('PNG') });
    const auth = seen.find((s) => s.path === '/png')!.headers.authorization!;
    expect(Buffer.from(auth.replace('Basic ', ''), 'base64').toString()).toBe(
      `${AUTH.accountSid}:${AUTH.authToken}`,
    );
  });

  it('follows a redirect', async () => {
    expect(await fetcher().fetch(`${origin}/redirect`, AUTH)).toMatchObject({
      ok: true,
      contentType: 'image/png',
    });
  });

  it('refuses a redirect to a host off the allow-list, without contacting it', async () => {
    expect(await fetcher().fetch(`${origin}/to-internal`, AUTH)).toEqual({
      ok: false,
      reason: 'host_not_allowed',
    });
    expect(internalHits).toEqual([]);
  });

  it.each(['/to-lookalike', '/to-plain-http'])('refuses a redirect to %s', async (path) => {
    expect(await fetcher().fetch(`${origin}${path}`, AUTH)).toEqual({
      ok: false,
      reason: 'host_not_allowed',
    });
  });

  it('refuses a Twilio media host that resolves to a private, loopback or link-local address', async () => {
    for (const address of ['10.1.2.3', '127.0.0.1', '169.254.169.254', 'fd00::1', '::1', '::ffff:10.0.0.1']) {
      const resolver = async (host: string) => (host === 'mms.twiliocdn.com' ? [address] : ['198.51.100.7']);
      const viaRedirect = new TwilioMediaFetcher({ TWILIO_API_BASE_URL: origin }, resolver);
      expect(await viaRedirect.fetch(`${origin}/to-cdn`, AUTH), address).toEqual({
        ok: false,
        reason: 'host_not_allowed',
      });
      const direct = new TwilioMediaFetcher({ TWILIO_API_BASE_URL: undefined }, async () => [address]);
      expect(await direct.fetch('https://api.twilio.com/2010-04-01/Media/ME1', AUTH), address).toEqual({
        ok: false,
        reason: 'host_not_allowed',
      });
    }
  });

  it('stops after a bounded number of redirects', async () => {
    const before = seen.filter((s) => s.path === '/loop').length;
    expect(await fetcher().fetch(`${origin}/loop`, AUTH)).toEqual({
      ok: false,
      reason: 'too_many_redirects',
    });
    expect(seen.filter((s) => s.path === '/loop').length - before).toBeLessThanOrEqual(4);
  });

  it.each([
    ['/exe', 'content_type_not_allowed'],
    ['/empty', 'empty'],
    ['/missing', 'fetch_failed'],
    ['/declared-huge', 'too_large'],
  ])('refuses %s as %s', async (path, reason) => {
    expect(await fetcher().fetch(`${origin}${path}`, AUTH)).toEqual({ ok: false, reason });
  });

  it('stops downloading a body that grows past the limit', async () => {
    expect(await fetcher().fetch(`${origin}/endless`, AUTH)).toEqual({ ok: false, reason: 'too_large' });
    await new Promise((r) => setTimeout(r, 50));
    expect(bytesSent).toBeLessThan(MAX_MEDIA_BYTES * 4);
  });

  it('sends the credentials only to Twilio or the configured API base', async () => {
    const strict = new TwilioMediaFetcher({ TWILIO_API_BASE_URL: undefined });
    const before = seen.length;
    expect(await strict.fetch(`${origin}/png`, AUTH)).toEqual({ ok: false, reason: 'host_not_allowed' });
    expect(seen.length).toBe(before);
    expect(strict.isAllowed('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1')).toBe(
      true,
    );
    expect(strict.isAllowed('https://media.twiliocdn.com/x')).toBe(false);
    expect(strict.isAllowed('http://api.twilio.com/x')).toBe(false);
    expect(strict.isAllowed('https://api.twilio.com.evil.example/x')).toBe(false);
    expect(strict.isAllowed('not a url')).toBe(false);
  });
});
