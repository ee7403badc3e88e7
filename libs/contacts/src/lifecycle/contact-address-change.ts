import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { ContactRepository } from '../contact.repository.js';
import { type AddressChannel, ContactHooks, type RetiredAddress } from './contact-hooks.js';

/** A contact's blind-indexed addresses, per delivery channel (sms: phone, email: email). */
export type ContactAddressIndexes = Record<AddressChannel, Buffer | null>;

/**
 * After staff changed a contact's phone or email, whatever is still bound to the old address
 * stops working in the same transaction: each lib retires its own rows through its ContactHook
 * (delivery: live secure links retracted, live consent requests cancelled, so a YES or the
 * consent page from the old address records nothing). Other contacts on that address keep theirs.
 */
@Injectable()
export class ContactAddressChange {
  constructor(
    private readonly hooks: ContactHooks,
    private readonly contacts: ContactRepository,
  ) {}

  /** The contact's address indexes, its row locked until the caller commits; null: no such contact. */
  async lockAddresses(tx: TenantTx, contactId: string): Promise<ContactAddressIndexes | null> {
    const indexes = await this.contacts.lockAddressIndexes(tx, contactId);
    return indexes ? { sms: indexes.phone, email: indexes.email } : null;
  }

  /** Retires each address that changed from `before` to `after`. */
  async retireChanged(
    tx: TenantTx,
    contactId: string,
    before: ContactAddressIndexes,
    after: ContactAddressIndexes,
  ): Promise<RetiredAddress[]> {
    const retired: RetiredAddress[] = [];
    for (const channel of ['sms', 'email'] as const) {
      const old = before[channel];
      if (!old || after[channel]?.equals(old)) continue;
      retired.push(await this.hooks.retireAddress(tx, contactId, channel, old));
    }
    return retired;
  }
}
