// Hand-written SQL, not the entity's repository (TenantTx.repository): messages are the busiest
// table (ingest, dispatch, status callbacks, inbox pages; measured hot paths: `npm run bench
// webhooks`, `delivery` and `triage`, docs/operations.md), written and read in prepared,
// conditional statements.
import { randomUUIDv7 } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import {
  PreparedSql,
  SqlConditions,
  type TenantTx,
  countUpTo,
  fromMicrosSql,
  microsSql,
} from '@app/database';
import { type MessageStatus, statusesThatMayMoveTo } from './message-status.js';
import type { MessageEntity } from './message.entity.js';

/** A provider's status report, applied where the status machine allows (see applyProviderStatusesAndCommit). */
const APPLY_PROVIDER_STATUS = new PreparedSql(
  `UPDATE messages SET status = $4, error_code = coalesce($5, error_code), updated_at = now(),
          provider_message_id = coalesce(provider_message_id, $3)
   WHERE tenant_id = $1 AND channel = $2 AND direction = 'outbound' AND status = ANY($6::text[])
     AND (provider_message_id = $3 OR (id = $7 AND provider_message_id IS NULL))
   RETURNING id, conversation_id`,
);

/**
 * The order in which writers of several outbound messages lock them: by the provider's id.
 * Status callback batches apply in it, and a dispatch batch records its sends in it, so no two of
 * them wait on each other's rows in a cycle (a deadlock).
 */
export const providerIdLockOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What a provider reported about one of our outbound messages. */
export interface ProviderStatusReport {
  channel: string;
  providerMessageId: string;
  /** Our message id, from the callback URL (null when absent or not a UUID). */
  ourId: string | null;
  status: MessageStatus;
  errorCode: string | null;
}

export interface NewInboundMessage {
  conversationId: string;
  contactId: string;
  channelId: string | null;
  channel: string;
  body: string;
  providerMessageId: string | null;
  /** Sanitized HTML alternative of the body (email); never raw sender HTML. */
  bodyHtml?: string | null;
  /** The channel's verdict on the sender (email: SPF/DKIM results), shown to staff; no PHI. */
  senderAuthentication?: object | null;
  /** A portal reply: the secure link it was written through (it shows only to links of that address). */
  portalLinkId?: string | null;
}

/** Which messages `changedPage` reads (see ContactRepository's ChangeFeedQuery), optionally one contact's. */
export interface MessageChangeQuery {
  ids?: readonly string[];
  contactId?: string;
  from?: Date;
  to?: Date;
  after?: { micros: string; id: string };
  limit: number;
}

/** A message to or from a patient (never a note) with its change time, for the FHIR API. */
export interface ChangedMessage {
  id: string;
  conversationId: string;
  contactId: string | null;
  channel: string;
  direction: 'inbound' | 'outbound';
  /** `message` (a patient's or staff's) or `system` (automatic texts: consent requests, auto-replies, codes). */
  kind: string;
  body: string | null;
  status: string;
  /** Which automatic text a system message is (`consent_request`, `auto_reply`, ...). */
  template: string | null;
  retractedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** `updated_at` in microseconds since the epoch (a cursor's key). */
  micros: string;
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  contactId: string | null;
  channelId: string | null;
  channel: string;
  direction: 'inbound' | 'outbound';
  kind: string;
  body: string | null;
  /** Sanitized HTML alternative (email), null for other channels. */
  bodyHtml: string | null;
  status: string;
  providerMessageId: string | null;
  providerReply: string | null;
  errorCode: string | null;
  createdAt: Date;
}

/** What a provider callback needs to find: the message its id names. */
export interface ProviderMessageRef {
  id: string;
  providerMessageId: string | null;
  conversationId: string;
  contactId: string | null;
  direction: 'inbound' | 'outbound';
  status: string;
  providerReply: string | null;
}

type MessageRow = Pick<
  MessageEntity,
  | 'id'
  | 'conversation_id'
  | 'contact_id'
  | 'channel_id'
  | 'channel'
  | 'direction'
  | 'kind'
  | 'body_enc'
  | 'body_html_enc'
  | 'status'
  | 'provider_message_id'
  | 'provider_reply'
  | 'error_code'
  | 'created_at'
> & { direction: 'inbound' | 'outbound' };

/** The encryption binding (AAD context) of a message body: whoever decrypts one names it by this. */
export const MESSAGE_BODY_COLUMN = 'messages.body';
/** The encryption binding of an outbound message's destination address (SMS and email). */
export const MESSAGE_TO_ADDRESS_COLUMN = 'messages.to_address';
const COL = { body: MESSAGE_BODY_COLUMN, bodyHtml: 'messages.body_html' } as const;

/**
 * Which messages a patient's secure link shows (`secureThreadPage`; attachments:
 * `AttachmentRepository.inSecureThread`): the contact's secure messages sent to the link's very
 * address, and the replies written through links to it (`portal_link_id`). Nothing that went to
 * another address of the contact (an old or wrong number, the email), nor replies written there.
 */
export interface SecureThreadScope {
  contactId: string;
  /** The link's channel and the blind index of its address. */
  channel: string;
  addressIndex: Buffer;
}

/** SQL over `messages` aliased `m`: $1 tenant, $2 contact, $3 the link's channel, $4 its address index. */
export const IN_SECURE_THREAD = `m.tenant_id = $1 AND m.contact_id = $2 AND m.kind = 'message' AND m.retracted_at IS NULL
   AND ((m.direction = 'outbound' AND m.delivery_route = 'secure_link'
         AND m.channel = $3 AND m.to_address_bidx = $4)
        OR (m.direction = 'inbound' AND m.channel = 'portal' AND EXISTS (
              SELECT 1 FROM secure_links r WHERE r.tenant_id = m.tenant_id AND r.id = m.portal_link_id
                AND r.channel = $3 AND r.address_bidx = $4)))`;

export const secureThreadParams = (tx: TenantTx, scope: SecureThreadScope): unknown[] => [
  tx.tenantId,
  scope.contactId,
  scope.channel,
  scope.addressIndex,
];

/** A message of a patient's secure thread, body decrypted. */
export interface SecureThreadMessage {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  body: string | null;
  status: string;
  createdAt: Date;
}

/** Status of an inbound message once stored (outside the outbound delivery machine). */
export const INBOUND_STATUS = 'received';
/** A staff chat message is `sent` when stored, `delivered` once the visitor's client got it. */
export const CHAT_OUTBOUND_STATUS = 'sent';

/** Messages with their body encrypted; provider message ids are unique per tenant and channel. */
/** A staff message over website chat (`MessageRepository.insertChatOutbound`). */
export interface ChatOutboundInput {
  conversationId: string;
  contactId: string;
  channelId: string;
  body: string;
  authorUserId: string | null;
  /** An automatic answer (automation's auto-reply): stored as a `system` message with this template. */
  template?: 'auto_reply';
}

@Injectable()
export class MessageRepository {
  constructor(private readonly keys: KeyRingService) {}

  /** The new message, or null when this provider id is already stored (a retry). */
  async insertInbound(
    tx: TenantTx,
    input: NewInboundMessage,
  ): Promise<{ id: string; createdAt: Date } | null> {
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.query<{ id: string; created_at: Date }>(
      // The provider's id is claimed first (message_provider_ids: unique per tenant and channel
      // across every partition); a retry finds it claimed and stores nothing. The trigger
      // messages_provider_id_unique (migration 1766800000000) then sees that the claim is this
      // message's own and passes. Both are needed. The trigger is the rule for every writer (an
      // outbound message gets its id by UPDATE; `messages`, partitioned by id, can have no unique
      // index on it), but it can only refuse, with unique_violation, which aborts the ingest's
      // transaction: a concurrent delivery of the id would fail instead of answering as the
      // duplicate (a retry after the first committed is found before: IngestService.duplicateOf).
      // A BEFORE trigger could not claim and skip the row instead: its claim, a statement of its
      // own, would fail the foreign key to the message not inserted yet. The claim here makes a
      // concurrent delivery (it waits on the first's claim, then conflicts) store nothing
      // (test/inbound-ingest-races.e2e-spec.ts).
      // Dated when stored (clock_timestamp, after the locks the ingest took), not when the
      // transaction began (now()): a session that began first but stored later would otherwise
      // show before the message stored ahead of it (test/inbound-ingest-races.e2e-spec.ts).
      `WITH claim AS (
         INSERT INTO message_provider_ids (tenant_id, channel, provider_message_id, message_id)
         SELECT $2::uuid, $6::text, $9::text, $1::uuid WHERE $9::text IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING 1)
       INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, kind,
         body_enc, status, provider_message_id, body_html_enc, sender_authentication, portal_link_id, created_at)
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::text, 'inbound', 'message', $7::bytea,
              $8::text, $9::text, $10::bytea, $11::jsonb, $12::uuid, clock_timestamp()
       WHERE $9::text IS NULL OR EXISTS (SELECT 1 FROM claim)
       RETURNING id, created_at`,
      [
        randomUUIDv7(),
        tx.tenantId,
        input.conversationId,
        input.contactId,
        input.channelId,
        input.channel,
        cipher.encrypt(COL.body, input.body),
        INBOUND_STATUS,
        input.providerMessageId,
        input.bodyHtml ? cipher.encrypt(COL.bodyHtml, input.bodyHtml) : null,
        input.senderAuthentication ? JSON.stringify(input.senderAuthentication) : null,
        input.portalLinkId ?? null,
      ],
    );
    return row ? { id: row.id, createdAt: row.created_at } : null;
  }

  /** Whether the contact wrote anything before `messageId` (a web form's or chat's contact exists before its first message). */
  async hasEarlierInbound(tx: TenantTx, contactId: string, messageId: string): Promise<boolean> {
    const [row] = await tx.query<{ earlier: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM conversations c
         JOIN messages m ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id
         WHERE c.tenant_id = $1 AND c.contact_id = $2 AND m.direction = 'inbound' AND m.id <> $3
       ) AS earlier`,
      [tx.tenantId, contactId, messageId],
    );
    return row?.earlier === true;
  }

  /** `forUpdate` locks the row until commit (status callbacks read-modify-write it). */
  async findByProviderId(
    tx: TenantTx,
    channel: string,
    providerMessageId: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<ProviderMessageRef | null> {
    const [row] = await tx.query<MessageRow>(
      `SELECT ${PROVIDER_REF_COLUMNS} FROM messages
       WHERE tenant_id = $1 AND channel = $2 AND provider_message_id = $3
       ${options.forUpdate ? 'FOR UPDATE' : ''}`,
      [tx.tenantId, channel, providerMessageId],
    );
    return row ? toProviderRef(row) : null;
  }

  /** A message of `channel` by our own id, locked for a status update (providers echo our id back). */
  async findByIdForStatus(tx: TenantTx, channel: string, id: string): Promise<ProviderMessageRef | null> {
    const [row] = await tx.query<MessageRow>(
      `SELECT ${PROVIDER_REF_COLUMNS} FROM messages
       WHERE tenant_id = $1 AND channel = $2 AND id = $3 FOR UPDATE`,
      [tx.tenantId, channel, id],
    );
    return row ? toProviderRef(row) : null;
  }

  /** The webhook answer a retry of this message must get again (fixed templates only, never PHI). */
  async setProviderReply(tx: TenantTx, id: string, reply: string): Promise<void> {
    await tx.execute(`UPDATE messages SET provider_reply = $3 WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      id,
      reply,
    ]);
  }

  /**
   * Providers' status reports for outbound messages, each applied only where the status machine
   * allows the move from the stored status (message-status.ts), so duplicate and out-of-order
   * reports change nothing; concurrent reports serialize on the row, and reports of one batch
   * apply in their order. A message is found by the provider's id, or by ours (echoed back in
   * the callback URL) while the provider's is not stored yet (the report overtook the worker's
   * record of the send), which then stores it. Sent as the transaction's last statements, with
   * COMMIT: one round trip for a batch of webhooks. Per report, the messages that moved (none:
   * unknown message, or no move).
   */
  async applyProviderStatusesAndCommit(
    tx: TenantTx,
    reports: ReadonlyArray<ProviderStatusReport>,
  ): Promise<Array<Array<{ id: string; conversationId: string }>>> {
    // Applied in one order whatever the arrival order (by provider id; a message's own reports
    // keep theirs: the sort is stable), so two batches never wait on each other's rows in a
    // cycle (a deadlock, which would fail both batches' webhooks).
    const order = reports
      .map((report, i) => ({ report, i }))
      .toSorted((x, y) => providerIdLockOrder(x.report.providerMessageId, y.report.providerMessageId));
    const results = await tx.queryEachAndCommit(
      order.map(({ report }) => [
        APPLY_PROVIDER_STATUS,
        [
          tx.tenantId,
          report.channel,
          report.providerMessageId,
          report.status,
          report.errorCode,
          statusesThatMayMoveTo(report.status),
          report.ourId,
        ],
      ]),
    );
    const moved: Array<Array<{ id: string; conversationId: string }>> = [];
    order.forEach(({ i }, n) => {
      moved[i] = (results[n] as Array<{ id: string; conversation_id: string }>).map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
      }));
    });
    return moved;
  }

  /**
   * Stores a delivery status the status machine allowed; a failure keeps the provider's error
   * code. `providerMessageId`: the provider's id from a report that found the message by ours,
   * stored if the message has none yet (the report overtook the worker's record of the send, or
   * followed a crash before it) and no other message of the channel holds it: asked of its
   * claims (message_provider_ids, one index lookup) rather than of `messages`, whose every
   * partition would be searched (it is partitioned by id).
   */
  async updateStatus(
    tx: TenantTx,
    id: string,
    status: MessageStatus,
    errorCode: string | null,
    providerMessageId: string | null = null,
  ): Promise<void> {
    await tx.execute(
      `UPDATE messages m SET status = $3, error_code = coalesce($4, error_code), updated_at = now(),
              provider_message_id = coalesce(provider_message_id,
                CASE WHEN NOT EXISTS (SELECT 1 FROM message_provider_ids p WHERE p.tenant_id = m.tenant_id
                                      AND p.channel = m.channel AND p.provider_message_id = $5
                                      AND p.message_id <> m.id)
                     THEN $5 END)
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, status, errorCode, providerMessageId],
    );
  }

  /** A staff message over website chat, stored `sent` (CHAT_OUTBOUND_STATUS) with route `chat`. */
  async insertChatOutbound(tx: TenantTx, input: ChatOutboundInput): Promise<{ id: string; createdAt: Date }> {
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.query<{ id: string; created_at: Date }>(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, kind,
         body_enc, status, delivery_route, author_user_id, template)
       VALUES ($1, $2, $3, $4, $5, 'chat', 'outbound', $9, $6, $7, 'chat', $8, $10)
       RETURNING id, created_at`,
      [
        randomUUIDv7(),
        tx.tenantId,
        input.conversationId,
        input.contactId,
        input.channelId,
        cipher.encrypt(COL.body, input.body),
        CHAT_OUTBOUND_STATUS,
        input.authorUserId,
        input.template ? 'system' : 'message',
        input.template ?? null,
      ],
    );
    return { id: row!.id, createdAt: row!.created_at };
  }

  /** Staff chat messages among `ids` the visitor's client received move from `sent` to `delivered`; answers those. */
  async markChatDelivered(
    tx: TenantTx,
    ids: string[],
  ): Promise<Array<{ id: string; conversationId: string }>> {
    const rows = await tx.query<{ id: string; conversation_id: string }>(
      `UPDATE messages SET status = 'delivered', updated_at = now()
       WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND channel = 'chat' AND direction = 'outbound'
         AND status = 'sent'
       RETURNING id, conversation_id`,
      [tx.tenantId, ids],
    );
    return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id }));
  }

  /**
   * Marks read the given messages the patient was just shown, those still in one of `from`
   * (`read` is final, so a status that moved on stays); their conversations lose the
   * `secure_message_unread` flag the reminders set (the patient has now read them).
   */
  async markReadByPatient(tx: TenantTx, ids: string[], from: readonly string[]): Promise<void> {
    await tx.execute(
      `WITH read AS (
         UPDATE messages SET status = 'read', updated_at = now()
         WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = ANY($3::text[])
         RETURNING conversation_id)
       UPDATE conversations SET secure_message_unread = false
       WHERE tenant_id = $1 AND secure_message_unread AND id IN (SELECT conversation_id FROM read)`,
      [tx.tenantId, ids, from],
    );
  }

  /** The newest `limit` messages of a patient's secure thread (SecureThreadScope), newest first. */
  async secureThreadPage(
    tx: TenantTx,
    scope: SecureThreadScope,
    limit: number,
  ): Promise<SecureThreadMessage[]> {
    const rows = await tx.query<
      Pick<MessageEntity, 'id' | 'conversation_id' | 'body_enc' | 'status' | 'created_at'> & {
        direction: 'inbound' | 'outbound';
      }
    >(
      `SELECT m.id, m.conversation_id, m.direction, m.body_enc, m.status, m.created_at FROM messages m
       WHERE ${IN_SECURE_THREAD}
       ORDER BY m.created_at DESC, m.id DESC LIMIT $5`,
      [...secureThreadParams(tx, scope), limit],
    );
    const bodies = await this.bodiesOf(tx, rows);
    return rows.map((row, i) => ({
      id: row.id,
      conversationId: row.conversation_id,
      direction: row.direction,
      body: bodies[i] ?? null,
      status: row.status,
      createdAt: row.created_at,
    }));
  }

  /** An outbound secure-link message, locked until commit; null for any other message. */
  async lockSecureMessage(
    tx: TenantTx,
    id: string,
  ): Promise<{ status: string; retractedAt: Date | null } | null> {
    const [row] = await tx.query<{ status: string; retracted_at: Date | null }>(
      `SELECT status, retracted_at FROM messages
       WHERE tenant_id = $1 AND id = $2 AND direction = 'outbound' AND kind = 'message'
         AND delivery_route = 'secure_link'
       FOR UPDATE`,
      [tx.tenantId, id],
    );
    return row ? { status: row.status, retractedAt: row.retracted_at } : null;
  }

  /** Takes a message out of the patient's thread (the first retraction's time stays); returns that time. */
  async retract(tx: TenantTx, id: string): Promise<Date> {
    const [row] = await tx.query<{ retracted_at: Date }>(
      `UPDATE messages SET retracted_at = coalesce(retracted_at, now()), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING retracted_at`,
      [tx.tenantId, id],
    );
    return row!.retracted_at;
  }

  /**
   * An internal note on the conversation: kind 'note', status 'internal' (no delivery path sends
   * it), on the conversation's last channel (portal before any message).
   */
  async insertNote(
    tx: TenantTx,
    note: { conversationId: string; body: string; authorUserId: string },
  ): Promise<{ id: string; createdAt: Date }> {
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.query<{ id: string; created_at: Date }>(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, body_enc,
         status, author_user_id)
       SELECT $1, $2, c.id, c.contact_id, coalesce(c.last_channel, 'portal'), 'outbound', 'note', $4,
         'internal', $5
       FROM conversations c WHERE c.tenant_id = $2 AND c.id = $3
       RETURNING id, created_at`,
      [
        randomUUIDv7(),
        tx.tenantId,
        note.conversationId,
        cipher.encrypt(COL.body, note.body),
        note.authorUserId,
      ],
    );
    return { id: row!.id, createdAt: row!.created_at };
  }

  /** Contact merge: every message of one conversation moves to another. */
  async moveToConversation(
    tx: TenantTx,
    fromConversationId: string,
    toConversationId: string,
  ): Promise<void> {
    await tx.execute(
      `UPDATE messages SET conversation_id = $3 WHERE tenant_id = $1 AND conversation_id = $2`,
      [tx.tenantId, fromConversationId, toConversationId],
    );
  }

  /** Contact merge: the messages of these conversations that name `fromContactId` name `toContactId`; how many. */
  reassignContact(
    tx: TenantTx,
    conversationIds: string[],
    fromContactId: string,
    toContactId: string,
  ): Promise<number> {
    return tx.execute(
      `UPDATE messages SET contact_id = $3
       WHERE tenant_id = $1 AND conversation_id = ANY($4::uuid[]) AND contact_id = $2`,
      [tx.tenantId, fromContactId, toContactId, conversationIds],
    );
  }

  /**
   * How many messages `changedPage` would walk through for this query from its first page (no
   * keyset position), counted up to `atMost` (the same indexes; the caller's cap bounds the work).
   */
  async countChanged(
    tx: TenantTx,
    query: Omit<MessageChangeQuery, 'after' | 'limit'>,
    atMost: number,
  ): Promise<number> {
    return countUpTo(tx, 'messages', messageChangeWhere(tx, query), atMost);
  }

  /**
   * A page of the practice's messages to and from patients in change order (updated_at, id), for
   * the FHIR API and its bulk export: staff notes are left out (internal, never sent). Keyset
   * after `after`, optionally only `ids` or one contact's, within [from, to) of updated_at
   * (indexes `messages_updated`, `messages_contact_updated`). Bodies decrypted per column.
   */
  async changedPage(tx: TenantTx, query: MessageChangeQuery): Promise<ChangedMessage[]> {
    const where = messageChangeWhere(tx, query);
    if (query.after)
      where.add(`(updated_at, id) > (${fromMicrosSql('?')}, ?::uuid)`, query.after.micros, query.after.id);
    const limit = where.param(query.limit);
    const rows = await tx.query<
      Pick<
        MessageEntity,
        | 'id'
        | 'conversation_id'
        | 'contact_id'
        | 'channel'
        | 'kind'
        | 'body_enc'
        | 'status'
        | 'template'
        | 'retracted_at'
        | 'created_at'
        | 'updated_at'
      > & { direction: 'inbound' | 'outbound'; micros: string }
    >(
      `SELECT id, conversation_id, contact_id, channel, direction, kind, body_enc, status, template,
         retracted_at, created_at, updated_at, ${microsSql('updated_at')} AS micros
       FROM messages WHERE ${where} ORDER BY updated_at, id LIMIT ${limit}`,
      where.params,
    );
    const bodies = await this.bodiesOf(tx, rows);
    return rows.map((row, i) => ({
      id: row.id,
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      channel: row.channel,
      direction: row.direction,
      kind: row.kind,
      body: bodies[i] ?? null,
      status: row.status,
      template: row.template,
      retractedAt: row.retracted_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      micros: row.micros,
    }));
  }

  /** The bodies of a page of rows, decrypted in one pass (null where a row has none). */
  private async bodiesOf(
    tx: TenantTx,
    rows: ReadonlyArray<{ body_enc: Buffer | null }>,
  ): Promise<Array<string | null>> {
    return (await this.keys.forTenant(tx)).decryptColumn(
      COL.body,
      rows.map((row) => row.body_enc),
    );
  }

  async get(tx: TenantTx, id: string): Promise<StoredMessage | null> {
    const [row] = await tx.query<MessageRow>(`SELECT * FROM messages WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      id,
    ]);
    if (!row) return null;
    const cipher = await this.keys.forTenant(tx);
    return {
      id: row.id,
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      channelId: row.channel_id,
      channel: row.channel,
      direction: row.direction,
      kind: row.kind,
      body: await cipher.decryptNullable(COL.body, row.body_enc),
      bodyHtml: await cipher.decryptNullable(COL.bodyHtml, row.body_html_enc),
      status: row.status,
      providerMessageId: row.provider_message_id,
      providerReply: row.provider_reply,
      errorCode: row.error_code,
      createdAt: row.created_at,
    };
  }
}

const PROVIDER_REF_COLUMNS =
  'id, conversation_id, contact_id, direction, status, provider_reply, provider_message_id';

function toProviderRef(row: MessageRow): ProviderMessageRef {
  return {
    id: row.id,
    providerMessageId: row.provider_message_id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    direction: row.direction,
    status: row.status,
    providerReply: row.provider_reply,
  };
}

/** The conditions of a message change feed query (notes left out), without its keyset position. */
function messageChangeWhere(tx: TenantTx, query: Omit<MessageChangeQuery, 'after' | 'limit'>): SqlConditions {
  const where = new SqlConditions([tx.tenantId], 'tenant_id = $1', "kind <> 'note'");
  if (query.ids) where.add('id = ANY(?::uuid[])', query.ids);
  if (query.contactId) where.add('contact_id = ?::uuid', query.contactId);
  if (query.from) where.add('updated_at >= ?', query.from);
  if (query.to) where.add('updated_at < ?', query.to);
  return where;
}
