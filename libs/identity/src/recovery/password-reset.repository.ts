import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { IsNull, MoreThan, MoreThanOrEqual } from 'typeorm';
import { type PasswordResetTokenEntity, PasswordResetTokenSchema } from './password-reset-token.entity.js';

/** password_reset_tokens: single-use "forgot password" tokens, stored as hashes only. */
@Injectable()
export class PasswordResetRepository {
  async insert(
    tx: TenantTx,
    token: Pick<PasswordResetTokenEntity, 'id' | 'user_id' | 'token_hash' | 'created_at' | 'expires_at'>,
  ): Promise<void> {
    await tx.repository(PasswordResetTokenSchema).insert(token);
  }

  /** The token row by id, locked until the caller commits when `lock`. */
  find(tx: TenantTx, id: string, lock: boolean): Promise<PasswordResetTokenEntity | null> {
    return tx.repository(PasswordResetTokenSchema).findOne({ id }, { forUpdate: lock });
  }

  /** How many tokens the user was sent since `since` (used, revoked or live): the per-account limit. */
  async countSince(tx: TenantTx, userId: string, since: Date): Promise<number> {
    const rows = await tx
      .repository(PasswordResetTokenSchema)
      .find({ user_id: userId, created_at: MoreThanOrEqual(since) });
    return rows.length;
  }

  async markUsed(tx: TenantTx, id: string, now: Date): Promise<void> {
    await tx.repository(PasswordResetTokenSchema).update({ id }, { used_at: now });
  }

  /** Revokes the user's tokens still usable at `now`; how many. */
  async revokeLive(tx: TenantTx, userId: string, now: Date): Promise<number> {
    const revoked = await tx
      .repository(PasswordResetTokenSchema)
      .update(
        { user_id: userId, used_at: IsNull(), revoked_at: IsNull(), expires_at: MoreThan(now) },
        { revoked_at: now },
      );
    return revoked.length;
  }
}

/** Deletes up to `limit` reset tokens that expired before `before`; how many. The retention sweep calls it. */
export function purgeExpiredResetTokens(tx: TenantTx, before: Date, limit: number): Promise<number> {
  return tx.execute(
    `DELETE FROM password_reset_tokens WHERE tenant_id = $1 AND id IN (
       SELECT id FROM password_reset_tokens WHERE tenant_id = $1 AND expires_at < $2
       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)`,
    [tx.tenantId, before, limit],
  );
}
