import { describe, expect, it } from 'vitest';
import {
  eventBatchSchema,
  fromSendGridEvent,
  parseSendGridEventBatch,
  sendGridMessageId,
  suppressionReason,
} from './sendgrid-events.js';

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

/** One event as the webhook reads it. */
function parsed(event: Record<string, unknown>) {
  const batch = parseSendGridEventBatch([event]);
  if (!batch.ok) throw new Error('refused');
  return batch.value[0]!;
}

describe('TLS refusals (Enforced TLS)', () => {
  it('reads the block event SendGrid sends when TLS could not be negotiated, and keeps no reason text', () => {
    const event = parsed({
      event: 'bounce',
      type: 'blocked',
      reason: 'TLS required but not supported',
      email: 'patient@notls.test',
    });
    expect(event).toEqual({ event: 'bounce', type: 'blocked', tlsRefused: true });
    expect(JSON.stringify(event)).not.toContain('notls');
    // As a part of a longer reason, in any case; on a drop too.
    expect(
      parsed({ event: 'dropped', reason: '550 5.7.1 tls required but not supported here' }).tlsRefused,
    ).toBe(true);
  });

  it('is not a TLS refusal on other events or reasons, and a TLS refusal suppresses nothing', () => {
    expect(parsed({ event: 'bounce', type: 'blocked', reason: '421 try again later' }).tlsRefused).toBe(
      false,
    );
    expect(parsed({ event: 'bounce', type: 'bounce' }).tlsRefused).toBe(false);
    expect(parsed({ event: 'delivered', reason: 'TLS required but not supported' }).tlsRefused).toBe(false);
    expect(
      suppressionReason(parsed({ event: 'dropped', reason: 'TLS required but not supported' })),
    ).toBeNull();
    expect(suppressionReason(parsed({ event: 'dropped', reason: 'Bounced Address' }))).toBe('dropped');
  });
});

describe('parseSendGridEventBatch', () => {
  it('gives the events reduced to the fields we read, or at most 20 problems', () => {
    expect(parseSendGridEventBatch([{ event: 'delivered', email: 'a@b.c', messageId: 'm' }])).toEqual({
      ok: true,
      value: [{ event: 'delivered', messageId: 'm', tlsRefused: false }],
    });
    const refused = parseSendGridEventBatch(Array.from({ length: 30 }, () => ({ event: '' })));
    expect(refused.ok ? 0 : refused.problems.length).toBe(20);
    expect(parseSendGridEventBatch({})).toMatchObject({ ok: false, problems: [{ path: '(body)' }] });
  });
});
