import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantTx } from '@app/database';

export interface DirectoryEntry {
  userId: string;
  tenantId: string;
}

/**
 * Email -> (tenant, user), for the login path only, which runs before any tenant is known.
 * Row-level security shows the login path exactly the entry of the email it names.
 */
@Injectable()
export class LoginDirectory {
  constructor(private readonly ds: DataSource) {}

  async find(emailNormalized: string): Promise<DirectoryEntry | null> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT set_config('app.login_email', $1, true)`, [emailNormalized]);
      const rows = (await m.query(
        `SELECT user_id, tenant_id FROM login_directory WHERE email_normalized = $1`,
        [emailNormalized],
      )) as Array<{ user_id: string; tenant_id: string }>;
      const row = rows[0];
      return row ? { userId: row.user_id, tenantId: row.tenant_id } : null;
    });
  }

  /** Claims the email for a user of the transaction's tenant; false when any practice already has it. */
  async register(tx: TenantTx, emailNormalized: string, userId: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO login_directory (email_normalized, user_id, tenant_id) VALUES ($1, $2, $3)
       ON CONFLICT (email_normalized) DO NOTHING RETURNING user_id`,
      [emailNormalized, userId, tx.tenantId],
    );
    return rows.length === 1;
  }
}
