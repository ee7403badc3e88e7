import { describe, expect, it } from 'vitest';
import { parseCreateMessageForm } from './create-message-request.js';
import { TwilioApiError } from './twilio-api-error.js';

function codeOf(form: Record<string, unknown>): number | null {
  try {
    parseCreateMessageForm(form);
    return null;
  } catch (err) {
    if (err instanceof TwilioApiError) return err.code;
    throw err;
  }
}

const valid = { To: '+15551234567', From: '+15005550006', Body: 'hi' };

describe('parseCreateMessageForm', () => {
  it('accepts a valid form and repeated MediaUrl fields', () => {
    expect(
      parseCreateMessageForm({ ...valid, MediaUrl: ['https://x.test/a.png', 'https://x.test/b.png'] })
        .mediaUrls,
    ).toEqual(['https://x.test/a.png', 'https://x.test/b.png']);
  });

  it('needs To, a sender and content, with Twilio’s codes', () => {
    expect(codeOf({ From: valid.From, Body: 'x' })).toBe(21604);
    expect(codeOf({ To: valid.To, Body: 'x' })).toBe(21603);
    expect(codeOf({ To: valid.To, From: valid.From })).toBe(21602);
    expect(codeOf({ To: valid.To, MessagingServiceSid: `MG${'0'.repeat(32)}`, Body: 'x' })).toBeNull();
  });

  it('rejects malformed numbers and URLs', () => {
    expect(codeOf({ ...valid, To: '5551234567' })).toBe(21211);
    expect(codeOf({ ...valid, From: 'not a number!' })).toBe(21212);
    expect(codeOf({ ...valid, StatusCallback: 'ftp://x' })).toBe(21609);
    expect(codeOf({ ...valid, Body: 'x'.repeat(1601) })).toBe(21617);
  });

  it('applies the magic numbers', () => {
    expect(codeOf({ ...valid, To: '+15005550001' })).toBe(21211);
    expect(codeOf({ ...valid, To: '+15005550002' })).toBe(21614);
    expect(codeOf({ ...valid, To: '+15005550003' })).toBe(21635);
    expect(codeOf({ ...valid, To: '+15005550009' })).toBe(21610);
    expect(codeOf({ ...valid, From: '+15005550001' })).toBe(21212);
  });
});
