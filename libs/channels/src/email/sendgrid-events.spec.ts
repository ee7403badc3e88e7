import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nextStatus } from '@app/conversations';
import { MAX_SIGNATURE_AGE_SECONDS, MAX_SIGNATURE_LEAD_SECONDS, fromSendGridEvent } from '@app/providers';
import { hashInboundSecret, inboundSecretMatches, newInboundSecret } from './inbound-secret.js';
import { type EventsAuthProof, eventsAuthMode, eventsAuthRefusal } from './sendgrid-events-auth.js';

describe('SendGrid events in the status machine', () => {
  it('never moves a delivered email back on a late deferred or bounce', () => {
    expect(nextStatus('delivered', fromSendGridEvent('deferred')!)).toBeNull();
    expect(nextStatus('delivered', fromSendGridEvent('bounce')!)).toBeNull();
    expect(nextStatus('queued', fromSendGridEvent('delivered')!)).toBe('delivered');
  });
});

describe('inbound parse secret', () => {
  it('matches only the secret it was made from, in constant time over fixed-size hashes', () => {
    const { secret, hash } = newInboundSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(inboundSecretMatches(secret, hash)).toBe(true);
    expect(inboundSecretMatches(`${secret}x`, hash)).toBe(false);
    expect(inboundSecretMatches('', hash)).toBe(false);
    expect(inboundSecretMatches(secret, null)).toBe(false);
    expect(hashInboundSecret(secret).equals(hash)).toBe(true);
  });
});

describe('Event Webhook authentication', () => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const events = newInboundSecret();
  const nowMs = 1_800_000_000_000;
  const body = Buffer.from('[{"event":"bounce","type":"bounce","messageId":"m"}]');

  /** A post signed by `key` at `nowMs + offsetSeconds`. */
  const signed = (offsetSeconds: number, key = pair.privateKey): EventsAuthProof => {
    const timestamp = String(Math.floor(nowMs / 1000) + offsetSeconds);
    const signature = sign('sha256', Buffer.concat([Buffer.from(timestamp), body]), key).toString('base64');
    return { rawBody: body, signature, timestamp, urlSecret: null };
  };
  const unsigned = (urlSecret: string | null): EventsAuthProof => ({
    rawBody: body,
    signature: null,
    timestamp: null,
    urlSecret,
  });
  const codeOf = (settings: Parameters<typeof eventsAuthRefusal>[0], proof: EventsAuthProof) =>
    eventsAuthRefusal(settings, proof, nowMs)?.code ?? 'accepted';

  it('with a public key: a valid signature over a timestamp within 10 minutes back, 5 ahead, and nothing else', () => {
    const keyed = { publicKey, eventsSecretHash: null };
    expect(eventsAuthMode(keyed)).toBe('signature');
    expect(codeOf(keyed, signed(0))).toBe('accepted');
    expect(codeOf(keyed, signed(-MAX_SIGNATURE_AGE_SECONDS))).toBe('accepted');
    expect(codeOf(keyed, signed(MAX_SIGNATURE_LEAD_SECONDS))).toBe('accepted');
    expect(codeOf(keyed, signed(-MAX_SIGNATURE_AGE_SECONDS - 1))).toBe('signature_expired');
    expect(codeOf(keyed, signed(-2 * 365 * 86_400))).toBe('signature_expired');
    expect(codeOf(keyed, signed(MAX_SIGNATURE_LEAD_SECONDS + 1))).toBe('signature_expired');
    expect(codeOf(keyed, signed(0, other))).toBe('invalid_signature');
    expect(codeOf(keyed, { ...signed(0), rawBody: Buffer.from('[]') })).toBe('invalid_signature');
    expect(codeOf(keyed, { ...signed(0), rawBody: undefined })).toBe('invalid_signature');
    expect(codeOf(keyed, unsigned(null))).toBe('invalid_signature');
    // A URL secret the channel does not have authenticates nothing, signed or not.
    expect(codeOf(keyed, { ...signed(0), urlSecret: events.secret })).toBe('invalid_secret');
  });

  it('with a key and a leftover events secret: the secret URL still needs the signature', () => {
    const both = { publicKey, eventsSecretHash: events.hash };
    expect(codeOf(both, unsigned(events.secret))).toBe('invalid_signature');
    expect(codeOf(both, { ...signed(0), urlSecret: events.secret })).toBe('accepted');
    expect(codeOf(both, signed(0))).toBe('accepted');
  });

  it('without a key: the events URL secret, exactly', () => {
    const bySecret = { publicKey: null, eventsSecretHash: events.hash };
    expect(eventsAuthMode(bySecret)).toBe('url_secret');
    expect(codeOf(bySecret, unsigned(events.secret))).toBe('accepted');
    expect(codeOf(bySecret, unsigned(`${events.secret}x`))).toBe('invalid_secret');
    expect(codeOf(bySecret, unsigned(''))).toBe('invalid_secret');
    expect(codeOf(bySecret, unsigned(null))).toBe('invalid_secret');
    // A signature means nothing to a channel that holds no key.
    expect(codeOf(bySecret, signed(0))).toBe('invalid_secret');
  });

  it('with neither (a channel from before): everything is refused, and the answer says how to fix it', () => {
    const neither = { publicKey: null, eventsSecretHash: null };
    expect(eventsAuthMode(neither)).toBe('none');
    expect(codeOf(neither, unsigned(null))).toBe('events_unauthenticated');
    expect(codeOf(neither, signed(0))).toBe('events_unauthenticated');
    expect(codeOf(neither, unsigned(events.secret))).toBe('invalid_secret');
    expect(eventsAuthRefusal(neither, unsigned(null), nowMs)?.message).toContain('PATCH /v1/channels/:id');
  });
});
