import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS, loggedUrl, safeUrl } from './logging.js';

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

  it('masks capabilities however the path is spelled (a router may match /S/ like /s/)', () => {
    const token = 'A'.repeat(43);
    expect(safeUrl(`/S/${token}`)).toBe('/S/:token');
    expect(safeUrl(`/C/${token}/x`)).toBe('/C/:token/x');
    expect(safeUrl(`/Webhooks/SendGrid/123/Inbound/s3cret`)).toBe('/Webhooks/SendGrid/123/Inbound/:secret');
  });
});

describe('access-log URL', () => {
  const router = [
    '*', // a catch-all route
    '/v1/contacts/:id',
    '/s/:token/verify',
    '/webhooks/sendgrid/:channelId/inbound/:secret',
  ];
  const id = '1f0c3a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

  it('keeps the segments routes spell out and ids, masks everything else', () => {
    expect(loggedUrl(`/v1/contacts/${id}`, router)).toBe(`/v1/contacts/${id}`);
    expect(loggedUrl('/v1/x/pat.doe@mail.test', router)).toBe('/v1/*/*');
    expect(loggedUrl('/v1/contacts/pat.doe@mail.test?email=pat.doe@mail.test', router)).toBe(
      '/v1/contacts/*?email=*',
    );
    expect(loggedUrl(`/s/${'A'.repeat(43)}/verify`, router)).toBe('/s/*/verify');
    expect(loggedUrl(`/S/${'A'.repeat(43)}`, router)).toBe('/*/*');
    expect(loggedUrl(`/webhooks/sendgrid/${id}/inbound/s3cret`, router)).toBe(
      `/webhooks/sendgrid/${id}/inbound/*`,
    );
  });

  it('masks a capability even when it is shaped like an id', () => {
    expect(loggedUrl(`/s/${id}/verify`, router)).toBe('/s/*/verify');
    expect(loggedUrl(`/webhooks/sendgrid/${id}/inbound/${id}`, router)).toBe(
      `/webhooks/sendgrid/${id}/inbound/*`,
    );
  });

  it('keeps only ids when it knows no routes', () => {
    expect(loggedUrl(`/v1/contacts/${id}`, undefined)).toBe(`/*/*/${id}`);
    expect(loggedUrl('', undefined)).toBe('');
  });
});
