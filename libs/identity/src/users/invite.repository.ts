import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { IsNull, MoreThan } from 'typeorm';
import { type UserInviteEntity, UserInviteSchema } from './user-invite.entity.js';

/** user_invites: single-use invitations to set a password, stored as token hashes. */
@Injectable()
export class InviteRepository {
  async insert(
    tx: TenantTx,
    invite: Pick<
      UserInviteEntity,
      'id' | 'user_id' | 'token_hash' | 'created_by' | 'expires_at' | 'created_at'
    >,
  ): Promise<void> {
    await tx.repository(UserInviteSchema).insert(invite);
  }

  /** The invitation by id, its row locked until the caller commits when `lock`. */
  find(tx: TenantTx, id: string, lock: boolean): Promise<UserInviteEntity | null> {
    return tx.repository(UserInviteSchema).findOne({ id }, { forUpdate: lock });
  }

  async markAccepted(tx: TenantTx, id: string, now: Date): Promise<void> {
    await tx.repository(UserInviteSchema).update({ id }, { accepted_at: now });
  }

  /**
   * Revokes the invitations still live at `now` of a user (`user_id`) or issued by one
   * (`created_by`); the users whose invitations were revoked, one entry per invitation.
   */
  async revokeLive(
    tx: TenantTx,
    by: 'user_id' | 'created_by',
    id: string,
    now: Date,
    reason: string,
  ): Promise<string[]> {
    const revoked = await tx.repository(UserInviteSchema).update(
      {
        ...(by === 'user_id' ? { user_id: id } : { created_by: id }),
        accepted_at: IsNull(),
        revoked_at: IsNull(),
        expires_at: MoreThan(now),
      },
      { revoked_at: now, revoked_reason: reason },
    );
    return revoked.map((r) => r.user_id);
  }
}

/**
 * Deletes up to `limit` invitations that stopped being usable before `before` (expired,
 * accepted or revoked); how many. The retention sweep calls it.
 */
export function purgeLapsedInvites(tx: TenantTx, before: Date, limit: number): Promise<number> {
  return tx.execute(
    `DELETE FROM user_invites WHERE tenant_id = $1 AND id IN (
       SELECT id FROM user_invites
       WHERE tenant_id = $1 AND (expires_at < $2 OR accepted_at < $2 OR revoked_at < $2)
       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)`,
    [tx.tenantId, before, limit],
  );
}
