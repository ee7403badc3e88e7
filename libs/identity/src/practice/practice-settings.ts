import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { TenantTx } from '@app/database';
import { IDENTITY_POLICY } from '../identity.constants.js';

/** What a practice may tune about staff access. */
export interface PracticeSettings {
  /** Automatic logoff after this much inactivity. */
  idleTimeoutMinutes: number;
  /** MFA for every role, not only owner/admin (who always need it). */
  mfaRequiredForAllRoles: boolean;
}

export const practiceSettingsPatchSchema = z
  .object({
    idleTimeoutMinutes: z.number().int().min(1).max(720).optional(),
    mfaRequiredForAllRoles: z.boolean().optional(),
  })
  .strict();
export type PracticeSettingsPatch = z.infer<typeof practiceSettingsPatchSchema>;

const DEFAULTS: PracticeSettings = {
  idleTimeoutMinutes: IDENTITY_POLICY.defaultIdleTimeoutMinutes,
  mfaRequiredForAllRoles: false,
};

/** Reads a settings document defensively: unknown or malformed keys fall back to the defaults. */
export function readPracticeSettings(raw: unknown): PracticeSettings {
  const doc = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const idle = doc.idleTimeoutMinutes;
  return {
    idleTimeoutMinutes:
      typeof idle === 'number' && Number.isInteger(idle) && idle >= 1 && idle <= 720
        ? idle
        : DEFAULTS.idleTimeoutMinutes,
    mfaRequiredForAllRoles:
      typeof doc.mfaRequiredForAllRoles === 'boolean'
        ? doc.mfaRequiredForAllRoles
        : DEFAULTS.mfaRequiredForAllRoles,
  };
}

/** The access-related keys of `practices.settings` (other libraries may keep other keys there). */
@Injectable()
export class PracticeSettingsRepository {
  async get(tx: TenantTx): Promise<PracticeSettings> {
    const [row] = await tx.query<{ settings: unknown }>(`SELECT settings FROM practices WHERE id = $1`, [
      tx.tenantId,
    ]);
    return readPracticeSettings(row?.settings);
  }

  async update(tx: TenantTx, patch: PracticeSettingsPatch, now: Date): Promise<PracticeSettings> {
    const [row] = await tx.query<{ settings: unknown }>(
      `UPDATE practices SET settings = settings || $2::jsonb, updated_at = $3 WHERE id = $1 RETURNING settings`,
      [tx.tenantId, JSON.stringify(patch), now],
    );
    return readPracticeSettings(row?.settings);
  }
}
