import { Injectable } from '@nestjs/common';
import type { SweepTx, TenantTx } from '@app/database';

/** Due reminder steps one sweep pass handles at most. */
const SWEEP_BATCH = 500;

/** Statuses of a secure message the patient has not opened (read is final; a failed notice reached no one). */
export const UNOPENED = ['queued', 'sending', 'sent', 'delivered'] as const;

/** A secure message's reminder state, locked, with what the message has become. */
export interface DueReminder {
  conversationId: string;
  remindersSent: number;
  messageStatus: string;
  retracted: boolean;
}

/**
 * secure_reminders (one row per secure message whose notice went out: reminders sent, the next
 * step's time) and secure_reminder_sends (the reminder message of each step; its key makes a
 * step send at most once).
 */
@Injectable()
export class SecureReminderRepository {
  /** The notice of a secure message went out: its first reminder is due at `dueAt` (a retry keeps the first). */
  async start(tx: TenantTx, messageId: string, conversationId: string, delayHours: number): Promise<void> {
    await tx.execute(
      `INSERT INTO secure_reminders (tenant_id, message_id, conversation_id, due_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))
       ON CONFLICT (tenant_id, message_id) DO NOTHING`,
      [tx.tenantId, messageId, conversationId, delayHours],
    );
  }

  /**
   * Due steps of every practice, oldest first (at most SWEEP_BATCH): ids only, which the
   * `secureReminderSweep` policy lets a sweep read across practices.
   */
  dueAcrossPractices(tx: SweepTx, now: Date): Promise<Array<{ tenant_id: string; message_id: string }>> {
    return tx.query<{ tenant_id: string; message_id: string }>(
      `SELECT tenant_id, message_id FROM secure_reminders WHERE due_at <= $1 ORDER BY due_at LIMIT ${SWEEP_BATCH}`,
      [now],
    );
  }

  /** The message's step if it is (still) due at `now`, locked until commit: one sweep runs it. */
  async lockDue(tx: TenantTx, messageId: string, now: Date): Promise<DueReminder | null> {
    const [row] = await tx.query<{
      conversation_id: string;
      reminders_sent: number;
      status: string;
      retracted_at: Date | null;
    }>(
      `SELECT r.conversation_id, r.reminders_sent, m.status, m.retracted_at
       FROM secure_reminders r JOIN messages m ON m.tenant_id = r.tenant_id AND m.id = r.message_id
       WHERE r.tenant_id = $1 AND r.message_id = $2 AND r.due_at <= $3
       FOR UPDATE OF r SKIP LOCKED`,
      [tx.tenantId, messageId, now],
    );
    return row
      ? {
          conversationId: row.conversation_id,
          remindersSent: row.reminders_sent,
          messageStatus: row.status,
          retracted: row.retracted_at !== null,
        }
      : null;
  }

  /** Step `step`'s reminder is `reminderMessageId` (enqueued in this transaction); the next step at `nextDue`. */
  async recordStep(
    tx: TenantTx,
    messageId: string,
    step: number,
    reminderMessageId: string,
    nextDue: Date,
  ): Promise<void> {
    await tx.execute(
      `WITH sent AS (
         INSERT INTO secure_reminder_sends (tenant_id, message_id, step, reminder_message_id)
         VALUES ($1, $2, $3, $4))
       UPDATE secure_reminders SET reminders_sent = $3, due_at = $5 WHERE tenant_id = $1 AND message_id = $2`,
      [tx.tenantId, messageId, step, reminderMessageId, nextDue],
    );
  }

  /** The step waits (quiet hours) until `dueAt`. */
  async postpone(tx: TenantTx, messageId: string, dueAt: Date): Promise<void> {
    await tx.execute(`UPDATE secure_reminders SET due_at = $3 WHERE tenant_id = $1 AND message_id = $2`, [
      tx.tenantId,
      messageId,
      dueAt,
    ]);
  }

  /** Nothing more to do for the message; `flaggedAt` when staff were told it stayed unread. */
  async finish(tx: TenantTx, messageId: string, flaggedAt: Date | null): Promise<void> {
    await tx.execute(
      `UPDATE secure_reminders SET due_at = NULL, flagged_at = $3 WHERE tenant_id = $1 AND message_id = $2`,
      [tx.tenantId, messageId, flaggedAt],
    );
  }

  /** The secure message a reminder is for, if it is still unread and not retracted (else null: nothing to remind of). */
  async unreadRemindedBy(tx: TenantTx, reminderMessageId: string): Promise<string | null> {
    const [row] = await tx.query<{ message_id: string }>(
      `SELECT s.message_id FROM secure_reminder_sends s
       JOIN messages m ON m.tenant_id = s.tenant_id AND m.id = s.message_id
       WHERE s.tenant_id = $1 AND s.reminder_message_id = $2 AND m.status = ANY($3::text[])
         AND m.retracted_at IS NULL`,
      [tx.tenantId, reminderMessageId, UNOPENED],
    );
    return row?.message_id ?? null;
  }
}
