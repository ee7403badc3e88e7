import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisKeys } from '@app/redis';
import { SenderRateLimit } from './sender-rate-limit.js';
import { classifySendGridError, classifyTwilioError } from './send-errors.js';

const redis = new Redis(process.env.REDIS_URL!);
const keys = new RedisKeys({ REDIS_PREFIX: process.env.REDIS_PREFIX! } as never);
const limit = new SenderRateLimit(redis, keys);
afterAll(() => redis.quit());

describe('SenderRateLimit', () => {
  it('gives one slot per interval per sender, and other senders are not held up', async () => {
    const number = `sms:${randomBytes(4).toString('hex')}`;
    const other = `sms:${randomBytes(4).toString('hex')}`;
    expect(await limit.take(number, 1)).toBe(0);
    const wait = await limit.take(number, 1);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(await limit.take(other, 1)).toBe(0);
  });

  it('waits in place for a slot a few milliseconds away, and hands back long waits', async () => {
    const fast = `sms:${randomBytes(4).toString('hex')}`;
    expect(await limit.waitForSlot(fast, 200)).toBe(0);
    expect(await limit.waitForSlot(fast, 200)).toBe(0); // 5 ms later: waited, then took it
    const slow = `sms:${randomBytes(4).toString('hex')}`;
    expect(await limit.waitForSlot(slow, 1)).toBe(0);
    expect(await limit.waitForSlot(slow, 1)).toBeGreaterThan(50); // the job is delayed instead
  });
});

describe('provider error classification', () => {
  const twilioError = (status: number, code: number) => Object.assign(new Error('x'), { status, code });

  it.each([
    [400, 21211, { kind: 'permanent', code: '21211', optedOut: false }],
    [400, 21614, { kind: 'permanent', code: '21614', optedOut: false }],
    [400, 21635, { kind: 'permanent', code: '21635', optedOut: false }],
    [400, 21610, { kind: 'permanent', code: '21610', optedOut: true }],
    [429, 20429, { kind: 'transient', code: '20429' }],
    [500, 20500, { kind: 'transient', code: '20500' }],
    [503, 20503, { kind: 'transient', code: '20503' }],
  ])('Twilio HTTP %i code %i', (status, code, expected) => {
    expect(classifyTwilioError(twilioError(status, code))).toEqual(expected);
  });

  it('network: refused before sending is transient, a cut or timed-out call is unknown (look before resending)', () => {
    expect(classifyTwilioError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toEqual({
      kind: 'transient',
      code: 'ECONNREFUSED',
    });
    expect(classifyTwilioError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toEqual({
      kind: 'unknown',
      code: 'ECONNRESET',
    });
    expect(classifyTwilioError(new Error('socket hang up'))).toEqual({
      kind: 'unknown',
      code: 'network_error',
    });
  });

  it('SendGrid: 4xx permanent, 429 and 5xx transient', () => {
    const sendGridError = (code: number) => Object.assign(new Error('x'), { code, response: { body: {} } });
    expect(classifySendGridError(sendGridError(400))).toEqual({
      kind: 'permanent',
      code: 'http_400',
      optedOut: false,
    });
    expect(classifySendGridError(sendGridError(401))).toEqual({
      kind: 'permanent',
      code: 'http_401',
      optedOut: false,
    });
    expect(classifySendGridError(sendGridError(429))).toEqual({ kind: 'transient', code: 'http_429' });
    expect(classifySendGridError(sendGridError(502))).toEqual({ kind: 'transient', code: 'http_502' });
  });
});
