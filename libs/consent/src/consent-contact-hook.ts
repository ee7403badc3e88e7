import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type AddressChannel,
  type ContactHook,
  ContactHooks,
  type MergeResult,
  type RetiredAddress,
} from '@app/contacts';
import type { TenantTx } from '@app/database';
import { ConsentLedger } from './consent-ledger.js';

/**
 * Consent's part of a contact's lifecycle. A merge moves the other's consent requests to the
 * survivor and copies its records (the ledger is append-only: never moved); a changed address
 * cancels the live requests sent to the old one.
 */
@Injectable()
export class ConsentContactHook implements ContactHook, OnModuleInit {
  constructor(
    private readonly hooks: ContactHooks,
    private readonly ledger: ConsentLedger,
  ) {}

  onModuleInit(): void {
    this.hooks.register('consent', 40, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    // One live consent request per contact and channel: the survivor's wins, the other's is
    // superseded (its link then shows the neutral page).
    await tx.execute(
      `UPDATE consent_requests o SET status = 'superseded'
       WHERE o.tenant_id = $1 AND o.contact_id = $2 AND o.status = 'live' AND EXISTS (
         SELECT 1 FROM consent_requests s
         WHERE s.tenant_id = $1 AND s.contact_id = $3 AND s.channel = o.channel AND s.status = 'live')`,
      [tx.tenantId, otherId, survivorId],
    );
    await tx.execute(`UPDATE consent_requests SET contact_id = $3 WHERE tenant_id = $1 AND contact_id = $2`, [
      tx.tenantId,
      otherId,
      survivorId,
    ]);
    return { consentsCopied: await this.ledger.copyRecordsOnMerge(tx, survivorId, otherId) };
  }

  /** Live consent requests to the old address are cancelled: a later answer from it counts for nothing. */
  async retireAddress(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
    addressIndex: Buffer,
  ): Promise<Partial<Omit<RetiredAddress, 'channel'>>> {
    const cancelled = await tx.execute(
      `UPDATE consent_requests SET status = 'cancelled'
       WHERE tenant_id = $1 AND contact_id = $2 AND channel = $3 AND address_bidx = $4 AND status = 'live'`,
      [tx.tenantId, contactId, channel, addressIndex],
    );
    return { consentRequestsCancelled: cancelled };
  }
}
