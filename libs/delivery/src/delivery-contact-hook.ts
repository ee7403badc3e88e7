import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type AddressChannel,
  type ContactHook,
  ContactHooks,
  type MergeResult,
  type RetiredAddress,
} from '@app/contacts';
import type { TenantTx } from '@app/database';

/**
 * Delivery's part of a contact's lifecycle: secure links and unsubscribe links. A merge moves
 * them to the survivor; a changed address retracts the secure links to it (consent requests are
 * consent's hook).
 */
@Injectable()
export class DeliveryContactHook implements ContactHook, OnModuleInit {
  constructor(private readonly hooks: ContactHooks) {}

  onModuleInit(): void {
    this.hooks.register('delivery', 30, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    // The patient's links follow their messages to the survivor; a secure link shows only what
    // was sent to its own address, so moving it is safe.
    for (const table of ['secure_links', 'unsubscribe_links'])
      await tx.execute(`UPDATE ${table} SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2`, [
        tx.tenantId,
        otherId,
        survivorId,
      ]);
    return {};
  }

  /** Live secure links to the old address are retracted (their portal sessions end too). */
  async retireAddress(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
    addressIndex: Buffer,
  ): Promise<Partial<Omit<RetiredAddress, 'channel'>>> {
    const links = await tx.query<{ id: string }>(
      `UPDATE secure_links SET retracted_at = now()
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND address_bidx = $4
         AND retracted_at IS NULL AND expires_at > now()
       RETURNING id`,
      [tx.tenantId, contactId, channel, addressIndex],
    );
    return { linksRetracted: links.length };
  }
}
