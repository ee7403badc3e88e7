import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUuid, type TenantTx } from '@app/database';
import { ChannelsError, ChannelsErrorCode as E } from '../channels.errors.js';
import { ChatSessionRepository, type ChatSessionRow } from './chat-session.repository.js';

/** A session lives this long after the visitor's last activity. */
export const CHAT_SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
/**
 * The visitor is there while they polled or their stream was open within this window; after
 * it, a reply asked for in the chat goes through the gate to SMS or email instead.
 */
export const CHAT_PRESENCE_SECONDS = 180;
/** How often an open stream renews presence (well inside the window). */
export const CHAT_PRESENCE_REFRESH_MS = 60_000;

/** A session where the visitor is present, and whether it may receive that contact's replies. */
export interface PresentChat {
  sessionId: string;
  /** The session started this contact's conversation itself. */
  proven: boolean;
}

export interface ChatSession {
  id: string;
  tenantId: string;
  channelId: string;
  contactId: string;
  /** The contact whose replies this session may receive (the one it started); null after a merge. */
  provenContactId: string | null;
  expiresAt: Date;
}

const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export const invalidSession = (): ChannelsError =>
  new ChannelsError(E.InvalidSession, 'The chat session is unknown or its token is not valid');
export const sessionExpired = (): ChannelsError =>
  new ChannelsError(E.SessionExpired, 'The chat session has expired; start a new one');

/**
 * Website chat sessions (stored by ChatSessionRepository). The token is 256 random bits handed to the visitor once; only its
 * SHA-256 is stored. Public requests carry the session id (not secret) to route before the
 * tenant is known; row-level security shows that path exactly the session it names.
 */
@Injectable()
export class ChatSessions {
  constructor(private readonly sessions: ChatSessionRepository) {}

  async create(
    tx: TenantTx,
    input: { channelId: string; contactId: string },
  ): Promise<{ session: ChatSession; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + CHAT_SESSION_IDLE_MS);
    // The visitor started this contact: the session is proven for it (and for nobody else).
    await this.sessions.insert(tx, { id, ...input, tokenHash: hashToken(token), expiresAt });
    return {
      session: { id, tenantId: tx.tenantId, ...input, provenContactId: input.contactId, expiresAt },
      token,
    };
  }

  /** The session by id alone (CORS preflight knows no token); null when unknown. */
  async route(
    sessionId: string,
  ): Promise<(Omit<ChatSession, 'expiresAt'> & { expiresAt: Date; tokenHash: Buffer }) | null> {
    if (!isUuid(sessionId)) return null;
    const row = await this.sessions.route(sessionId);
    return row ? { ...toSession(row), tokenHash: row.token_hash } : null;
  }

  /** Checks the bearer token against a routed session; 401 invalid_session / session_expired. */
  verify(
    session: { tokenHash: Buffer; expiresAt: Date } & ChatSession,
    authorization: string | undefined,
  ): ChatSession {
    const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '')?.[1];
    if (!token || !timingSafeEqual(hashToken(token), session.tokenHash)) throw invalidSession();
    if (session.expiresAt.getTime() <= Date.now()) throw sessionExpired();
    const { tokenHash: _hash, ...rest } = session;
    return rest;
  }

  /** Visitor activity pushes the idle expiry forward. */
  async touch(tx: TenantTx, sessionId: string): Promise<Date> {
    const expiresAt = new Date(Date.now() + CHAT_SESSION_IDLE_MS);
    await this.sessions.touch(tx, sessionId, expiresAt);
    return expiresAt;
  }

  addMessage(tx: TenantTx, sessionId: string, messageId: string): Promise<void> {
    return this.sessions.addMessage(tx, sessionId, messageId);
  }

  /** Message ids of the session in order, after `afterMessageId` when given (at most `limit`). */
  messageIds(
    tx: TenantTx,
    sessionId: string,
    afterMessageId: string | undefined,
    limit: number,
  ): Promise<string[]> {
    return this.sessions.messageIds(tx, sessionId, afterMessageId, limit);
  }

  hasMessage(tx: TenantTx, sessionId: string, messageId: string): Promise<boolean> {
    return this.sessions.hasMessage(tx, sessionId, messageId);
  }

  /**
   * The contact's session where the visitor is present (polled or streaming within
   * CHAT_PRESENCE_SECONDS), a proven one first; null when nobody is there.
   */
  async presentFor(tx: TenantTx, contactId: string): Promise<PresentChat | null> {
    const row = await this.sessions.presentFor(tx, contactId, CHAT_PRESENCE_SECONDS);
    return row ? { sessionId: row.id, proven: row.proven } : null;
  }

  async get(tx: TenantTx, sessionId: string): Promise<ChatSession | null> {
    const row = await this.sessions.get(tx, sessionId);
    return row ? toSession(row) : null;
  }
}

function toSession(row: ChatSessionRow): ChatSession {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    channelId: row.channel_id,
    contactId: row.contact_id,
    provenContactId: row.proven_contact_id,
    expiresAt: row.expires_at,
  };
}
