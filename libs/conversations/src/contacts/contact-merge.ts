import type { TenantTx } from '@app/database';
import { AppError } from '@app/observability';

export interface MergeResult {
  conversationsMoved: number;
  messagesMoved: number;
  consentsCopied: number;
  /** The merged contact's open conversation, folded into the survivor's (one open per contact). */
  foldedConversationId: string | null;
}

/**
 * Moves everything of `otherId` to `survivorId` in the caller's transaction: conversations,
 * their messages, chat sessions (no longer proven: see below); consent records are append-only, so they are copied (new rows
 * with `copied_from`, original times kept so "latest decision wins" still holds). If both have
 * a conversation that is not closed, the other's messages join the survivor's and the emptied
 * one is closed (the unique index allows one per contact). The other contact stays, marked
 * `merged_into`, so its addresses keep routing to the survivor.
 */
export async function mergeContacts(tx: TenantTx, survivorId: string, otherId: string): Promise<MergeResult> {
  if (survivorId === otherId)
    throw new AppError(422, 'cannot_merge_self', 'A contact cannot be merged into itself');
  const locked = await tx.query<{ id: string; merged_into: string | null }>(
    `SELECT id, merged_into FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [tx.tenantId, [survivorId, otherId]],
  );
  if (locked.length !== 2) throw AppError.notFound('Contact');
  if (locked.some((c) => c.merged_into))
    throw new AppError(409, 'contact_merged', 'One of the contacts was already merged into another');

  const active = await tx.query<{ id: string; contact_id: string }>(
    `SELECT id, contact_id FROM conversations
     WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[]) AND status <> 'closed' FOR UPDATE`,
    [tx.tenantId, [survivorId, otherId]],
  );
  const survivorActive = active.find((c) => c.contact_id === survivorId);
  const otherActive = active.find((c) => c.contact_id === otherId);
  let folded: string | null = null;
  if (survivorActive && otherActive) {
    await tx.execute(
      `UPDATE messages SET conversation_id = $3 WHERE tenant_id = $1 AND conversation_id = $2`,
      [tx.tenantId, otherActive.id, survivorActive.id],
    );
    // The newer activity's preview and channel win; unread counts add up.
    await tx.execute(
      `UPDATE conversations s SET
         last_message_preview_enc = CASE WHEN o.last_message_at > s.last_message_at OR s.last_message_at IS NULL
                                         THEN o.last_message_preview_enc ELSE s.last_message_preview_enc END,
         last_channel = CASE WHEN o.last_message_at > s.last_message_at OR s.last_message_at IS NULL
                             THEN o.last_channel ELSE s.last_channel END,
         last_message_at = greatest(s.last_message_at, o.last_message_at),
         unread_count = s.unread_count + o.unread_count, updated_at = now()
       FROM conversations o
       WHERE s.tenant_id = $1 AND s.id = $2 AND o.tenant_id = $1 AND o.id = $3`,
      [tx.tenantId, survivorActive.id, otherActive.id],
    );
    await tx.execute(
      `UPDATE conversations SET status = 'closed', unread_count = 0, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, otherActive.id],
    );
    await tx.execute(`DELETE FROM snooze_wakeups WHERE tenant_id = $1 AND conversation_id = $2`, [
      tx.tenantId,
      otherActive.id,
    ]);
    folded = otherActive.id;
  }
  const moved = await tx.query<{ id: string }>(
    `UPDATE conversations SET contact_id = $3, updated_at = now() WHERE tenant_id = $1 AND contact_id = $2 RETURNING id`,
    [tx.tenantId, otherId, survivorId],
  );
  const messagesMoved = await tx.execute(
    `UPDATE messages SET contact_id = $3
     WHERE tenant_id = $1 AND conversation_id = ANY($4::uuid[]) AND contact_id = $2`,
    [
      tx.tenantId,
      otherId,
      survivorId,
      [...moved.map((c) => c.id), ...(survivorActive ? [survivorActive.id] : [])],
    ],
  );
  // A chat session is proven only for the conversation it started itself; merged with another
  // contact's, it would read what it never proved a right to, so no session of either stays proven.
  await tx.execute(
    `UPDATE chat_sessions SET contact_id = $3, proven_contact_id = NULL
     WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`,
    [tx.tenantId, [otherId, survivorId], survivorId],
  );
  // The patient's links follow their messages to the survivor; a secure link shows only what
  // was sent to its own address, so moving it is safe. One live consent request per contact and channel: the
  // survivor's wins, the other's is superseded (its link then shows the neutral page).
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
  const consentsCopied = await tx.execute(
    `INSERT INTO consent_records (id, tenant_id, contact_id, channel, address_enc, address_bidx, decision, method,
       actor_type, actor_id, consent_request_id, inbound_message_id, evidence_enc, disclosure_version,
       disclosure_hash, copied_from, recorded_at)
     SELECT gen_random_uuid(), tenant_id, $3, channel, address_enc, address_bidx, decision, method,
       actor_type, actor_id, consent_request_id, inbound_message_id, evidence_enc, disclosure_version,
       disclosure_hash, id, recorded_at
     FROM consent_records WHERE tenant_id = $1 AND contact_id = $2`,
    [tx.tenantId, otherId, survivorId],
  );
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
  return { conversationsMoved: moved.length, messagesMoved, consentsCopied, foldedConversationId: folded };
}
