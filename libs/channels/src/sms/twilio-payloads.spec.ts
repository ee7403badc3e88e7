import { describe, expect, it } from 'vitest';
import { MAX_INBOUND_BODY_CHARS } from '@app/providers';
import { channelsHttpErrors } from '../channels-http-errors.js';
import { ChannelsError } from '../channels.errors.js';
import { parseInboundSms, parseStatusCallback } from './twilio-payloads.js';

const SID = `SM${'ab'.repeat(16)}`;
const base = {
  MessageSid: SID,
  AccountSid: `AC${'cd'.repeat(16)}`,
  From: '+15551230000',
  To: '+15559870000',
  Body: 'hi',
  NumMedia: '0',
  SmsStatus: 'received',
};

function detailsOf(run: () => unknown): Array<{ path: string }> {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ChannelsError);
    expect(channelsHttpErrors.answer(err as ChannelsError).status).toBe(400);
    return (err as ChannelsError).details as Array<{ path: string }>;
  }
  throw new Error('expected a validation error');
}

describe('parseInboundSms', () => {
  it('takes the fields we use and ignores the rest', () => {
    expect(parseInboundSms({ ...base, FromCity: 'X', OptOutType: 'STOP' })).toEqual({
      messageSid: SID,
      accountSid: base.AccountSid,
      from: '+15551230000',
      to: '+15559870000',
      body: 'hi',
      optOutType: 'STOP',
      media: [],
    });
  });

  it('defaults a missing Body and NumMedia (MMS without text)', () => {
    const { Body: _b, NumMedia: _n, ...rest } = base;
    expect(parseInboundSms(rest)).toMatchObject({ body: '', media: [] });
  });

  it('collects MediaUrlN / MediaContentTypeN up to NumMedia, in order', () => {
    const parsed = parseInboundSms({
      ...base,
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/a',
      MediaContentType0: 'IMAGE/JPEG',
      MediaUrl1: 'https://api.twilio.com/b',
      MediaUrl2: 'https://api.twilio.com/ignored',
    });
    expect(parsed.media).toEqual([
      { url: 'https://api.twilio.com/a', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/b', contentType: null },
    ]);
  });

  it.each([
    [{ MessageSid: 'SM1' }, 'MessageSid'],
    [{ From: '' }, 'From'],
    [{ Body: 'x'.repeat(MAX_INBOUND_BODY_CHARS + 1) }, 'Body'],
    [{ NumMedia: '11' }, 'NumMedia'],
    [{ NumMedia: '01x' }, 'NumMedia'],
    [{ NumMedia: '1' }, 'MediaUrl0'],
    [{ NumMedia: '1', MediaUrl0: 'ftp://x/y' }, 'MediaUrl0'],
    [{ NumMedia: '1', MediaUrl0: 'https://a/b', MediaContentType0: 'jpeg' }, 'MediaContentType0'],
  ])('refuses %o with a detail naming %s, never the value', (patch, path) => {
    const details = detailsOf(() => parseInboundSms({ ...base, ...patch }));
    expect(details.map((d) => d.path)).toContain(path);
    expect(JSON.stringify(details)).not.toContain('ftp://');
  });
});

describe('parseStatusCallback', () => {
  it('reads MessageStatus (or the older SmsStatus) and an optional ErrorCode', () => {
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'Delivered', SmsStatus: 'sent' })).toEqual({
      messageSid: SID,
      status: 'delivered',
      errorCode: null,
    });
    expect(parseStatusCallback({ MessageSid: SID, SmsStatus: 'undelivered', ErrorCode: '30003' })).toEqual({
      messageSid: SID,
      status: 'undelivered',
      errorCode: '30003',
    });
    expect(
      parseStatusCallback({ MessageSid: SID, MessageStatus: 'sent', ErrorCode: '' }).errorCode,
    ).toBeNull();
  });

  it('refuses a callback without sid or status, or with a non-numeric ErrorCode', () => {
    expect(detailsOf(() => parseStatusCallback({ MessageStatus: 'sent' })).map((d) => d.path)).toEqual([
      'MessageSid',
    ]);
    expect(detailsOf(() => parseStatusCallback({ MessageSid: SID })).map((d) => d.path)).toEqual([
      'MessageStatus',
    ]);
    detailsOf(() => parseStatusCallback({ MessageSid: SID, MessageStatus: 'failed', ErrorCode: 'x1' }));
  });
});
