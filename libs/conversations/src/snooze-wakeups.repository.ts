import { Injectable } from '@nestjs/common';
import type { SweepTx, TenantTx } from '@app/database';

/** Due wake-ups one sweep pass handles at most. */
const SWEEP_BATCH = 500;

/**
 * snooze_wakeups: when each snoozed conversation is due to reopen, read by the periodic sweep
 * that catches wake-ups whose delayed job never ran.
 */
@Injectable()
export class SnoozeWakeupsRepository {
  /** The conversation's wake-up at `due` (replacing any earlier time). */
  async set(tx: TenantTx, conversationId: string, due: Date): Promise<void> {
    await tx.execute(
      `INSERT INTO snooze_wakeups (tenant_id, conversation_id, due_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET due_at = excluded.due_at`,
      [tx.tenantId, conversationId, due],
    );
  }

  /** The conversation has no wake-up (any more). */
  async remove(tx: TenantTx, conversationId: string): Promise<void> {
    await tx.execute(`DELETE FROM snooze_wakeups WHERE tenant_id = $1 AND conversation_id = $2`, [
      tx.tenantId,
      conversationId,
    ]);
  }

  /** Removes the conversation's wake-up if it is due (a later re-snooze keeps its own). */
  async removeIfDue(tx: TenantTx, conversationId: string): Promise<void> {
    await tx.execute(
      `DELETE FROM snooze_wakeups WHERE tenant_id = $1 AND conversation_id = $2 AND due_at <= now()`,
      [tx.tenantId, conversationId],
    );
  }

  /**
   * Due wake-ups of every practice, oldest first (at most SWEEP_BATCH): ids and times only,
   * which the `wakeSweep` policy lets a sweep read across practices.
   */
  dueAcrossPractices(tx: SweepTx): Promise<Array<{ tenant_id: string; conversation_id: string }>> {
    return tx.query<{ tenant_id: string; conversation_id: string }>(
      `SELECT tenant_id, conversation_id FROM snooze_wakeups WHERE due_at <= now() ORDER BY due_at LIMIT ${SWEEP_BATCH}`,
    );
  }
}
