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
import { ConsentRequestRepository } from './requests/consent-request.repository.js';

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
    private readonly consentRequests: ConsentRequestRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register('consent', 40, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    // The survivor's live request wins; the other's is superseded (its link then shows the neutral page).
    await this.consentRequests.moveToSurvivor(tx, survivorId, otherId);
    return { consentsCopied: await this.ledger.copyRecordsOnMerge(tx, survivorId, otherId) };
  }

  /** Live consent requests to the old address are cancelled: a later answer from it counts for nothing. */
  async retireAddress(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
    addressIndex: Buffer,
  ): Promise<Partial<Omit<RetiredAddress, 'channel'>>> {
    return {
      consentRequestsCancelled: await this.consentRequests.cancelLiveToAddress(
        tx,
        contactId,
        channel,
        addressIndex,
      ),
    };
  }
}
