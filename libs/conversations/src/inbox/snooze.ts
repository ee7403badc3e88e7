import type { TenantTx } from '@app/database';
import type { JobQueue } from '@app/jobs';

/** Deterministic BullMQ job id of one wake-up (no ':' allowed): re-snoozing to another time is another job. */
export function wakeJobId(conversationId: string, due: Date): string {
  return `wake-${conversationId}-${due.getTime()}`;
}

/**
 * The wake-up row the periodic sweep reads, and a delayed job for the exact time (none when
 * `due` is null). The job of the previous time goes: Redis would keep it until it is due, up to
 * a year later.
 */
export async function scheduleWake(
  tx: TenantTx,
  jobs: JobQueue,
  id: string,
  due: Date | null,
  previous: Date | null,
): Promise<void> {
  if (previous && previous.getTime() !== due?.getTime())
    jobs.removeAfterCommit(tx, 'conversation.wake', wakeJobId(id, previous));
  if (!due) {
    await tx.execute(`DELETE FROM snooze_wakeups WHERE tenant_id = $1 AND conversation_id = $2`, [
      tx.tenantId,
      id,
    ]);
    return;
  }
  await tx.execute(
    `INSERT INTO snooze_wakeups (tenant_id, conversation_id, due_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET due_at = excluded.due_at`,
    [tx.tenantId, id, due],
  );
  jobs.addAfterCommit(
    tx,
    'conversation.wake',
    { tenantId: tx.tenantId, conversationId: id },
    { jobId: wakeJobId(id, due), delay: Math.max(0, due.getTime() - Date.now()) },
    'the snooze sweep wakes it (only the exact time is lost)',
  );
}
