import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';

/** Answers whose duration must not tell two cases apart (e.g. a known and an unknown account). */
export type TimedAnswer = 'login_refusal' | 'signup' | 'password_forgot' | 'api_client_refusal';

const SAMPLES_KEPT = 64;
/** A stalled sample (GC pause, slow disk) must not hold the short path for long. */
const MAX_WAIT_MS = 2_000;

/**
 * The slow case of an answer records how long it took; the fast case then waits until a duration
 * drawn from those recent samples has passed. Both answers follow the same distribution under the
 * current load, so timing tells them apart no better than chance. Waiting is a timer, not work.
 */
@Injectable()
export class MatchedLatency {
  private readonly samples = new Map<TimedAnswer, number[]>();

  /** A start time for `record` / `matchTo`, on a monotonic clock (the auth clock moves in tests). */
  start(): number {
    return this.now();
  }

  /** The slow case finished: remember how long it took. */
  record(answer: TimedAnswer, startedAt: number): void {
    const kept = this.samples.get(answer) ?? [];
    kept.push(this.now() - startedAt);
    if (kept.length > SAMPLES_KEPT) kept.shift();
    this.samples.set(answer, kept);
  }

  /** The fast case: returns once a recent slow-case duration has passed since `startedAt`. */
  async matchTo(answer: TimedAnswer, startedAt: number): Promise<void> {
    const kept = this.samples.get(answer);
    if (!kept?.length) return;
    const target = Math.min(kept[this.pick(kept.length)]!, MAX_WAIT_MS);
    const remaining = target - (this.now() - startedAt);
    if (remaining > 0) await this.sleep(remaining);
  }

  protected now(): number {
    return performance.now();
  }

  protected pick(count: number): number {
    return randomInt(count);
  }

  protected async sleep(ms: number): Promise<void> {
    await sleep(ms);
  }
}
