// Hand-written SQL, not the entity's repository (TenantTx.repository): login and every session
// check on a cache miss run these reads (measured hot path: `npm run bench auth`,
// docs/operations.md), and the credential reads lock rows (FOR UPDATE) in one statement.
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { Role } from '../access/permissions.js';
import type { UserEntity } from './user.entity.js';

/** A staff user as the rest of the code sees it (no secrets). */
export interface User {
  id: string;
  tenantId: string;
  email: string;
  /** The login directory's key for this user (lowercase). */
  emailNormalized: string;
  name: string;
  role: Role;
  active: boolean;
  mfaEnabled: boolean;
  tokenVersion: number;
  /** False for an invited user who has not set a password yet. */
  hasPassword: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** The user takes no new conversations for now (round-robin skips them); set by themselves. */
  away: boolean;
}

/** The user plus what only the auth code may see. */
export interface UserCredentials extends User {
  passwordHash: string | null;
  totpSecretEnc: Buffer | null;
  totpPendingSecretEnc: Buffer | null;
  totpLastStep: number | null;
  /** Set when an admin reset the user's MFA: every session they open must enrol first until they do. */
  mfaResetAt: Date | null;
}

export interface NewUser {
  id: string;
  email: string;
  emailNormalized: string;
  name: string;
  role: Role;
  passwordHash: string | null;
}

type UserRow = Pick<
  UserEntity,
  | 'id'
  | 'tenant_id'
  | 'email'
  | 'email_normalized'
  | 'name'
  | 'role'
  | 'active'
  | 'mfa_enabled'
  | 'token_version'
  | 'password_hash'
  | 'locked_until'
  | 'last_login_at'
  | 'created_at'
  | 'totp_secret_enc'
  | 'totp_pending_secret_enc'
  | 'totp_last_step'
  | 'mfa_reset_at'
  | 'away'
> & { role: Role };

export interface FailureOutcome {
  failedCount: number;
  lockedUntil: Date | null;
}

/** Users of the transaction's tenant: the one mapper between `users` rows and `User`. */
@Injectable()
export class UserRepository {
  /** Null when the practice already has a user with this email. */
  async insert(tx: TenantTx, user: NewUser): Promise<User | null> {
    const [row] = await tx.query<UserRow>(
      `INSERT INTO users (id, tenant_id, email, email_normalized, name, role, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, email_normalized) DO NOTHING RETURNING *`,
      [user.id, tx.tenantId, user.email, user.emailNormalized, user.name, user.role, user.passwordHash],
    );
    return row ? toUser(row) : null;
  }

  async get(tx: TenantTx, id: string): Promise<User | null> {
    const row = await this.row(tx, id, false);
    return row ? toUser(row) : null;
  }

  /** With the auth secrets; `lock` takes the row lock (MFA steps, which must not race). */
  async credentials(tx: TenantTx, id: string, lock = false): Promise<UserCredentials | null> {
    const row = await this.row(tx, id, lock);
    if (!row) return null;
    return {
      ...toUser(row),
      passwordHash: row.password_hash,
      totpSecretEnc: row.totp_secret_enc,
      totpPendingSecretEnc: row.totp_pending_secret_enc,
      totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
      mfaResetAt: row.mfa_reset_at,
    };
  }

  async list(tx: TenantTx): Promise<User[]> {
    const rows = await tx.query<UserRow>(
      `SELECT * FROM users WHERE tenant_id = $1 ORDER BY active DESC, name, id`,
      [tx.tenantId],
    );
    return rows.map(toUser);
  }

  /**
   * One more consecutive failure, atomically (parallel attempts all count). A lock that has run
   * out starts a fresh window; reaching the threshold locks the account until `lockUntil`.
   */
  async recordFailure(
    tx: TenantTx,
    id: string,
    now: Date,
    threshold: number,
    lockUntil: Date,
  ): Promise<FailureOutcome> {
    const [row] = await tx.query<{ failed_login_count: number; locked_until: Date | null }>(
      `UPDATE users SET
         failed_login_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1
                                   ELSE failed_login_count + 1 END,
         locked_until = CASE
           WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN NULL
           WHEN locked_until IS NULL AND failed_login_count + 1 >= $3 THEN $4
           ELSE locked_until END,
         updated_at = $2
       WHERE id = $1 AND tenant_id = $5
       RETURNING failed_login_count, locked_until`,
      [id, now, threshold, lockUntil, tx.tenantId],
    );
    return { failedCount: row?.failed_login_count ?? 0, lockedUntil: row?.locked_until ?? null };
  }

  async recordLogin(tx: TenantTx, id: string, now: Date): Promise<void> {
    await tx.execute(
      `UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = $2, updated_at = $2
       WHERE id = $1 AND tenant_id = $3`,
      [id, now, tx.tenantId],
    );
  }

  async setRole(tx: TenantTx, id: string, role: Role, now: Date): Promise<void> {
    await tx.execute(`UPDATE users SET role = $2, updated_at = $3 WHERE id = $1 AND tenant_id = $4`, [
      id,
      role,
      now,
      tx.tenantId,
    ]);
  }

  /** Deactivation also bumps the token version: every token of the user dies at once. */
  async setActive(tx: TenantTx, id: string, active: boolean, now: Date): Promise<void> {
    await tx.execute(
      active
        ? `UPDATE users SET active = true, deactivated_at = NULL, failed_login_count = 0, locked_until = NULL,
             updated_at = $2 WHERE id = $1 AND tenant_id = $3`
        : `UPDATE users SET active = false, deactivated_at = $2, token_version = token_version + 1,
             updated_at = $2 WHERE id = $1 AND tenant_id = $3`,
      [id, now, tx.tenantId],
    );
  }

  /** The user's own availability flag; false when it already was `away` (nothing written). */
  async setAway(tx: TenantTx, id: string, away: boolean, now: Date): Promise<boolean> {
    const changed = await tx.execute(
      `UPDATE users SET away = $2, updated_at = $3 WHERE id = $1 AND tenant_id = $4 AND away <> $2`,
      [id, away, now, tx.tenantId],
    );
    return changed > 0;
  }

  async setPassword(tx: TenantTx, id: string, passwordHash: string, now: Date): Promise<void> {
    await tx.execute(
      `UPDATE users SET password_hash = $2, failed_login_count = 0, locked_until = NULL, updated_at = $3
       WHERE id = $1 AND tenant_id = $4`,
      [id, passwordHash, now, tx.tenantId],
    );
  }

  async setPendingTotpSecret(tx: TenantTx, id: string, secretEnc: Buffer, now: Date): Promise<void> {
    await tx.execute(
      `UPDATE users SET totp_pending_secret_enc = $2, updated_at = $3 WHERE id = $1 AND tenant_id = $4`,
      [id, secretEnc, now, tx.tenantId],
    );
  }

  async enableTotp(tx: TenantTx, id: string, secretEnc: Buffer, step: number, now: Date): Promise<void> {
    await tx.execute(
      `UPDATE users SET mfa_enabled = true, totp_secret_enc = $2, totp_pending_secret_enc = NULL,
         totp_last_step = $3, mfa_reset_at = NULL, updated_at = $4 WHERE id = $1 AND tenant_id = $5`,
      [id, secretEnc, step, now, tx.tenantId],
    );
  }

  /**
   * An admin's MFA reset: the secrets are gone, the user must enrol again, and the token version
   * moves so every token of the user dies at once.
   */
  async resetMfa(tx: TenantTx, id: string, now: Date): Promise<void> {
    await tx.execute(
      `UPDATE users SET mfa_enabled = false, totp_secret_enc = NULL, totp_pending_secret_enc = NULL,
         totp_last_step = NULL, mfa_reset_at = $2, token_version = token_version + 1, updated_at = $2
       WHERE id = $1 AND tenant_id = $3`,
      [id, now, tx.tenantId],
    );
  }

  /** Records a TOTP time step as used; false when it (or a later one) was used before: a replay. */
  async consumeTotpStep(tx: TenantTx, id: string, step: number): Promise<boolean> {
    const n = await tx.execute(
      `UPDATE users SET totp_last_step = $2
       WHERE id = $1 AND tenant_id = $3 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [id, step, tx.tenantId],
    );
    return n === 1;
  }

  private async row(tx: TenantTx, id: string, lock: boolean): Promise<UserRow | undefined> {
    const [row] = await tx.query<UserRow>(
      `SELECT * FROM users WHERE id = $1 AND tenant_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [id, tx.tenantId],
    );
    return row;
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    emailNormalized: row.email_normalized,
    name: row.name,
    role: row.role,
    active: row.active,
    mfaEnabled: row.mfa_enabled,
    tokenVersion: row.token_version,
    hasPassword: row.password_hash !== null,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    away: row.away,
  };
}
