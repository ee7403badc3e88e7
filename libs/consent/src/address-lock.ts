import type { TenantTx } from '@app/database';
import type { DeliveryChannel } from './reply-gate.js';

/**
 * The lock that makes "a revocation between reply and send wins" exact. A delivery worker holds
 * it SHARED for one address from its send-time consent check until the provider call returns;
 * whatever can take consent away (revoke, decline, STOP, provider opt-out) takes it EXCLUSIVE
 * first. So a revocation either commits before the worker looks (the worker sees it) or waits
 * until the provider has the message (the send happened while consent was valid).
 */
export function addressLockKey(tenantId: string, channel: DeliveryChannel, addressIndex: Buffer): string {
  return `send-address:${tenantId}:${channel}:${addressIndex.toString('hex')}`;
}

/**
 * `addressLockKey` computed by Postgres from columns (SQL expressions for the tenant id, the
 * channel and the address blind index): for taking the lock in the statement that reads the row.
 */
export function addressLockKeySql(columns: {
  tenantId: string;
  channel: string;
  addressIndex: string;
}): string {
  return `'send-address:' || ${columns.tenantId} || ':' || ${columns.channel} || ':' || encode(${columns.addressIndex}, 'hex')`;
}

/** Waits for in-flight sends to this address, then holds it until the transaction ends. */
export async function lockAddressForChange(
  tx: TenantTx,
  channel: DeliveryChannel,
  addressIndex: Buffer,
): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    addressLockKey(tx.tenantId, channel, addressIndex),
  ]);
}
