import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS, safeUrl } from './logging.js';

function logged(obj: object): string {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink).info(obj, 'event');
  return out;
}

describe('log redaction', () => {
  it('removes PHI and secrets at any of the first three levels', () => {
    const line = logged({
      phone: '+15551234567',
      contact: { email: 'pat@example.com', displayName: 'Pat Doe', dateOfBirth: '1980-01-01' },
      req: { headers: { authorization: 'Bearer abc.def', 'x-twilio-signature': 'sig==' } },
      channel: { twilioAuthToken: 'tok_123', sendgridApiKey: 'SG.key' },
      message: { body: 'my test results' },
      count: 3,
    });
    for (const secret of [
      '+15551234567',
      'pat@example.com',
      'Pat Doe',
      '1980-01-01',
      'abc.def',
      'sig==',
      'tok_123',
      'SG.key',
      'my test results',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('"count":3');
  });

  it('masks capability tokens and query values in URLs', () => {
    expect(safeUrl('/s/abcDEF123_-x?y=1')).toBe('/s/:token?y=*');
    // Every patient page and sub-route (issue 6): the token never reaches a log line.
    const token = 'A'.repeat(43);
    expect(safeUrl(`/s/${token}/verify`)).toBe('/s/:token/verify');
    expect(safeUrl(`/s/${token}/attachments/1f0c`)).toBe('/s/:token/attachments/1f0c');
    expect(safeUrl(`/c/${token}`)).toBe('/c/:token');
    expect(safeUrl(`/u/${token}?notice=x`)).toBe('/u/:token?notice=*');
    expect(safeUrl('/webhooks/sendgrid/123/inbound/s3cret')).toBe('/webhooks/sendgrid/123/inbound/:secret');
    expect(safeUrl('/webhooks/sendgrid/123/events/s3cret')).toBe('/webhooks/sendgrid/123/events/:secret');
    expect(safeUrl('/v1/contacts?phone=%2B15551234567&email=a%40b.c')).toBe('/v1/contacts?phone=*&email=*');
    expect(safeUrl('/v1/conversations/1')).toBe('/v1/conversations/1');
  });
});
