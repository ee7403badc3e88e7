import { Injectable } from '@nestjs/common';
import { RoutedDb, type TenantTx } from '@app/database';
import type { ChatSessionEntity } from './chat-session.entity.js';

/** A chat_sessions row as stored (the token only as its SHA-256). */
export type ChatSessionRow = Pick<
  ChatSessionEntity,
  'id' | 'tenant_id' | 'channel_id' | 'contact_id' | 'proven_contact_id' | 'token_hash' | 'expires_at'
>;

/**
 * chat_sessions and chat_messages (which messages belong to which session). A session is
 * routed by its id before the tenant is known: row-level security shows that lookup exactly the
 * session it names (app.route_chat_session_id).
 */
@Injectable()
export class ChatSessionRepository {
  constructor(private readonly routed: RoutedDb) {}

  /** A new session, proven for the contact it started (and for nobody else). */
  async insert(
    tx: TenantTx,
    session: { id: string; channelId: string; contactId: string; tokenHash: Buffer; expiresAt: Date },
  ): Promise<void> {
    await tx.execute(
      `INSERT INTO chat_sessions (id, tenant_id, channel_id, contact_id, proven_contact_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [session.id, tx.tenantId, session.channelId, session.contactId, session.tokenHash, session.expiresAt],
    );
  }

  /** The session by id alone, before the tenant is known (the caller checked the id is a UUID). */
  async route(sessionId: string): Promise<ChatSessionRow | null> {
    const [row] = await this.routed.lookup<ChatSessionRow>(
      { chatSessionId: sessionId },
      `SELECT id, tenant_id, channel_id, contact_id, proven_contact_id, token_hash, expires_at FROM chat_sessions WHERE id = $1`,
      [sessionId],
    );
    return row ?? null;
  }

  /** The visitor was there now; the session lives until `expiresAt`. */
  async touch(tx: TenantTx, sessionId: string, expiresAt: Date): Promise<void> {
    await tx.execute(
      `UPDATE chat_sessions SET last_seen_at = now(), expires_at = $3 WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, sessionId, expiresAt],
    );
  }

  async addMessage(tx: TenantTx, sessionId: string, messageId: string): Promise<void> {
    // Idempotent: an auto-reply adds the visitor's message before its answer (keeping their order).
    await tx.execute(
      `INSERT INTO chat_messages (tenant_id, session_id, message_id) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, message_id) DO NOTHING`,
      [tx.tenantId, sessionId, messageId],
    );
  }

  /** Message ids of the session in order, after `afterMessageId` when given (at most `limit`). */
  async messageIds(
    tx: TenantTx,
    sessionId: string,
    afterMessageId: string | undefined,
    limit: number,
  ): Promise<string[]> {
    const rows = await tx.query<{ message_id: string }>(
      `SELECT message_id FROM chat_messages
       WHERE tenant_id = $1 AND session_id = $2
         AND seq > coalesce((SELECT seq FROM chat_messages WHERE tenant_id = $1 AND session_id = $2 AND message_id = $3), 0)
       ORDER BY seq LIMIT $4`,
      [tx.tenantId, sessionId, afterMessageId ?? null, limit],
    );
    return rows.map((r) => r.message_id);
  }

  async hasMessage(tx: TenantTx, sessionId: string, messageId: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM chat_messages WHERE tenant_id = $1 AND session_id = $2 AND message_id = $3`,
      [tx.tenantId, sessionId, messageId],
    );
    return rows.length > 0;
  }

  /**
   * The contact's live session seen within `presenceSeconds`, a proven one first, then the most
   * recently seen; null when there is none.
   */
  async presentFor(
    tx: TenantTx,
    contactId: string,
    presenceSeconds: number,
  ): Promise<{ id: string; proven: boolean } | null> {
    const [row] = await tx.query<{ id: string; proven: boolean }>(
      `SELECT id, proven_contact_id IS NOT DISTINCT FROM contact_id AS proven FROM chat_sessions
       WHERE tenant_id = $1 AND contact_id = $2 AND expires_at > now()
         AND last_seen_at > now() - make_interval(secs => $3)
       ORDER BY 2 DESC, last_seen_at DESC LIMIT 1`,
      [tx.tenantId, contactId, presenceSeconds],
    );
    return row ?? null;
  }

  async get(tx: TenantTx, sessionId: string): Promise<ChatSessionRow | null> {
    const [row] = await tx.query<ChatSessionRow>(
      `SELECT id, tenant_id, channel_id, contact_id, proven_contact_id, token_hash, expires_at FROM chat_sessions
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, sessionId],
    );
    return row ?? null;
  }
}
