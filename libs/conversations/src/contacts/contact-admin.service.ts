import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { type AddressBlocks, ConsentLedger } from '@app/consent';
import {
  type Contact,
  ContactAddressChange,
  ContactMatcher,
  ContactMerge,
  ContactRepository,
  type ContactPatch,
  InvalidContactFieldError,
  type MergeResult,
  UnusableSenderAddressError,
} from '@app/contacts';
import { TenantDb } from '@app/database';
import { ConversationsError, contactExists, contactNotFound as notFound } from '../conversations.errors.js';

/** What staff may enter for a new contact (a phone or an email at least: outreach needs one). */
export interface NewStaffContact {
  name?: string;
  phone?: string;
  email?: string;
  dateOfBirth?: string;
}

export type ContactSearch = {
  field: 'phone' | 'email' | 'name';
  value: string;
  afterId?: string;
  limit: number;
};

/** Staff work on contacts: exact search, detail, edit, merge. Every read and change is audited (ids only). */
@Injectable()
export class ContactAdmin {
  constructor(
    private readonly db: TenantDb,
    private readonly contacts: ContactRepository,
    private readonly audit: AuditService,
    private readonly addressChange: ContactAddressChange,
    private readonly contactMerge: ContactMerge,
    private readonly matcher: ContactMatcher,
    private readonly ledger: ConsentLedger,
  ) {}

  search(q: ContactSearch): Promise<{ data: Contact[]; nextCursor: string | null }> {
    return this.db.transaction(async (tx) => {
      const data = await this.contacts.search(tx, q.field, q.value, { afterId: q.afterId, limit: q.limit });
      // Which field was searched, never the value.
      this.audit.record(tx, {
        action: 'contact.searched',
        metadata: { field: q.field, results: data.length },
      });
      const last = data.at(-1);
      return { data, nextCursor: data.length === q.limit && last ? last.id : null };
    });
  }

  /**
   * A contact staff enter by hand, for outreach. Its phone or email already on file answers
   * 409 contact_exists naming that contact (nothing is written); audited either way, ids only.
   */
  async create(input: NewStaffContact): Promise<Contact> {
    const result = await this.db.transaction(async (tx) => {
      let outcome: { contactId: string; created: boolean };
      try {
        outcome = await this.matcher.createUnlessHeld(tx, input);
      } catch (err) {
        if (err instanceof UnusableSenderAddressError)
          throw ConversationsError.validation([{ path: 'phone', message: 'give a valid phone or email' }]);
        throw err;
      }
      if (!outcome.created) {
        // Committed with nothing else: the refusal names a contact, so it is on the record.
        this.audit.record(tx, {
          action: 'contact.create_refused',
          outcome: 'denied',
          target: { type: 'contact', id: outcome.contactId },
          metadata: { reason: 'address_on_file' },
        });
        return { existing: outcome.contactId, contact: null };
      }
      this.audit.record(tx, {
        action: 'contact.created',
        target: { type: 'contact', id: outcome.contactId },
        metadata: { fields: Object.keys(input).join(',') },
      });
      return { existing: null, contact: (await this.contacts.get(tx, outcome.contactId))! };
    });
    if (!result.contact) throw contactExists(result.existing!);
    return result.contact;
  }

  /** The contact, and what blocks its addresses on file whatever consent says (opt-out, suppression). */
  get(id: string): Promise<{ contact: Contact; blocks: AddressBlocks }> {
    return this.db.transaction(async (tx) => {
      const contact = await this.contacts.get(tx, id);
      if (!contact) throw notFound();
      const blocks = await this.ledger.addressBlocks(tx, contact);
      this.audit.record(tx, { action: 'contact.read', target: { type: 'contact', id } });
      return { contact, blocks };
    });
  }

  /**
   * Applies staff's changes. A changed phone or email retires the old address in the same
   * transaction: its live secure links and consent requests stop working (audited per channel).
   */
  update(id: string, patch: ContactPatch): Promise<Contact> {
    return this.db.transaction(async (tx) => {
      const touchesAddress = patch.phone !== undefined || patch.email !== undefined;
      const before = touchesAddress ? await this.addressChange.lockAddresses(tx, id) : null;
      if (touchesAddress && !before) throw notFound();
      let contact: Contact | null;
      try {
        contact = await this.contacts.update(tx, id, patch);
      } catch (err) {
        if (err instanceof InvalidContactFieldError)
          throw ConversationsError.validation([{ path: err.field, message: `not a valid ${err.field}` }]);
        throw err;
      }
      if (!contact) throw notFound();
      this.audit.record(tx, {
        action: 'contact.updated',
        target: { type: 'contact', id },
        metadata: { fields: Object.keys(patch).join(',') },
      });
      if (before) {
        const after = (await this.addressChange.lockAddresses(tx, id))!;
        for (const retired of await this.addressChange.retireChanged(tx, id, before, after))
          this.audit.record(tx, {
            action: 'contact.address_changed',
            target: { type: 'contact', id },
            metadata: { ...retired },
          });
      }
      return contact;
    });
  }

  merge(survivorId: string, otherId: string): Promise<MergeResult & { contact: Contact }> {
    return this.db.transaction(async (tx) => {
      const result = await this.contactMerge.merge(tx, survivorId, otherId);
      this.audit.record(tx, {
        action: 'contact.merged',
        target: { type: 'contact', id: survivorId },
        metadata: {
          mergedContactId: otherId,
          conversationsMoved: result.conversationsMoved,
          messagesMoved: result.messagesMoved,
          consentsCopied: result.consentsCopied,
          foldedConversationId: result.foldedConversationId,
        },
      });
      return { ...result, contact: (await this.contacts.get(tx, survivorId))! };
    });
  }
}
