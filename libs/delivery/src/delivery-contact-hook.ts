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
 * Delivery's part of a contact's lifecycle: consent requests, secure links and unsubscribe
 * links. A merge moves them to the survivor; a changed address retires them.
 */
@Injectable()
export class DeliveryContactHook implements ContactHook, OnModuleInit {
  constructor(private readonly hooks: ContactHooks) {}

  onModuleInit(): void {
    this.hooks.register('delivery', 30, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    // The patient's links follow their messages to the survivor; a secure link shows only what
    // was sent to its own address, so moving it is safe. One live consent request per contact
    // and channel: the survivor's wins, the other's is superseded (its link then shows the
    // neutral page).
    await tx.execute(
      `UPDATE consent_requests o SET status = 'superseded'
       WHERE o.tenant_id = $1 AND o.contact_id = $2 AND o.status = 'live' AND EXISTS (
         SELECT 1 FROM consent_requests s
         WHERE s.tenant_id = $1 AND s.contact_id = $3 AND s.channel = o.channel AND s.status = 'live')`,
      [tx.tenantId, otherId, survivorId],
    );
    for (const table of ['consent_requests', 'secure_links', 'unsubscribe_links'])
      await tx.execute(`UPDATE ${table} SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2`, [
        tx.tenantId,
        otherId,
        survivorId,
      ]);
    return {};
  }

  /** Live secure links to the old address are retracted (their portal sessions end too); live consent requests cancelled. */
  async retireAddress(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
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
}
