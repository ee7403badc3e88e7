import { describe, expect, it } from 'vitest';
import { fromTwilioStatus } from './twilio-status.js';

describe('fromTwilioStatus', () => {
  it.each([
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['queued', 'queued'],
    ['sending', 'sending'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
    ['received', null],
    ['receiving', null],
    ['constructor', null],
    ['something-new', null],
  ])('%s -> %s', (twilioStatus, expected) => {
    expect(fromTwilioStatus(twilioStatus)).toBe(expected);
  });
});
