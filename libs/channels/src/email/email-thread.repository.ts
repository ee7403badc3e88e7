import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import { PreparedSql, type TenantTx } from '@app/database';

/** The blind-index binding of an email's Message-ID (email_message_refs.ref_index, inbound dedup ids). */
export const EMAIL_REF_INDEX_FIELD = 'email.message_id';
/** The encryption binding of the Message-ID itself (email_message_refs.message_id_enc). */
const MESSAGE_ID_COLUMN = 'email_message_refs.message_id';

/** On the dispatch path (every email sent): prepared once per connection. */
const LATEST_INBOUND_MESSAGE_ID = new PreparedSql(
  `SELECT r.message_id_enc FROM messages m
   JOIN email_message_refs r ON r.tenant_id = m.tenant_id AND r.message_id = m.id
   WHERE m.tenant_id = $1 AND m.conversation_id = $2 AND m.channel = 'email' AND m.direction = 'inbound'
     AND r.message_id_enc IS NOT NULL
   ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
);

/**
 * email_reply_tokens (per-conversation reply addresses, stored as the token's SHA-256) and
 * email_message_refs (Message-IDs of stored emails, as keyed blind indexes to find the thread,
 * and encrypted to name the patient's last email in our reply's In-Reply-To).
 */
@Injectable()
export class EmailThreadRepository {
  constructor(private readonly keys: KeyRingService) {}

  async insertReplyToken(
    tx: TenantTx,
    token: { hash: Buffer; channelId: string; conversationId: string },
  ): Promise<void> {
    await tx.execute(
      `INSERT INTO email_reply_tokens (token_hash, tenant_id, channel_id, conversation_id) VALUES ($1, $2, $3, $4)`,
      [token.hash, tx.tenantId, token.channelId, token.conversationId],
    );
  }

  /** The conversation of the newest reply token of the channel among `tokenHashes`. */
  async conversationByReplyTokens(
    tx: TenantTx,
    channelId: string,
    tokenHashes: Buffer[],
  ): Promise<string | null> {
    const [row] = await tx.query<{ conversation_id: string }>(
      `SELECT conversation_id FROM email_reply_tokens
       WHERE tenant_id = $1 AND channel_id = $2 AND token_hash = ANY($3::bytea[]) ORDER BY created_at DESC LIMIT 1`,
      [tx.tenantId, channelId, tokenHashes],
    );
    return row?.conversation_id ?? null;
  }

  /** The conversation of the first of `refs` (Message-IDs) we know, in their order. */
  async conversationByReferences(tx: TenantTx, refs: readonly string[]): Promise<string | null> {
    const cipher = await this.keys.forTenant(tx);
    const indexes = refs.map((ref) => cipher.blindIndex(EMAIL_REF_INDEX_FIELD, ref));
    const rows = await tx.query<{ ref_index: Buffer; conversation_id: string }>(
      `SELECT ref_index, conversation_id FROM email_message_refs WHERE tenant_id = $1 AND ref_index = ANY($2::bytea[])`,
      [tx.tenantId, indexes],
    );
    for (const index of indexes) {
      const hit = rows.find((row) => row.ref_index.equals(index));
      if (hit) return hit.conversation_id;
    }
    return null;
  }

  /** Remembers a stored email's Message-ID (the first message to claim one keeps it). */
  async insertMessageRef(
    tx: TenantTx,
    messageIdHeader: string,
    stored: { messageId: string; conversationId: string },
  ): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `INSERT INTO email_message_refs (tenant_id, ref_index, conversation_id, message_id, message_id_enc)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, ref_index) DO NOTHING`,
      [
        tx.tenantId,
        cipher.blindIndex(EMAIL_REF_INDEX_FIELD, messageIdHeader),
        stored.conversationId,
        stored.messageId,
        cipher.encrypt(MESSAGE_ID_COLUMN, messageIdHeader),
      ],
    );
  }

  /**
   * The Message-ID of the newest inbound email of the conversation that has one kept (by the
   * message's conversation, so a merge that moved the messages moves this too); null: none.
   */
  async latestInboundMessageId(tx: TenantTx, conversationId: string): Promise<string | null> {
    const [row] = await tx.query<{ message_id_enc: Buffer }>(LATEST_INBOUND_MESSAGE_ID, [
      tx.tenantId,
      conversationId,
    ]);
    if (!row) return null;
    const cipher = await this.keys.forTenant(tx);
    return cipher.decryptString(MESSAGE_ID_COLUMN, row.message_id_enc);
  }
}
