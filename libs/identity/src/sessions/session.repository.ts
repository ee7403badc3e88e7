// Hand-written SQL, not the entity's repository (TenantTx.repository): sessions are created and
// refreshed at every login and token refresh, and read when Redis misses (measured hot path: `npm
// run bench auth`, docs/operations.md).
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { SessionMfaState } from '../access/principal.js';
import type { UserSessionEntity } from './user-session.entity.js';
import type { SessionRefreshTokenEntity } from './session-refresh-token.entity.js';

export interface Session {
  id: string;
  userId: string;
  mfaState: SessionMfaState;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  userId: string;
  mfaState: SessionMfaState;
  now: Date;
  expiresAt: Date;
  ip?: string;
  userAgent?: string;
}

export type RevokeReason =
  | 'logout'
  | 'revoked_by_user'
  | 'revoked_by_admin'
  | 'user_deactivated'
  | 'idle_timeout'
  | 'refresh_reuse'
  | 'mfa_enrolled'
  | 'mfa_reset'
  | 'password_reset'
  | 'password_changed';

type SessionRow = Pick<
  UserSessionEntity,
  | 'id'
  | 'user_id'
  | 'mfa_state'
  | 'created_at'
  | 'last_seen_at'
  | 'expires_at'
  | 'revoked_at'
  | 'revoked_reason'
  | 'ip'
  | 'user_agent'
> & { mfa_state: SessionMfaState };

type RefreshRow = Pick<SessionRefreshTokenEntity, 'id' | 'spent_at'>;

/** Sessions and their refresh-token families, in the transaction's tenant. */
@Injectable()
export class SessionRepository {
  async create(tx: TenantTx, s: NewSession): Promise<Session> {
    const [row] = await tx.query<SessionRow>(
      `INSERT INTO user_sessions (id, tenant_id, user_id, mfa_state, created_at, last_seen_at, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8) RETURNING *`,
      [
        randomUUID(),
        tx.tenantId,
        s.userId,
        s.mfaState,
        s.now,
        s.expiresAt,
        s.ip ?? null,
        s.userAgent?.slice(0, 512) ?? null,
      ],
    );
    return toSession(row!);
  }

  async get(tx: TenantTx, id: string, lock = false): Promise<Session | null> {
    const [row] = await tx.query<SessionRow>(
      `SELECT * FROM user_sessions WHERE id = $1 AND tenant_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [id, tx.tenantId],
    );
    return row ? toSession(row) : null;
  }

  /** Sessions that can still be used (not revoked, not past their absolute expiry). */
  async listLive(tx: TenantTx, userId: string, now: Date): Promise<Session[]> {
    const rows = await tx.query<SessionRow>(
      `SELECT * FROM user_sessions WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3
       ORDER BY last_seen_at DESC, id`,
      [tx.tenantId, userId, now],
    );
    return rows.map(toSession);
  }

  async liveIdsOfTenant(tx: TenantTx, now: Date): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM user_sessions WHERE tenant_id = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [tx.tenantId, now],
    );
    return rows.map((r) => r.id);
  }

  async touch(tx: TenantTx, id: string, at: Date): Promise<void> {
    await tx.execute(
      `UPDATE user_sessions SET last_seen_at = greatest(last_seen_at, $2) WHERE id = $1 AND tenant_id = $3`,
      [id, at, tx.tenantId],
    );
  }

  /** True if this call revoked it (false: unknown or already revoked). */
  async revoke(tx: TenantTx, id: string, reason: RevokeReason, at: Date): Promise<boolean> {
    const n = await tx.execute(
      `UPDATE user_sessions SET revoked_at = $2, revoked_reason = $3
       WHERE id = $1 AND tenant_id = $4 AND revoked_at IS NULL`,
      [id, at, reason, tx.tenantId],
    );
    return n === 1;
  }

  /** Revokes every live session of the user; returns their ids. */
  async revokeAllOfUser(tx: TenantTx, userId: string, reason: RevokeReason, at: Date): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `UPDATE user_sessions SET revoked_at = $2, revoked_reason = $3
       WHERE tenant_id = $4 AND user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [userId, at, reason, tx.tenantId],
    );
    return rows.map((r) => r.id);
  }

  async addRefreshToken(tx: TenantTx, sessionId: string, hash: Buffer, at: Date): Promise<void> {
    await tx.execute(
      `INSERT INTO session_refresh_tokens (id, tenant_id, session_id, token_hash, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [randomUUID(), tx.tenantId, sessionId, hash, at],
    );
  }

  async findRefreshToken(tx: TenantTx, sessionId: string, hash: Buffer): Promise<RefreshRow | null> {
    const [row] = await tx.query<RefreshRow>(
      `SELECT id, spent_at FROM session_refresh_tokens WHERE tenant_id = $1 AND session_id = $2 AND token_hash = $3`,
      [tx.tenantId, sessionId, hash],
    );
    return row ?? null;
  }

  /** Marks a refresh token used; false if it already was (a concurrent use of the same token). */
  async spendRefreshToken(tx: TenantTx, id: string, at: Date): Promise<boolean> {
    const n = await tx.execute(
      `UPDATE session_refresh_tokens SET spent_at = $2 WHERE id = $1 AND tenant_id = $3 AND spent_at IS NULL`,
      [id, at, tx.tenantId],
    );
    return n === 1;
  }
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    mfaState: row.mfa_state,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/**
 * Deletes up to `limit` sessions that ended (expired or revoked) before `endedBefore`, with
 * their refresh tokens (spent or not: a session's tokens only matter while it can be
 * refreshed); how many sessions went. The retention sweep calls it; a live session's spent
 * tokens stay, since reuse detection reads them.
 */
export async function purgeEndedSessions(tx: TenantTx, endedBefore: Date, limit: number): Promise<number> {
  const ended = await tx.query<{ id: string }>(
    `SELECT id FROM user_sessions
     WHERE tenant_id = $1 AND (expires_at < $2 OR revoked_at < $2)
     ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [tx.tenantId, endedBefore, limit],
  );
  const ids = ended.map((row) => row.id);
  if (ids.length === 0) return 0;
  await tx.execute(
    `DELETE FROM session_refresh_tokens WHERE tenant_id = $1 AND session_id = ANY($2::uuid[])`,
    [tx.tenantId, ids],
  );
  return tx.execute(`DELETE FROM user_sessions WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
    tx.tenantId,
    ids,
  ]);
}
