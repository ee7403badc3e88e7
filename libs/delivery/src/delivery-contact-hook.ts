import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type AddressChannel,
  type ContactHook,
  ContactHooks,
  type MergeResult,
  type RetiredAddress,
} from '@app/contacts';
import type { TenantTx } from '@app/database';
import { ContactLinkRepository } from './outbound/contact-links.repository.js';

/**
 * Delivery's part of a contact's lifecycle: secure links and unsubscribe links. A merge moves
 * them to the survivor; a changed address retracts the secure links to it (consent requests are
 * consent's hook).
 */
@Injectable()
export class DeliveryContactHook implements ContactHook, OnModuleInit {
  constructor(
    private readonly hooks: ContactHooks,
    private readonly links: ContactLinkRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register('delivery', 30, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    // The patient's links follow their messages to the survivor; a secure link shows only what
    // was sent to its own address, so moving it is safe.
    await this.links.moveToSurvivor(tx, survivorId, otherId);
    return {};
  }

  /** Live secure links to the old address are retracted (their portal sessions end too). */
  async retireAddress(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
    addressIndex: Buffer,
  ): Promise<Partial<Omit<RetiredAddress, 'channel'>>> {
    return { linksRetracted: await this.links.retractSecureLinksTo(tx, contactId, channel, addressIndex) };
  }
}
