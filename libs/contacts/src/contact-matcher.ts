import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { KeyRingService, normalizeEmail, normalizePhone } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { type AddressField, ContactRepository, type ContactSource } from './contact.repository.js';

/** Who sent an inbound message, as the channel knows it (raw spellings; normalized here). */
export interface SenderAddress {
  phone?: string | null;
  email?: string | null;
  /** Only used when a new contact is created; never used for matching (names are not unique). */
  name?: string | null;
}

export interface ContactMatch {
  contactId: string;
  /** No contact had this address: one was created (lead stage `new`). */
  created: boolean;
  /** Several contacts share the address (families share phones): the most recently active one was picked. */
  ambiguous: boolean;
}

/** The sender has no phone or email that normalizes (the caller answers 400; nothing is written). */
export class UnusableSenderAddressError extends Error {
  constructor() {
    super('The sender has no usable phone number or email address');
    this.name = 'UnusableSenderAddressError';
  }
}

/**
 * Finds the contact an inbound message belongs to, by blind index within the practice, or
 * creates it. Concurrent first messages from one address must not create two contacts, so each
 * address is locked (transaction-scoped advisory lock) before it is looked up.
 */
@Injectable()
export class ContactMatcher {
  constructor(
    private readonly keys: KeyRingService,
    private readonly contacts: ContactRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  /** `source`: the channel a new contact is recorded as coming from (the funnel report). */
  async matchOrCreate(tx: TenantTx, sender: SenderAddress, source?: ContactSource): Promise<ContactMatch> {
    const { phone, email, addresses } = await this.indexedAddresses(tx, sender);
    // Known senders (nearly every message) cost one statement: find and touch the contact.
    for (const [field, index] of addresses) {
      const known = await this.contacts.touchMostRecent(tx, field, index);
      if (known) return { contactId: known.id, created: false, ambiguous: known.shared };
    }
    // Not known yet: lock the addresses and look again, so concurrent first messages create one contact.
    for (const [field, index] of addresses) await this.lockAddress(tx, field, index);
    for (const [field, index] of addresses) {
      const known = await this.contacts.touchMostRecent(tx, field, index);
      if (known) return { contactId: known.id, created: false, ambiguous: known.shared };
    }
    const contact = await this.contacts.create(tx, {
      phone,
      email,
      name: sender.name,
      leadStage: 'new',
      active: true,
      source,
    });
    return { contactId: contact.id, created: true, ambiguous: false };
  }

  /**
   * A contact staff enter by hand (outreach to someone who never wrote): created unless a contact
   * already holds its phone or email, whose id is answered instead. The addresses are locked as
   * for a first message, so a concurrent create or first text from the same number makes one
   * contact, not two.
   */
  async createUnlessHeld(
    tx: TenantTx,
    input: SenderAddress & { dateOfBirth?: string | null },
  ): Promise<{ contactId: string; created: boolean }> {
    const { phone, email, addresses } = await this.lockedAddresses(tx, input);
    const holder = await this.holderOfAny(tx, addresses);
    if (holder) return { contactId: holder, created: false };
    const contact = await this.contacts.create(tx, {
      phone,
      email,
      name: input.name,
      dateOfBirth: input.dateOfBirth,
      leadStage: 'new',
    });
    return { contactId: contact.id, created: true };
  }

  /**
   * The contact a message for an already known contact id belongs to (a chat session, a secure
   * link or an email thread is bound to one, and a merge may have moved it on since), locked
   * and marked active as a matched sender is.
   */
  liveContact(tx: TenantTx, contactId: string): Promise<string> {
    return this.contacts.touchLive(tx, contactId);
  }

  /**
   * The contact for someone who typed addresses into a form of ours (the website chat): a claim,
   * not a proof. Addresses nobody holds yet make a new contact with them (the visitor starts
   * their own conversation); an address a contact already holds makes a separate contact that
   * only records the claim (`claimOf`), so the claimant never joins, reads or receives that
   * contact's conversation.
   */
  async contactForClaim(
    tx: TenantTx,
    claim: SenderAddress,
    source?: ContactSource,
  ): Promise<{ contactId: string; claimOf: string | null }> {
    const { phone, email, addresses } = await this.lockedAddresses(tx, claim);
    const holder = await this.holderOfAny(tx, addresses);
    const contact = holder
      ? await this.contacts.createClaim(tx, {
          name: claim.name,
          claimOf: holder,
          reason: 'typed_address',
          phone,
          email,
          source,
        })
      : await this.contacts.create(tx, {
          phone,
          email,
          name: claim.name,
          leadStage: 'new',
          active: true,
          source,
        });
    return { contactId: contact.id, claimOf: holder };
  }

  /**
   * The contact for the sender of an email SendGrid could not authenticate for its From domain:
   * always a claim of its own, naming the contact that holds the address if one does. Unlike a
   * typed address nobody holds, the From does not become the new contact's address either: its
   * owner, once authenticated, must not find this sender's conversation as theirs.
   */
  async contactForUnauthenticatedSender(
    tx: TenantTx,
    sender: SenderAddress,
    source?: ContactSource,
  ): Promise<{ contactId: string; claimOf: string | null }> {
    const { phone, email, addresses } = await this.lockedAddresses(tx, sender);
    const holder = await this.holderOfAny(tx, addresses);
    const contact = await this.contacts.createClaim(tx, {
      name: sender.name,
      claimOf: holder,
      reason: 'unauthenticated_email',
      phone,
      email,
      source,
    });
    return { contactId: contact.id, claimOf: holder };
  }

  /**
   * Locks the sender's addresses until commit, as matching and claiming do: a caller that must
   * look for an earlier delivery before it creates a claim contact sees any concurrent one.
   */
  async lockSenderAddresses(tx: TenantTx, sender: SenderAddress): Promise<void> {
    await this.lockedAddresses(tx, sender);
  }

  /** The normalized addresses and their blind indexes, locked as in matchOrCreate (so claims and first messages see each other). */
  private async lockedAddresses(tx: TenantTx, sender: SenderAddress) {
    const indexed = await this.indexedAddresses(tx, sender);
    for (const [field, index] of indexed.addresses) await this.lockAddress(tx, field, index);
    return indexed;
  }

  /** The sender's normalized addresses and their blind indexes; throws when none normalizes. */
  private async indexedAddresses(tx: TenantTx, sender: SenderAddress) {
    const phone = normalizePhone(sender.phone, this.config.DEFAULT_PHONE_REGION);
    const email = normalizeEmail(sender.email);
    const cipher = await this.keys.forTenant(tx);
    // Phone first: it is what SMS and most forms carry, and the order keeps lock acquisition consistent.
    const addresses: Array<[AddressField, Buffer]> = [];
    if (phone) addresses.push(['phone', cipher.blindIndex('phone', phone)]);
    if (email) addresses.push(['email', cipher.blindIndex('email', email)]);
    if (addresses.length === 0) throw new UnusableSenderAddressError();
    return { phone, email, addresses };
  }

  private async holderOfAny(tx: TenantTx, addresses: Array<[AddressField, Buffer]>): Promise<string | null> {
    for (const [field, index] of addresses) {
      const holder = await this.contacts.holderOf(tx, field, index);
      if (holder) return holder;
    }
    return null;
  }

  /** Held until commit/rollback. The key is built from the blind index, so no address reaches pg_locks or logs. */
  private async lockAddress(tx: TenantTx, field: AddressField, index: Buffer): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `contact-address:${tx.tenantId}:${field}:${index.toString('hex')}`,
    ]);
  }
}
