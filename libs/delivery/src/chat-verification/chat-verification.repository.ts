import { Injectable } from '@nestjs/common';
import type { ChatCodeChannel } from '@app/channels';
import type { TenantTx } from '@app/database';

/** A chat session's verification state, read under its row lock. */
export interface ChatSessionCodeState {
  contact_id: string;
  code_failures: number;
  locked: boolean;
}

/** The session's newest sent code, with the address its message went to. */
export interface LiveChatCode {
  id: string;
  message_id: string;
  code_hash: Buffer;
  channel: ChatCodeChannel;
  to_address_bidx: Buffer;
}

/**
 * The reads chat verification decides on: the session (channels' chat_sessions, locked), its
 * codes (portal_codes) and the chat-code messages sent to an address (conversations' messages).
 * The writes go through their owners (`PortalCodeRepository`, channels' `ChatSessionProof`).
 */
@Injectable()
export class ChatVerificationRepository {
  /** The session row, locked for the decision (null: no such session). */
  async lockSession(tx: TenantTx, sessionId: string): Promise<ChatSessionCodeState | null> {
    const [row] = await tx.query<ChatSessionCodeState>(
      `SELECT contact_id, code_failures, code_locked_at IS NOT NULL AS locked FROM chat_sessions
       WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tx.tenantId, sessionId],
    );
    return row ?? null;
  }

  /** The session's newest code the worker has sent, unused and unexpired, locked. */
  async liveCodeForUpdate(tx: TenantTx, sessionId: string): Promise<LiveChatCode | null> {
    const [row] = await tx.query<LiveChatCode>(
      `SELECT c.id, c.message_id, c.code_hash, m.channel, m.to_address_bidx
       FROM portal_codes c JOIN messages m ON m.tenant_id = c.tenant_id AND m.id = c.message_id
       WHERE c.tenant_id = $1 AND c.chat_session_id = $2 AND c.used_at IS NULL AND c.code_hash IS NOT NULL
         AND c.expires_at > now()
       ORDER BY c.created_at DESC LIMIT 1 FOR UPDATE OF c`,
      [tx.tenantId, sessionId],
    );
    return row ?? null;
  }

  /**
   * Chat codes sent to the address in the last `windowMinutes`, counted under the address's
   * chat-code lock (held to the end of the transaction, so concurrent sends count each other).
   */
  async lockAndCountCodesTo(
    tx: TenantTx,
    channel: ChatCodeChannel,
    index: Buffer,
    windowMinutes: number,
  ): Promise<number> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `chat-code:${tx.tenantId}:${channel}:${index.toString('hex')}`,
    ]);
    const [row] = await tx.query<{ recent: number }>(
      `SELECT count(*)::int AS recent FROM messages
       WHERE tenant_id = $1 AND channel = $2 AND to_address_bidx = $3 AND template = 'chat_code'
         AND created_at > now() - make_interval(mins => $4)`,
      [tx.tenantId, channel, index, windowMinutes],
    );
    return row!.recent;
  }

  /** The conversation a code's message belongs to. */
  async conversationOfMessage(tx: TenantTx, messageId: string): Promise<string> {
    const [row] = await tx.query<{ conversation_id: string }>(
      `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, messageId],
    );
    return row!.conversation_id;
  }
}
