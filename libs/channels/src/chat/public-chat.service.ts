import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { ContactMatcher, ContactRepository } from '@app/contacts';
import { IngestService } from '@app/conversations';
import { normalizeEmail, normalizePhone } from '@app/crypto';
import { type Actor, TenantDb } from '@app/database';
import { AppError } from '@app/observability';
import type { PublicChannel } from '../webform/public-channels.js';
import { ChatLive } from './chat-live.js';
import { type ChatMessageView, ChatMessages } from './chat-messages.js';
import type { CreateChatSessionInput } from './chat-schemas.js';
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
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  /** A visitor with an address joins (or becomes) that contact; an anonymous one becomes a new lead. */
  async start(
    widget: PublicChannel,
    input: CreateChatSessionInput,
  ): Promise<{ sessionId: string; sessionToken: string }> {
    const problems: Array<{ path: string; message: string }> = [];
    if (input.phone && !normalizePhone(input.phone, this.config.DEFAULT_PHONE_REGION))
      problems.push({ path: 'phone', message: 'must be a valid phone number' });
    if (input.email && !normalizeEmail(input.email))
      problems.push({ path: 'email', message: 'must be a valid email address' });
    if (problems.length) throw AppError.validation(problems);

    return this.db.forTenant(widget.tenantId, async (tx) => {
      let contactId: string;
      let created: boolean;
      if (input.phone || input.email) {
        const match = await this.matcher.matchOrCreate(tx, input);
        ({ contactId, created } = match);
      } else {
        contactId = (await this.contacts.create(tx, { name: input.name, leadStage: 'new' })).id;
        created = true;
      }
      if (created)
        this.audit.record(tx, {
          action: 'contact.created',
          actor: VISITOR,
          target: { type: 'contact', id: contactId },
          metadata: { source: 'chat', channelId: widget.id },
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
      });
      await this.sessions.addMessage(tx, session.id, result.messageId);
      // The visitor's other tabs see it too.
      this.live.publishAfterCommit(tx, session.id, { messageId: result.messageId });
      const view = await this.messages.view(tx, result.messageId);
      return view!;
    });
  }

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
      return views;
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
