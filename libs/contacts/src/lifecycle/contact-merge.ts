import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { ContactRepository } from '../contact.repository.js';
import { ContactsError, ContactsErrorCode as E } from '../contacts.errors.js';
import { ContactHooks, type MergeResult } from './contact-hooks.js';

/**
 * Merges `otherId` into `survivorId` in the caller's transaction. Both contacts are locked (in
 * id order), then each lib moves its own rows through its ContactHook (conversations and their
 * messages, chat sessions, consent requests and links; consent records are copied, being
 * append-only). Fields the survivor lacks come from the other, and the other stays, marked
 * `merged_into`, so its addresses keep routing to the survivor.
 */
@Injectable()
export class ContactMerge {
  constructor(
    private readonly hooks: ContactHooks,
    private readonly contacts: ContactRepository,
  ) {}

  async merge(tx: TenantTx, survivorId: string, otherId: string): Promise<MergeResult> {
    if (survivorId === otherId)
      throw new ContactsError(E.CannotMergeSelf, 'A contact cannot be merged into itself');
    const locked = await this.contacts.lockForMerge(tx, [survivorId, otherId]);
    if (locked.length !== 2) throw new ContactsError(E.ContactNotFound, 'Contact not found');
    if (locked.some((c) => c.merged_into))
      throw new ContactsError(E.ContactMerged, 'One of the contacts was already merged into another');

    const result = await this.hooks.mergeContact(tx, survivorId, otherId);
    await this.contacts.mergeInto(tx, survivorId, otherId);
    return result;
  }
}
