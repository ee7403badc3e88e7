import { Injectable } from '@nestjs/common';
import { RoutedDb, type TenantTx } from '@app/database';

export interface DirectoryEntry {
  userId: string;
  tenantId: string;
}

/**
 * Email -> (tenant, user), for the login path only, which runs before any tenant is known.
 * Row-level security shows the login path exactly the entry of the email it names.
 *
 * An entry is held for good (`claim_expires_at` NULL) by a user with a password, or
 * provisionally, until a date, by an invited user: a lapsed provisional entry is free, and the
 * next practice to claim the email takes it over.
 */
@Injectable()
export class LoginDirectory {
  constructor(private readonly routed: RoutedDb) {}

  async find(emailNormalized: string): Promise<DirectoryEntry | null> {
    const [row] = await this.routed.lookup<{ user_id: string; tenant_id: string }>(
      { loginEmail: emailNormalized },
      `SELECT user_id, tenant_id FROM login_directory WHERE email_normalized = $1`,
      [emailNormalized],
    );
    return row ? { userId: row.user_id, tenantId: row.tenant_id } : null;
  }

  /**
   * Claims the email for a user of the transaction's tenant: for good (`until` null) or until a
   * date. False when another user holds it and their hold has not lapsed at `now`.
   */
  async claim(
    tx: TenantTx,
    emailNormalized: string,
    userId: string,
    now: Date,
    until: Date | null,
  ): Promise<boolean> {
    const inserted = await tx.query(
      `INSERT INTO login_directory (email_normalized, user_id, tenant_id, claim_expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email_normalized) DO NOTHING RETURNING user_id`,
      [emailNormalized, userId, tx.tenantId, until, now],
    );
    if (inserted.length === 1) return true;
    // The holder may be in another practice: name the email, as the login path does, to see it.
    const taken = await tx.withRoute({ loginEmail: emailNormalized }, () =>
      tx.query(
        `UPDATE login_directory SET user_id = $2, tenant_id = $3, claim_expires_at = $4, created_at = $5
         WHERE email_normalized = $1 AND (user_id = $2 OR claim_expires_at <= $5) RETURNING user_id`,
        [emailNormalized, userId, tx.tenantId, until, now],
      ),
    );
    return taken.length === 1;
  }

  /** The user's provisional hold ends now (their invitation died); a hold for good is kept. */
  async release(tx: TenantTx, userId: string, now: Date): Promise<void> {
    await tx.execute(
      `UPDATE login_directory SET claim_expires_at = least(claim_expires_at, $2)
       WHERE user_id = $1 AND tenant_id = $3 AND claim_expires_at IS NOT NULL`,
      [userId, now, tx.tenantId],
    );
  }

  /** The invited user set a password: the email is theirs for good. False if they no longer hold it. */
  async confirm(tx: TenantTx, userId: string): Promise<boolean> {
    const n = await tx.execute(
      `UPDATE login_directory SET claim_expires_at = NULL WHERE user_id = $1 AND tenant_id = $2`,
      [userId, tx.tenantId],
    );
    return n === 1;
  }
}
