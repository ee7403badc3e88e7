import { randomUUID } from 'node:crypto';
import type { TenantTx } from '@app/database';
import { TenantKeysMissingError } from './errors.js';
import type { FieldKey } from './field-cipher.js';
import { type KeyPurpose, type MasterKeyRing, generateKey, unwrapKey, wrapKey } from './key-wrap.js';
import { type TenantKeyRow, TenantKeyRepository } from './tenant-key.repository.js';

/** A tenant's unwrapped keys, as held in memory for a bounded time. */
export interface TenantKeys {
  /** Every data key of the tenant (active and retired), by key id: old ciphertext stays readable. */
  dataKeys: ReadonlyMap<string, Buffer>;
  /** The key new ciphertext is sealed with. */
  activeDataKey: FieldKey;
  /** Root of the blind-index subkeys; never rotated (that would need every index recomputed). */
  indexKey: Buffer;
}

const tenantKeys = new TenantKeyRepository();

/** Reads and unwraps the tenant's keys. */
export async function loadTenantKeys(tx: TenantTx, masters: MasterKeyRing): Promise<TenantKeys> {
  const rows = await tenantKeys.listForTenant(tx);
  const unwrap = (row: TenantKeyRow) =>
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
  await tenantKeys.insertActive(tx, {
    id,
    purpose,
    version,
    wrappedKey: wrapped,
    masterKeyId: masters.current.id,
  });
  return id;
}

export interface CreatedTenantKeys {
  dataKeyId: string;
  indexKeyId: string;
}

export async function insertInitialKeys(tx: TenantTx, masters: MasterKeyRing): Promise<CreatedTenantKeys> {
  await tenantKeys.lockTenantKeys(tx);
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
  await tenantKeys.lockTenantKeys(tx);
  const active = await tenantKeys.activeDataKey(tx);
  if (!active) throw new TenantKeysMissingError();
  // Retire first: a partial unique index allows one active key per tenant and purpose.
  await tenantKeys.retire(tx, active.id);
  const version = active.version + 1;
  const keyId = await insertKey(tx, masters, 'data', version);
  return { keyId, version, retiredKeyId: active.id };
}
