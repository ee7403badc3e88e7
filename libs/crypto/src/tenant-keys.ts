import { randomUUID } from 'node:crypto';
import type { TenantTx } from '@app/database';
import { TenantKeysMissingError } from './errors.js';
import type { FieldKey } from './field-cipher.js';
import { type KeyPurpose, type MasterKeyRing, generateKey, unwrapKey, wrapKey } from './key-wrap.js';
import type { TenantKeyEntity } from './tenant-key.entity.js';

/** A tenant's unwrapped keys, as held in memory for a bounded time. */
export interface TenantKeys {
  /** Every data key of the tenant (active and retired), by key id: old ciphertext stays readable. */
  dataKeys: ReadonlyMap<string, Buffer>;
  /** The key new ciphertext is sealed with. */
  activeDataKey: FieldKey;
  /** Root of the blind-index subkeys; never rotated (that would need every index recomputed). */
  indexKey: Buffer;
}

type KeyRow = Pick<
  TenantKeyEntity,
  'id' | 'purpose' | 'version' | 'status' | 'wrapped_key' | 'master_key_id'
> & { purpose: KeyPurpose; status: 'active' | 'retired' };

// Serializes key creation and rotation per tenant; a namespace distinct from other advisory locks.
async function lockTenantKeys(tx: TenantTx): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('inbox:tenant_keys'), hashtext($1))`, [tx.tenantId]);
}

/** Reads and unwraps the tenant's keys. `tenant_id = $1` is explicit as well as enforced by RLS. */
export async function loadTenantKeys(tx: TenantTx, masters: MasterKeyRing): Promise<TenantKeys> {
  const rows = await tx.query<KeyRow>(
    `SELECT id, purpose, version, status, wrapped_key, master_key_id
       FROM tenant_keys WHERE tenant_id = $1 ORDER BY purpose, version`,
    [tx.tenantId],
  );
  const unwrap = (row: KeyRow) =>
    unwrapKey(
      masters.get(row.master_key_id),
      { tenantId: tx.tenantId, keyId: row.id, purpose: row.purpose },
      row.wrapped_key,
    );

  const activeData = rows.find((r) => r.purpose === 'data' && r.status === 'active');
  const activeIndex = rows.find((r) => r.purpose === 'index' && r.status === 'active');
  if (!activeData || !activeIndex) throw new TenantKeysMissingError();

  const dataKeys = new Map(rows.filter((r) => r.purpose === 'data').map((r) => [r.id, unwrap(r)] as const));
  return {
    dataKeys,
    activeDataKey: { id: activeData.id, key: dataKeys.get(activeData.id)! },
    indexKey: unwrap(activeIndex),
  };
}

async function insertKey(
  tx: TenantTx,
  masters: MasterKeyRing,
  purpose: KeyPurpose,
  version: number,
): Promise<string> {
  const id = randomUUID();
  const key = generateKey();
  const wrapped = wrapKey(masters.current, { tenantId: tx.tenantId, keyId: id, purpose }, key);
  key.fill(0);
  await tx.query(
    `INSERT INTO tenant_keys (id, tenant_id, purpose, version, status, wrapped_key, master_key_id)
     VALUES ($1, $2, $3, $4, 'active', $5, $6)`,
    [id, tx.tenantId, purpose, version, wrapped, masters.current.id],
  );
  return id;
}

export interface CreatedTenantKeys {
  dataKeyId: string;
  indexKeyId: string;
}

export async function insertInitialKeys(tx: TenantTx, masters: MasterKeyRing): Promise<CreatedTenantKeys> {
  await lockTenantKeys(tx);
  return {
    dataKeyId: await insertKey(tx, masters, 'data', 1),
    indexKeyId: await insertKey(tx, masters, 'index', 1),
  };
}

export interface RotatedDataKey {
  keyId: string;
  version: number;
  retiredKeyId: string;
}

/** Retires the active data key and inserts the next version as active; the old key stays for decryption. */
export async function insertNextDataKey(tx: TenantTx, masters: MasterKeyRing): Promise<RotatedDataKey> {
  await lockTenantKeys(tx);
  const [active] = await tx.query<{ id: string; version: number }>(
    `SELECT id, (SELECT max(version) FROM tenant_keys WHERE tenant_id = $1 AND purpose = 'data') AS version
       FROM tenant_keys WHERE tenant_id = $1 AND purpose = 'data' AND status = 'active'`,
    [tx.tenantId],
  );
  if (!active) throw new TenantKeysMissingError();
  // Retire first: a partial unique index allows one active key per tenant and purpose.
  await tx.query(
    `UPDATE tenant_keys SET status = 'retired', retired_at = now() WHERE id = $1 AND tenant_id = $2`,
    [active.id, tx.tenantId],
  );
  const version = active.version + 1;
  const keyId = await insertKey(tx, masters, 'data', version);
  return { keyId, version, retiredKeyId: active.id };
}
