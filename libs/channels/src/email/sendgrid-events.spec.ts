import { describe, expect, it } from 'vitest';
import { nextStatus } from '@app/conversations';
import {
  eventBatchSchema,
  fromSendGridEvent,
  sendGridMessageId,
  suppressionReason,
} from './sendgrid-events.js';
import { hashInboundSecret, inboundSecretMatches, newInboundSecret } from './inbound-secret.js';

const suppressionOf = (event: string, type?: string) =>
  suppressionReason({ event, ...(type ? { type } : {}) });

describe('SendGrid events in the status machine', () => {
  it('maps delivery events and ignores the rest', () => {
    expect(fromSendGridEvent('processed')).toBe('sending');
    expect(fromSendGridEvent('delivered')).toBe('delivered');
    expect(fromSendGridEvent('bounce')).toBe('undelivered');
    expect(fromSendGridEvent('dropped')).toBe('failed');
    expect(fromSendGridEvent('open')).toBe('read');
    expect(fromSendGridEvent('click')).toBeNull();
    expect(fromSendGridEvent('__proto__')).toBeNull();
  });

  it('suppresses the address after a permanent bounce, a drop, a spam report or an unsubscribe only', () => {
    expect(suppressionOf('bounce')).toBe('bounce');
    expect(suppressionOf('bounce', 'bounce')).toBe('bounce');
    expect(suppressionOf('bounce', 'blocked')).toBeNull();
    expect(suppressionOf('dropped')).toBe('dropped');
    expect(suppressionOf('spamreport')).toBe('spamreport');
    expect(suppressionOf('unsubscribe')).toBe('unsubscribe');
    expect(suppressionOf('group_unsubscribe')).toBe('unsubscribe');
    for (const event of ['delivered', 'deferred', 'processed', 'open', 'click', 'group_resubscribe'])
      expect(suppressionOf(event)).toBeNull();
  });

  it('never moves a delivered email back on a late deferred or bounce', () => {
    expect(nextStatus('delivered', fromSendGridEvent('deferred')!)).toBeNull();
    expect(nextStatus('delivered', fromSendGridEvent('bounce')!)).toBeNull();
    expect(nextStatus('queued', fromSendGridEvent('delivered')!)).toBe('delivered');
  });

  it('reads the X-Message-Id out of an sg_message_id', () => {
    expect(sendGridMessageId('14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0')).toBe('14c5d75ce93');
  });

  it('accepts SendGrid batches with extra fields and refuses non-batches', () => {
    expect(
      eventBatchSchema.safeParse([{ event: 'delivered', email: 'a@b.c', 'smtp-id': '<x>' }]).success,
    ).toBe(true);
    expect(eventBatchSchema.safeParse({ event: 'delivered' }).success).toBe(false);
    expect(eventBatchSchema.safeParse([]).success).toBe(false);
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
