import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';

/** A hold's first fallback delay, doubled at each hold of the same job (see `fallbackDelayMs`). */
const FIRST_FALLBACK_MS = 100;
/** The longest fallback: how late a held message may look again when no wake-up reaches it. */
const MAX_FALLBACK_MS = 5_000;
/** Bounds on the bookkeeping: a lost entry only costs a wake-up (the fallback delay covers it). */
const MAX_WAITING = 10_000;
const MAX_RECENTLY_ENDED = 1_024;

/**
 * Jobs held back behind an earlier message to the same address (invariant 12: a patient reads a
 * practice's messages in the order staff sent them). A held job is moved to delayed and woken
 * (promoted) as soon as this process ends the message it waits for: handed over or failed, its
 * transaction committed. So a queue of replies to one patient goes one after the other at the
 * provider's pace, without polling. A message another worker process ends, or one retrying with
 * backoff, is looked at again after the fallback delay, which doubles at each hold of the job
 * (few looks while an earlier message is stuck, none longer than `MAX_FALLBACK_MS`).
 */
@Injectable()
export class HeldMessages {
  /** Wake-ups by the id of the message they wait for, then by the held message's id (a job held again replaces its own). */
  private readonly waiting = new Map<string, Map<string, () => void>>();
  /**
   * Messages this process ended lately. A hold read before such an end committed but registered
   * after it wakes at once, rather than after its fallback.
   */
  private readonly recentlyEnded = new Set<string>();

  /** How long a held job stays delayed unless woken: doubling with each hold of the job. */
  fallbackDelayMs(job: Job): number {
    // Each run after a delay counts as started, never as made (a DelayedError spends no attempt).
    const holds = Math.max(0, (job.attemptsStarted ?? 0) - job.attemptsMade - 1);
    return Math.min(FIRST_FALLBACK_MS * 2 ** Math.min(holds, 16), MAX_FALLBACK_MS);
  }

  /** Calls `wake` for message `heldId` once this process ends message `earlierId` (at once if it just did). */
  waitFor(earlierId: string, heldId: string, wake: () => void): void {
    if (this.recentlyEnded.has(earlierId)) return wake();
    const wakes = this.waiting.get(earlierId);
    if (wakes) return void wakes.set(heldId, wake);
    if (this.waiting.size >= MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value!);
    this.waiting.set(earlierId, new Map([[heldId, wake]]));
  }

  /**
   * The message is no longer on its way (handed over or failed, committed): the messages held
   * behind it look again now.
   */
  ended(messageId: string): void {
    this.recentlyEnded.add(messageId);
    if (this.recentlyEnded.size > MAX_RECENTLY_ENDED)
      this.recentlyEnded.delete(this.recentlyEnded.values().next().value!);
    const wakes = this.waiting.get(messageId);
    if (!wakes) return;
    this.waiting.delete(messageId);
    for (const wake of wakes.values()) wake();
  }
}
