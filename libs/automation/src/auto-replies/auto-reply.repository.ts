import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { type AutoReplySettingsEntity, AutoReplySettingsSchema } from './auto-reply.entity.js';
import type { AutoReplyChannel } from './auto-reply-templates.js';

/** A practice's auto-reply settings as stored (templates already validated). */
export interface StoredAutoReplies {
  afterHoursEnabled: boolean;
  firstContactEnabled: boolean;
  templates: AutoReplySettingsEntity['templates'];
  throttleHours: number;
  practicePhone: string | null;
  link: string | null;
}

/**
 * The writer of automation's auto-reply tables: the practice's settings (one row, replaced whole)
 * and the per contact + channel throttle.
 */
@Injectable()
export class AutoReplyRepository {
  /** The practice's settings; null while never set (auto-replies off). */
  async settings(tx: TenantTx): Promise<AutoReplySettingsEntity | null> {
    return tx.repository(AutoReplySettingsSchema).findOne({});
  }

  async replace(tx: TenantTx, settings: StoredAutoReplies): Promise<AutoReplySettingsEntity> {
    const [row] = await tx.query<AutoReplySettingsEntity>(
      `INSERT INTO auto_reply_settings AS s (tenant_id, after_hours_enabled, first_contact_enabled, templates,
         throttle_hours, practice_phone, link, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, now())
       ON CONFLICT (tenant_id) DO UPDATE SET
         after_hours_enabled = EXCLUDED.after_hours_enabled,
         first_contact_enabled = EXCLUDED.first_contact_enabled,
         templates = EXCLUDED.templates,
         throttle_hours = EXCLUDED.throttle_hours,
         practice_phone = EXCLUDED.practice_phone,
         link = EXCLUDED.link,
         updated_at = now()
       RETURNING *`,
      [
        tx.tenantId,
        settings.afterHoursEnabled,
        settings.firstContactEnabled,
        JSON.stringify(settings.templates),
        settings.throttleHours,
        settings.practicePhone,
        settings.link,
      ],
    );
    return row!;
  }

  /**
   * Takes the contact's auto-reply slot on `channel` at `at` if its last one was at or before
   * `cutoff` (or there was none): true when this caller may answer. One statement: a concurrent
   * caller's insert makes this one wait for its commit, then its `WHERE` sees the new time and
   * answers nothing, so two inbound messages at once never both answer.
   */
  async takeThrottleSlot(
    tx: TenantTx,
    contactId: string,
    channel: AutoReplyChannel,
    at: Date,
    cutoff: Date,
  ): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO auto_reply_sends AS s (tenant_id, contact_id, channel, last_sent_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, contact_id, channel) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at
       WHERE s.last_sent_at <= $5
       RETURNING 1`,
      [tx.tenantId, contactId, channel, at, cutoff],
    );
    return rows.length === 1;
  }
}

/**
 * Deletes up to `limit` throttle rows whose last auto-reply was before `before` (no throttle
 * reaches back that far, so they decide nothing); how many. The retention sweep calls it.
 */
export function purgeLapsedThrottles(tx: TenantTx, before: Date, limit: number): Promise<number> {
  return tx.execute(
    `DELETE FROM auto_reply_sends WHERE tenant_id = $1 AND (contact_id, channel) IN (
       SELECT contact_id, channel FROM auto_reply_sends WHERE tenant_id = $1 AND last_sent_at < $2
       ORDER BY contact_id, channel LIMIT $3 FOR UPDATE SKIP LOCKED)`,
    [tx.tenantId, before, limit],
  );
}
