import type { TenantTx } from '@app/database';

/** A contact's blind-indexed addresses, per delivery channel (sms: phone, email: email). */
export interface ContactAddressIndexes {
  sms: Buffer | null;
  email: Buffer | null;
}

/** What dies with an address the contact no longer has. */
export interface RetiredAddress {
  channel: 'sms' | 'email';
  linksRetracted: number;
  consentRequestsCancelled: number;
}

/** The contact's address indexes, its row locked until the caller commits; null: no such contact. */
export async function lockContactAddresses(
  tx: TenantTx,
  contactId: string,
): Promise<ContactAddressIndexes | null> {
  const [row] = await tx.query<{ phone_bidx: Buffer | null; email_bidx: Buffer | null }>(
    `SELECT phone_bidx, email_bidx FROM contacts WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tx.tenantId, contactId],
  );
  return row ? { sms: row.phone_bidx, email: row.email_bidx } : null;
}

/**
 * After staff changed a contact's phone or email: whatever is still bound to the old address
 * stops working in the same transaction. Its live secure links are retracted (a portal session
 * opens only its own link, checked on every request, so those sessions end too), and its live
 * consent requests are cancelled, so a YES or the consent page from the old address records
 * nothing. Other contacts on that address (a shared phone) keep theirs.
 */
export async function retireChangedAddresses(
  tx: TenantTx,
  contactId: string,
  before: ContactAddressIndexes,
  after: ContactAddressIndexes,
): Promise<RetiredAddress[]> {
  const retired: RetiredAddress[] = [];
  for (const channel of ['sms', 'email'] as const) {
    const old = before[channel];
    if (!old || after[channel]?.equals(old)) continue;
    retired.push({ channel, ...(await retireAddress(tx, contactId, channel, old)) });
  }
  return retired;
}

async function retireAddress(
  tx: TenantTx,
  contactId: string,
  channel: 'sms' | 'email',
  addressIndex: Buffer,
): Promise<Omit<RetiredAddress, 'channel'>> {
  const params = [tx.tenantId, contactId, channel, addressIndex];
  const [links, requests] = (await tx.queryEach([
    [
      `UPDATE secure_links SET retracted_at = now()
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND address_bidx = $4
         AND retracted_at IS NULL AND expires_at > now()
       RETURNING id`,
      params,
    ],
    [
      `UPDATE consent_requests SET status = 'cancelled'
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND address_bidx = $4 AND status = 'live'
       RETURNING id`,
      params,
    ],
  ])) as [Array<{ id: string }>, Array<{ id: string }>];
  return { linksRetracted: links.length, consentRequestsCancelled: requests.length };
}
