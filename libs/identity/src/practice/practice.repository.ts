import { Injectable } from '@nestjs/common';
import type { SweepTx, TenantTx } from '@app/database';
import {
  type PracticeSettings,
  type PracticeSettingsPatch,
  readPracticeSettings,
} from './practice-settings.js';

/**
 * The practice's name and the settings named by `keys`, read by the settings' own rules (the
 * others are their defaults): what another library needs of a practice, without reading the
 * whole settings document (it may hold a logo).
 */
export async function practiceSettingsFor(
  tx: TenantTx,
  keys: readonly (keyof PracticeSettings)[],
): Promise<{ name: string; settings: PracticeSettings }> {
  const [row] = await tx.query<{ name: string; settings: unknown }>(
    `SELECT name, (SELECT jsonb_object_agg(key, value) FROM jsonb_each(settings)
                   WHERE key = ANY($2::text[])) AS settings
     FROM practices WHERE id = $1`,
    [tx.tenantId, keys],
  );
  return { name: row?.name ?? '', settings: readPracticeSettings(row?.settings) };
}

/**
 * The practices that set an SLA or auto-close (a cross-practice read under the `inboxSweep`
 * policy, which shows only those rows): their ids, for libs/reports' sweep to visit each in its
 * own transaction (it reads the settings there, by their rules).
 */
export async function practicesWithInboxSweep(tx: SweepTx): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM practices
     WHERE (settings ? 'slaMinutes' OR settings ? 'autoCloseDays')
       AND (jsonb_typeof(settings -> 'slaMinutes') = 'number' OR jsonb_typeof(settings -> 'autoCloseDays') = 'number')
     ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** A practice and its retention periods, as the retention sweep reads it across practices. */
export interface PracticeRetention {
  practiceId: string;
  messageRetentionDays: number | null;
  attachmentRetentionDays: number | null;
}

/**
 * Every practice with its retention (a cross-practice read under the `retentionSweep` policy,
 * which shows every row: the sweep also purges spent tokens where nothing is set), by id after
 * `afterId`, `limit` at a time; the settings are read by their own rules.
 */
export async function practicesForRetention(
  tx: SweepTx,
  afterId: string | null,
  limit: number,
): Promise<PracticeRetention[]> {
  const rows = await tx.query<{ id: string; settings: unknown }>(
    `SELECT id, (SELECT jsonb_object_agg(key, value) FROM jsonb_each(settings)
                 WHERE key IN ('messageRetentionDays', 'attachmentRetentionDays')) AS settings
     FROM practices WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((row) => {
    const settings = readPracticeSettings(row.settings);
    return {
      practiceId: row.id,
      messageRetentionDays: settings.messageRetentionDays,
      attachmentRetentionDays: settings.attachmentRetentionDays,
    };
  });
}

/**
 * practices: the transaction's tenant is the practice (the table's policy is
 * `id = app_current_tenant()`). Of `settings`, only the access-related keys are read here
 * (other libraries may keep other keys there).
 */
@Injectable()
export class PracticeRepository {
  /** The new practice, whose id the transaction was opened for. */
  async create(tx: TenantTx, name: string): Promise<void> {
    await tx.execute(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [tx.tenantId, name]);
  }

  /** The practice's display name (account emails name it). */
  async name(tx: TenantTx): Promise<string> {
    const [row] = await tx.query<{ name: string }>(`SELECT name FROM practices WHERE id = $1`, [tx.tenantId]);
    return row?.name ?? '';
  }

  async settings(tx: TenantTx): Promise<PracticeSettings> {
    const [row] = await tx.query<{ settings: unknown }>(`SELECT settings FROM practices WHERE id = $1`, [
      tx.tenantId,
    ]);
    return readPracticeSettings(row?.settings);
  }

  /** Merges `patch` into the stored settings; the practice's settings afterwards. */
  async updateSettings(
    tx: TenantTx,
    patch:
      | PracticeSettingsPatch
      | Pick<PracticeSettings, 'timeZone' | 'businessHours'>
      | Pick<PracticeSettings, 'messageRetentionDays' | 'attachmentRetentionDays'>,
    now: Date,
  ): Promise<PracticeSettings> {
    const [row] = await tx.query<{ settings: unknown }>(
      `UPDATE practices SET settings = settings || $2::jsonb, updated_at = $3 WHERE id = $1 RETURNING settings`,
      [tx.tenantId, JSON.stringify(patch), now],
    );
    return readPracticeSettings(row?.settings);
  }
}
