import type { SweepTx, TenantTx } from '@app/database';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { KeyPurpose } from './key-wrap.js';
import type { TenantKeyEntity } from './tenant-key.entity.js';

/** A connection as the schema owner (superuser or BYPASSRLS): a TypeORM DataSource or a pg Pool. */
export type OwnerConnection = DataSource | Pool;

/** A tenant key as stored: still wrapped by the master key it names. */
export type TenantKeyRow = Pick<
  TenantKeyEntity,
  'id' | 'purpose' | 'version' | 'status' | 'wrapped_key' | 'master_key_id'
> & { purpose: KeyPurpose; status: 'active' | 'retired' };

/** A tenant key across tenants, as the master key rotation reads it. */
export type WrappedTenantKeyRow = Pick<
  TenantKeyEntity,
  'id' | 'tenant_id' | 'purpose' | 'wrapped_key' | 'master_key_id'
> & { purpose: KeyPurpose };

// Every owner statement is SELECT-shaped so DataSource and Pool both return plain rows.
async function select<T>(conn: OwnerConnection, sql: string, params: unknown[] = []): Promise<T[]> {
  if (conn instanceof DataSource) return conn.query(sql, params);
  return (await conn.query(sql, params)).rows as T[];
}

/**
 * tenant_keys and deployment_master_key: a practice's keys in its own transaction, the
 * deployment's master key id in the `masterKeyCheck` sweep, and the master key rotation over the
 * schema owner's connection. Stateless: the key ring, the check and the `keys` CLI each hold one.
 */
export class TenantKeyRepository {
  /** Serializes key creation and rotation per tenant; a namespace distinct from other advisory locks. */
  async lockTenantKeys(tx: TenantTx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('inbox:tenant_keys'), hashtext($1))`, [
      tx.tenantId,
    ]);
  }

  /** The tenant's keys, still wrapped. `tenant_id = $1` is explicit as well as enforced by RLS. */
  async listForTenant(tx: TenantTx): Promise<TenantKeyRow[]> {
    return tx.query<TenantKeyRow>(
      `SELECT id, purpose, version, status, wrapped_key, master_key_id
       FROM tenant_keys WHERE tenant_id = $1 ORDER BY purpose, version`,
      [tx.tenantId],
    );
  }

  async insertActive(
    tx: TenantTx,
    key: { id: string; purpose: KeyPurpose; version: number; wrappedKey: Buffer; masterKeyId: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO tenant_keys (id, tenant_id, purpose, version, status, wrapped_key, master_key_id)
     VALUES ($1, $2, $3, $4, 'active', $5, $6)`,
      [key.id, tx.tenantId, key.purpose, key.version, key.wrappedKey, key.masterKeyId],
    );
  }

  /** The active data key, with the highest data key version the tenant has; null when it has none. */
  async activeDataKey(tx: TenantTx): Promise<{ id: string; version: number } | null> {
    const [active] = await tx.query<{ id: string; version: number }>(
      `SELECT id, (SELECT max(version) FROM tenant_keys WHERE tenant_id = $1 AND purpose = 'data') AS version
       FROM tenant_keys WHERE tenant_id = $1 AND purpose = 'data' AND status = 'active'`,
      [tx.tenantId],
    );
    return active ?? null;
  }

  /** The key stays for decryption but no longer seals anything. */
  async retire(tx: TenantTx, keyId: string): Promise<void> {
    await tx.query(
      `UPDATE tenant_keys SET status = 'retired', retired_at = now() WHERE id = $1 AND tenant_id = $2`,
      [keyId, tx.tenantId],
    );
  }

  /** Records `masterKeyId` as the deployment's unless one is recorded already (the first process wins). */
  async recordDeploymentMasterKeyIfNone(tx: SweepTx, masterKeyId: string): Promise<void> {
    await tx.query(
      `INSERT INTO deployment_master_key (master_key_id) VALUES ($1) ON CONFLICT (singleton) DO NOTHING`,
      [masterKeyId],
    );
  }

  async deploymentMasterKeyId(tx: SweepTx): Promise<string | null> {
    const rows = await tx.query<{ master_key_id: string }>(`SELECT master_key_id FROM deployment_master_key`);
    return rows[0]?.master_key_id ?? null;
  }

  /** The deployment's master key becomes `masterKeyId` (`keys rotate-master`, as the schema owner). */
  async setDeploymentMasterKey(conn: OwnerConnection, masterKeyId: string): Promise<void> {
    const upsert = `INSERT INTO deployment_master_key (master_key_id) VALUES ($1)
     ON CONFLICT (singleton) DO UPDATE SET master_key_id = excluded.master_key_id, updated_at = now()`;
    if (conn instanceof DataSource) await conn.query(upsert, [masterKeyId]);
    else await conn.query(upsert, [masterKeyId]);
  }

  /** Whether the connection's role bypasses row-level security (superuser or BYPASSRLS). */
  async bypassesRowSecurity(conn: OwnerConnection): Promise<boolean> {
    const [role] = await select<{ bypass: boolean }>(
      conn,
      `SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
    );
    return role?.bypass ?? false;
  }

  /** One keyset page (by id, after `after`) of the keys of every tenant not wrapped by `masterKeyId`. */
  async pageNotWrappedBy(
    conn: OwnerConnection,
    masterKeyId: string,
    after: string | null,
    limit: number,
  ): Promise<WrappedTenantKeyRow[]> {
    return select<WrappedTenantKeyRow>(
      conn,
      `SELECT id, tenant_id, purpose, wrapped_key, master_key_id FROM tenant_keys
        WHERE master_key_id <> $1 AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3`,
      [masterKeyId, after, limit],
    );
  }

  /**
   * Compare-and-set: the key takes its new wrapping only if it still has the one `row` read;
   * the number of rows changed (0: another run re-wrapped it first).
   */
  async rewrapIfUnchanged(
    conn: OwnerConnection,
    row: WrappedTenantKeyRow,
    rewrapped: Buffer,
    masterKeyId: string,
  ): Promise<number> {
    const [updated] = await select<{ n: number }>(
      conn,
      `WITH u AS (
           UPDATE tenant_keys SET wrapped_key = $1, master_key_id = $2
            WHERE id = $3 AND master_key_id = $4 AND wrapped_key = $5 RETURNING 1)
         SELECT count(*)::int AS n FROM u`,
      [rewrapped, masterKeyId, row.id, row.master_key_id, row.wrapped_key],
    );
    return updated?.n ?? 0;
  }

  async countNotWrappedBy(conn: OwnerConnection, masterKeyId: string): Promise<number> {
    const [left] = await select<{ n: number }>(
      conn,
      `SELECT count(*)::int AS n FROM tenant_keys WHERE master_key_id <> $1`,
      [masterKeyId],
    );
    return left?.n ?? 0;
  }
}
