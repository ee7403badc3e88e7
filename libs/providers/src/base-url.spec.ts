import { describe, expect, it } from 'vitest';
import { isTwilioHost, rebaseUrl } from './base-url.js';

describe('rebaseUrl', () => {
  it('keeps path and query and drops the original host', () => {
    expect(
      rebaseUrl(
        'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B1&Page=2',
        'http://127.0.0.1:4010',
      ),
    ).toBe('http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json?To=%2B1&Page=2');
  });

  it('keeps a base path as prefix, with or without a trailing slash', () => {
    expect(rebaseUrl('https://api.twilio.com/x.json', 'http://gw:8080/twilio/')).toBe(
      'http://gw:8080/twilio/x.json',
    );
    expect(rebaseUrl('https://api.twilio.com/x.json', 'http://gw:8080/twilio')).toBe(
      'http://gw:8080/twilio/x.json',
    );
  });
});

describe('isTwilioHost', () => {
  it('matches twilio.com and its subdomains only', () => {
    expect(isTwilioHost('api.twilio.com')).toBe(true);
    expect(isTwilioHost('api.sydney.au1.twilio.com')).toBe(true);
    expect(isTwilioHost('twilio.com')).toBe(true);
    expect(isTwilioHost('nottwilio.com')).toBe(false);
    expect(isTwilioHost('twilio.com.example.org')).toBe(false);
  });
});
