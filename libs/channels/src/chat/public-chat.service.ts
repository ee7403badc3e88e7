import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { ContactMatcher, ContactRepository } from '@app/contacts';
import { IngestService, StaffEvents } from '@app/conversations';
import { normalizeEmail, normalizePhone } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import type { Actor } from '@app/observability';
import { ChannelsError } from '../channels.errors.js';
import type { PublicChannel } from '../webform/public-channel.repository.js';
import { ChatLive } from './chat-live.js';
import { ChatMessages } from './chat-messages.js';
import type { CreateChatSessionInput } from './chat-schemas.js';
import type { ChatMessageView, ChatSessionStarted } from './chat-views.js';
import { type ChatSession, ChatSessions } from './chat-sessions.js';

const VISITOR: Actor = { type: 'patient', id: 'chat_visitor' };
const PAGE = 100;

/** The visitor side of website chat: start a session, send, read. */
@Injectable()
export class PublicChatService {
  constructor(
    private readonly db: TenantDb,
    private readonly sessions: ChatSessions,
    private readonly messages: ChatMessages,
    private readonly matcher: ContactMatcher,
    private readonly contacts: ContactRepository,
    private readonly ingest: IngestService,
    private readonly audit: AuditService,
    private readonly live: ChatLive,
    private readonly staffEvents: StaffEvents,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  /**
   * A visitor starts a conversation of their own. An address they type is a claim: one nobody
   * holds becomes their new contact's; one an existing contact holds is only recorded, on a
   * separate contact flagged for staff as a possible match (it never joins that conversation).
   * The session may receive replies in the chat for the contact it started, and no other.
   */
  async start(widget: PublicChannel, input: CreateChatSessionInput): Promise<ChatSessionStarted> {
    const problems: Array<{ path: string; message: string }> = [];
    if (input.phone && !normalizePhone(input.phone, this.config.DEFAULT_PHONE_REGION))
      problems.push({ path: 'phone', message: 'must be a valid phone number' });
    if (input.email && !normalizeEmail(input.email))
      problems.push({ path: 'email', message: 'must be a valid email address' });
    if (problems.length) throw ChannelsError.validation(problems);

    return this.db.forTenant(widget.tenantId, async (tx) => {
      const { contactId, claimOf } =
        input.phone || input.email
          ? await this.matcher.contactForClaim(tx, input, { channel: 'chat', channelId: widget.id })
          : {
              contactId: (
                await this.contacts.create(tx, {
                  name: input.name,
                  leadStage: 'new',
                  source: { channel: 'chat', channelId: widget.id },
                })
              ).id,
              claimOf: null,
            };
      this.audit.record(tx, {
        action: 'contact.created',
        actor: VISITOR,
        target: { type: 'contact', id: contactId },
        metadata: { source: 'chat', channelId: widget.id, ...(claimOf ? { claimOf } : {}) },
      });
      const { session, token } = await this.sessions.create(tx, { channelId: widget.id, contactId });
      this.audit.record(tx, {
        action: 'chat.session_started',
        actor: VISITOR,
        target: { type: 'chat_session', id: session.id },
        metadata: { channelId: widget.id, contactId },
      });
      return { sessionId: session.id, sessionToken: token };
    });
  }

  async send(session: ChatSession, body: string): Promise<ChatMessageView> {
    return this.db.forTenant(session.tenantId, async (tx) => {
      await this.sessions.touch(tx, session.id);
      const result = await this.ingest.ingestInbound(tx, {
        channelId: session.channelId,
        channel: 'chat',
        from: {},
        contactId: session.contactId,
        body,
        actor: VISITOR,
        chatSessionId: session.id,
      });
      await this.sessions.addMessage(tx, session.id, result.messageId);
      // The visitor's other tabs see it too.
      this.live.publishAfterCommit(tx, session.id, { messageId: result.messageId });
      const view = await this.messages.view(tx, result.messageId);
      return view!;
    });
  }

  /** A poll: the session's messages after `after`; the staff messages among them are now delivered. */
  async list(session: ChatSession, after: string | undefined): Promise<ChatMessageView[]> {
    return this.db.forTenant(session.tenantId, async (tx) => {
      await this.sessions.touch(tx, session.id);
      const ids = await this.sessions.messageIds(tx, session.id, after, PAGE);
      const views: ChatMessageView[] = [];
      // One at a time: a transaction is one connection.
      for (const id of ids) {
        const view = await this.messages.view(tx, id);
        if (view) views.push(view);
      }
      await this.delivered(tx, views);
      return views;
    });
  }

  /** The visitor's stream was written these messages: staff messages among them are delivered. */
  async streamed(session: ChatSession, view: ChatMessageView): Promise<void> {
    if (view.direction !== 'outbound') return;
    await this.db.forTenant(session.tenantId, (tx) => this.delivered(tx, [view]));
  }

  private async delivered(tx: TenantTx, views: ChatMessageView[]): Promise<void> {
    const outbound = views.filter((v) => v.direction === 'outbound').map((v) => v.id);
    for (const moved of await this.messages.markDelivered(tx, outbound))
      this.staffEvents.publishAfterCommit(tx, {
        type: 'message.status_changed',
        conversationId: moved.conversationId,
        messageId: moved.id,
        status: 'delivered',
      });
  }

  /** One message of the session for its live stream (null if it is not this session's). */
  async one(session: ChatSession, messageId: string): Promise<ChatMessageView | null> {
    return this.db.forTenant(session.tenantId, async (tx) =>
      (await this.sessions.hasMessage(tx, session.id, messageId)) ? this.messages.view(tx, messageId) : null,
    );
  }

  /** Connecting the live stream is activity too; answers the new expiry. */
  touch(session: ChatSession): Promise<Date> {
    return this.db.forTenant(session.tenantId, (tx) => this.sessions.touch(tx, session.id));
  }
}
