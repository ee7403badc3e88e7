import { Logger } from '@nestjs/common';
import { KeyUnwrapError, MasterKeyRing, unwrapKey, wrapKey } from './key-wrap.js';
import {
  type OwnerConnection,
  TenantKeyRepository,
  type WrappedTenantKeyRow,
} from './tenant-key.repository.js';

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

const logger = new Logger('KeyRing');
const tenantKeys = new TenantKeyRepository();

/** Refuses to run where row-level security would hide tenants (the run would "succeed" doing nothing). */
export async function assertSeesAllTenants(conn: OwnerConnection): Promise<void> {
  if (!(await tenantKeys.bypassesRowSecurity(conn))) {
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
    const batch: WrappedTenantKeyRow[] = await tenantKeys.pageNotWrappedBy(
      conn,
      current.id,
      after,
      batchSize,
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
      // 0 rows: another run re-wrapped it first; `remaining` below reports anything truly left.
      result.rewrapped += await tenantKeys.rewrapIfUnchanged(conn, row, rewrapped, current.id);
    }
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1]!.id;
  }

  result.remaining = await tenantKeys.countNotWrappedBy(conn, current.id);
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
