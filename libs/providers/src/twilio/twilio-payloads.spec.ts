import { describe, expect, it } from 'vitest';
import { parseTwilioInbound, parseTwilioStatusCallback } from './twilio-payloads.js';

const SID = `SM${'ab'.repeat(16)}`;
const inbound = {
  MessageSid: SID,
  AccountSid: `AC${'cd'.repeat(16)}`,
  From: '+15551230000',
  To: '+15559870000',
};

// The rules themselves are specified through channels' parseInboundSms (twilio-payloads.spec there).
describe('Twilio payloads as typed results', () => {
  it('gives the payload in our shape, or the problems naming fields (never values)', () => {
    expect(parseTwilioInbound({ ...inbound, Body: 'hi' })).toMatchObject({ ok: true, value: { body: 'hi' } });
    expect(parseTwilioInbound({ ...inbound, NumMedia: '2', MediaUrl0: 'ftp://x/y' })).toEqual({
      ok: false,
      problems: [
        { path: 'MediaUrl0', message: 'must be an http(s) URL' },
        { path: 'MediaUrl1', message: 'must be an http(s) URL' },
      ],
    });
    expect(parseTwilioStatusCallback({ MessageSid: SID, SmsStatus: 'Sent' })).toEqual({
      ok: true,
      value: { messageSid: SID, status: 'sent', errorCode: null },
    });
    const refused = parseTwilioStatusCallback({ MessageSid: 'SM1', MessageStatus: 'sent' });
    expect(refused.ok ? [] : refused.problems.map((p) => p.path)).toEqual(['MessageSid']);
  });
});
