import type { Job } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { HeldMessages } from './held-messages.js';

const jobAfter = (holds: number, attemptsMade = 0) =>
  ({ attemptsMade, attemptsStarted: attemptsMade + holds + 1 }) as Job;

describe('HeldMessages', () => {
  it('wakes the messages held behind one when it ends, once each, and only then', () => {
    const held = new HeldMessages();
    const second = vi.fn();
    const third = vi.fn();
    held.waitFor('first', 'second', second);
    held.waitFor('first', 'third', third);
    held.ended('unrelated');
    expect(second).not.toHaveBeenCalled();

    held.ended('first');
    held.ended('first');
    expect(second).toHaveBeenCalledTimes(1);
    expect(third).toHaveBeenCalledTimes(1);
  });

  it('a job held again behind the same message is woken once, with its latest wake-up', () => {
    const held = new HeldMessages();
    const stale = vi.fn();
    const latest = vi.fn();
    held.waitFor('first', 'second', stale);
    held.waitFor('first', 'second', latest);
    held.ended('first');
    expect(stale).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
  });

  it('a hold registered just after the message it waits for ended (its read came first) wakes at once', () => {
    const held = new HeldMessages();
    held.ended('first');
    const wake = vi.fn();
    held.waitFor('first', 'second', wake);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('the fallback delay doubles with each hold of the job, from 100 ms up to 5 s; retries do not count as holds', () => {
    const held = new HeldMessages();
    expect([0, 1, 2, 3, 5, 6, 40].map((holds) => held.fallbackDelayMs(jobAfter(holds)))).toEqual([
      100, 200, 400, 800, 3_200, 5_000, 5_000,
    ]);
    expect(held.fallbackDelayMs(jobAfter(1, 3))).toBe(200);
  });
});
