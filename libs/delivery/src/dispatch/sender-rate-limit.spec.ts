import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RedisKeys } from '@app/redis';
import { SenderRateLimit } from './sender-rate-limit.js';

const redis = new Redis(process.env.REDIS_URL!);
const keys = new RedisKeys({ REDIS_PREFIX: process.env.REDIS_PREFIX! } as never);
afterAll(() => redis.quit());

const sender = () => `sms:${randomBytes(4).toString('hex')}`;

/**
 * n sends at 200/s use n distinct slots 5 ms apart; each goes out up to 25 ms after its slot,
 * plus its process's own delays (a few ms): any n of them span at least (n - 1) * 5 - 30 ms.
 */
const span = (n: number) => (n - 1) * 5 - 30;

/** A limiter as one worker process has it, counting its Redis round trips. */
function processLimiter() {
  const connection = redis.duplicate();
  const evals = vi.spyOn(connection, 'eval');
  return { limit: new SenderRateLimit(connection, keys), evals, close: () => connection.quit() };
}

describe('SenderRateLimit', () => {
  it('gives one slot per interval per sender, and other senders are not held up', async () => {
    const { limit, close } = processLimiter();
    const number = sender();
    const first = await limit.take(number, 1);
    expect(first.reserved).toBe(true);
    expect(first.at).toBeLessThanOrEqual(Date.now());
    const next = await limit.take(number, 1);
    expect(next).toEqual({ reserved: false, at: first.at + 1000 });
    const other = await limit.take(sender(), 1);
    expect(other.reserved).toBe(true);
    expect(other.at).toBeLessThanOrEqual(Date.now());
    await close();
  });

  it('reserves a slot a few milliseconds away, and only names a later one', async () => {
    const { limit, close } = processLimiter();
    const fast = sender();
    const first = await limit.take(fast, 50);
    // 20 ms later: reserved, the send waits for it.
    expect(await limit.take(fast, 50)).toEqual({ reserved: true, at: first.at + 20 });
    const slow = sender();
    const now = await limit.take(slow, 1);
    expect(await limit.take(slow, 1)).toEqual({ reserved: false, at: now.at + 1000 }); // the job is delayed instead
    await close();
  });

  it('reserves a fast sender’s slots a few at a time: one Redis round trip for several sends', async () => {
    const { limit, evals, close } = processLimiter();
    const shortCode = sender();
    // 1000/s: slots 1 ms apart, reserved 8 at a time, taken by 8 sends at once.
    const slots = await Promise.all(Array.from({ length: 8 }, () => limit.take(shortCode, 1000)));
    expect(evals).toHaveBeenCalledTimes(1);
    expect(slots.every((s) => s.reserved)).toBe(true);
    const [, granted] = (await evals.mock.results[0]!.value) as [number, number];
    expect(granted).toBe(8);
    await limit.take(shortCode, 1000);
    expect(evals).toHaveBeenCalledTimes(2);
    await close();
  });

  it('keeps two processes together within the rate (a reserved slot may be used up to 25 ms late)', async () => {
    const a = processLimiter();
    const b = processLimiter();
    const shortCode = sender();
    // 200/s, 5 ms apart; each process takes 20 slots, sending (waiting for each) as it goes.
    const sent: number[] = [];
    await Promise.all(
      [a, b].map(async ({ limit }) => {
        for (let i = 0; i < 20; i++) {
          const slot = await limit.take(shortCode, 200);
          expect(slot.reserved).toBe(true);
          await new Promise((resolve) => setTimeout(resolve, slot.at - Date.now()));
          sent.push(Date.now());
        }
      }),
    );
    sent.sort((x, y) => x - y);
    expect(sent.at(-1)! - sent[0]!).toBeGreaterThanOrEqual(span(40));
    for (let i = 9; i < sent.length; i++) expect(sent[i]! - sent[i - 9]!).toBeGreaterThanOrEqual(span(10));
    expect(a.evals.mock.calls.length + b.evals.mock.calls.length).toBeLessThan(40);
    await Promise.all([a.close(), b.close()]);
  });

  it('drops reserved slots whose time passed unused, instead of sending them in a burst later', async () => {
    const { limit, evals, close } = processLimiter();
    const shortCode = sender();
    await limit.take(shortCode, 1000); // reserves 8, uses 1
    await new Promise((resolve) => setTimeout(resolve, 40));
    await limit.take(shortCode, 1000);
    expect(evals).toHaveBeenCalledTimes(2);
    await close();
  });
});
