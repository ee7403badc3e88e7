import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
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
  constructor(private readonly hooks: ContactHooks) {}

  async merge(tx: TenantTx, survivorId: string, otherId: string): Promise<MergeResult> {
    if (survivorId === otherId)
      throw new ContactsError(E.CannotMergeSelf, 'A contact cannot be merged into itself');
    const locked = await tx.query<{ id: string; merged_into: string | null }>(
      `SELECT id, merged_into FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [tx.tenantId, [survivorId, otherId]],
    );
    if (locked.length !== 2) throw new ContactsError(E.ContactNotFound, 'Contact not found');
    if (locked.some((c) => c.merged_into))
      throw new ContactsError(E.ContactMerged, 'One of the contacts was already merged into another');

    const result = await this.hooks.mergeContact(tx, survivorId, otherId);
    // Fields the survivor lacks come from the other (same tenant and column: the ciphertext stays valid).
    await tx.execute(
      `UPDATE contacts s SET
         name_enc = coalesce(s.name_enc, o.name_enc), name_bidx = coalesce(s.name_bidx, o.name_bidx),
         phone_enc = coalesce(s.phone_enc, o.phone_enc), phone_bidx = coalesce(s.phone_bidx, o.phone_bidx),
         email_enc = coalesce(s.email_enc, o.email_enc), email_bidx = coalesce(s.email_bidx, o.email_bidx),
         date_of_birth_enc = coalesce(s.date_of_birth_enc, o.date_of_birth_enc),
         lead_stage = coalesce(s.lead_stage, o.lead_stage),
         last_activity_at = greatest(s.last_activity_at, o.last_activity_at), updated_at = now()
       FROM contacts o WHERE s.tenant_id = $1 AND s.id = $2 AND o.tenant_id = $1 AND o.id = $3`,
      [tx.tenantId, survivorId, otherId],
    );
    await tx.execute(
      `UPDATE contacts SET merged_into = $2, updated_at = now() WHERE tenant_id = $1 AND (id = $3 OR merged_into = $3)`,
      [tx.tenantId, survivorId, otherId],
    );
    return result;
  }
}
