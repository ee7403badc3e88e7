import { Injectable } from '@nestjs/common';
import type { AddressChannel } from '@app/contacts';
import type { TenantTx } from '@app/database';

/** A contact's secure links and unsubscribe links as the contact changes (merge, address change). */
@Injectable()
export class ContactLinkRepository {
  /** The other contact's links move to the survivor. */
  async moveToSurvivor(tx: TenantTx, survivorId: string, otherId: string): Promise<void> {
    for (const table of ['secure_links', 'unsubscribe_links'])
      await tx.execute(`UPDATE ${table} SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2`, [
        tx.tenantId,
        otherId,
        survivorId,
      ]);
  }

  /** Live secure links of the contact to the address are retracted; how many were. */
  async retractSecureLinksTo(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
    addressIndex: Buffer,
  ): Promise<number> {
    const links = await tx.query<{ id: string }>(
      `UPDATE secure_links SET retracted_at = now()
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND address_bidx = $4
         AND retracted_at IS NULL AND expires_at > now()
       RETURNING id`,
      [tx.tenantId, contactId, channel, addressIndex],
    );
    return links.length;
  }
}
