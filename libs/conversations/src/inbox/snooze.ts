import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { JobQueue } from '@app/jobs';
import { SnoozeWakeupsRepository } from '../snooze-wakeups.repository.js';

/** Deterministic BullMQ job id of one wake-up (no ':' allowed): re-snoozing to another time is another job. */
export function wakeJobId(conversationId: string, due: Date): string {
  return `wake-${conversationId}-${due.getTime()}`;
}

/**
 * The wake-up row the periodic sweep reads, and a delayed job for the exact time (none when
 * `due` is null). The job of the previous time goes: Redis would keep it until it is due, up to
 * a year later.
 */
@Injectable()
export class WakeScheduler {
  constructor(
    private readonly jobs: JobQueue,
    private readonly wakeups: SnoozeWakeupsRepository,
  ) {}

  async schedule(tx: TenantTx, id: string, due: Date | null, previous: Date | null): Promise<void> {
    if (previous && previous.getTime() !== due?.getTime())
      this.jobs.removeAfterCommit(tx, 'conversation.wake', wakeJobId(id, previous));
    if (!due) {
      await this.wakeups.remove(tx, id);
      return;
    }
    await this.wakeups.set(tx, id, due);
    this.jobs.addAfterCommit(
      tx,
      'conversation.wake',
      { tenantId: tx.tenantId, conversationId: id },
      { jobId: wakeJobId(id, due), delay: Math.max(0, due.getTime() - Date.now()) },
      'the snooze sweep wakes it (only the exact time is lost)',
    );
  }
}
