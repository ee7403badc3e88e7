import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { type KeyPurpose, KeyUnwrapError, MasterKeyRing, unwrapKey, wrapKey } from './key-wrap.js';
import type { TenantKeyEntity } from './tenant-key.entity.js';

/** A connection as the schema owner (superuser or BYPASSRLS): a TypeORM DataSource or a pg Pool. */
export type OwnerConnection = DataSource | Pool;

export interface RewrapOptions {
  /** The new current master key (base64), as in MASTER_KEY. */
  masterKey: string;
  /** Earlier master keys (base64) the rows may still be wrapped by, as in MASTER_KEY_PREVIOUS. */
  previousKeys: readonly string[];
  batchSize?: number;
}

export interface RewrapResult {
  /** Master key id everything is now wrapped by. */
  masterKeyId: string;
  rewrapped: number;
  /** Rows wrapped by a master key that was not supplied: left untouched. */
  unknownMasterKey: number;
  unknownMasterKeyIds: string[];
  /** Rows whose wrapped key did not open with the master key its row names: left untouched. */
  failed: number;
  /** Rows still not wrapped by the current master key after the run (0 = previous keys can be dropped). */
  remaining: number;
}

type WrappedRow = Pick<TenantKeyEntity, 'id' | 'tenant_id' | 'purpose' | 'wrapped_key' | 'master_key_id'> & {
  purpose: KeyPurpose;
};

const logger = new Logger('KeyRing');

// Every statement is SELECT-shaped so DataSource and Pool both return plain rows.
async function select<T>(conn: OwnerConnection, sql: string, params: unknown[] = []): Promise<T[]> {
  if (conn instanceof DataSource) return conn.query(sql, params);
  return (await conn.query(sql, params)).rows as T[];
}

/** Refuses to run where row-level security would hide tenants (the run would "succeed" doing nothing). */
export async function assertSeesAllTenants(conn: OwnerConnection): Promise<void> {
  const [role] = await select<{ bypass: boolean }>(
    conn,
    `SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
  );
  if (!role?.bypass) {
    throw new Error(
      'This operation reads every tenant and must run as a role that bypasses row-level security ' +
        '(the schema owner with superuser or BYPASSRLS, i.e. DATABASE_MIGRATION_URL)',
    );
  }
}

/**
 * Master key rotation: re-wraps every tenant key not yet wrapped by `masterKey`. Keyset-paged
 * batches; each row is one autocommitted compare-and-set UPDATE (matching the old wrapped bytes),
 * so it is idempotent, safe beside running apps (which accept old and new master keys) and safe
 * to run twice at once. Data ciphertext is untouched: only the wrapping of tenant keys changes.
 */
export async function rewrapTenantKeys(conn: OwnerConnection, options: RewrapOptions): Promise<RewrapResult> {
  await assertSeesAllTenants(conn);
  const masters = new MasterKeyRing(options.masterKey, options.previousKeys);
  const current = masters.current;
  const batchSize = options.batchSize ?? 500;
  const result: RewrapResult = {
    masterKeyId: current.id,
    rewrapped: 0,
    unknownMasterKey: 0,
    unknownMasterKeyIds: [],
    failed: 0,
    remaining: 0,
  };
  const unknownIds = new Set<string>();

  let after: string | null = null;
  for (;;) {
    const batch: WrappedRow[] = await select<WrappedRow>(
      conn,
      `SELECT id, tenant_id, purpose, wrapped_key, master_key_id FROM tenant_keys
        WHERE master_key_id <> $1 AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3`,
      [current.id, after, batchSize],
    );
    for (const row of batch) {
      if (!masters.has(row.master_key_id)) {
        result.unknownMasterKey++;
        unknownIds.add(row.master_key_id);
        continue;
      }
      const binding = { tenantId: row.tenant_id, keyId: row.id, purpose: row.purpose };
      let key: Buffer;
      try {
        key = unwrapKey(masters.get(row.master_key_id), binding, row.wrapped_key);
      } catch (err) {
        if (!(err instanceof KeyUnwrapError)) throw err;
        result.failed++;
        logger.error(`Tenant key ${row.id} does not unwrap with master key ${row.master_key_id}; left as is`);
        continue;
      }
      const rewrapped = wrapKey(current, binding, key);
      key.fill(0);
      const [updated] = await select<{ n: number }>(
        conn,
        `WITH u AS (
           UPDATE tenant_keys SET wrapped_key = $1, master_key_id = $2
            WHERE id = $3 AND master_key_id = $4 AND wrapped_key = $5 RETURNING 1)
         SELECT count(*)::int AS n FROM u`,
        [rewrapped, current.id, row.id, row.master_key_id, row.wrapped_key],
      );
      // 0 rows: another run re-wrapped it first; `remaining` below reports anything truly left.
      result.rewrapped += updated?.n ?? 0;
    }
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1]!.id;
  }

  const [left] = await select<{ n: number }>(
    conn,
    `SELECT count(*)::int AS n FROM tenant_keys WHERE master_key_id <> $1`,
    [current.id],
  );
  result.remaining = left?.n ?? 0;
  result.unknownMasterKeyIds = [...unknownIds].toSorted();
  if (result.unknownMasterKey) {
    logger.warn(
      `${result.unknownMasterKey} tenant keys are wrapped by master keys not supplied (${result.unknownMasterKeyIds.join(', ')}); left as is`,
    );
  }
  logger.log(
    `Re-wrapped ${result.rewrapped} tenant keys under master key ${current.id}; ${result.remaining} remain on other keys`,
  );
  return result;
}
