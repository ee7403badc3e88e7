// Hand-written SQL, not the entity's repository (TenantTx.repository): every inbound and outbound
// message updates its conversation in the ingest and dispatch transactions (measured hot paths:
// `npm run bench webhooks` and `delivery`, docs/operations.md), in single conditional statements.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { ConversationEntity } from './conversation.entity.js';
import type { ConversationStatus } from './inbox/inbox-query.js';

/** How the contact's active conversation was found for a new message. */
export type ConversationOpening = 'existing' | 'reopened' | 'created';

export interface ActiveConversation {
  id: string;
  opening: ConversationOpening;
}

export interface ConversationSummary {
  id: string;
  contactId: string;
  status: string;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
  lastChannel: string | null;
  unreadCount: number;
  contactAmbiguous: boolean;
  closedAt: Date | null;
}

type ConversationRow = Pick<
  ConversationEntity,
  | 'id'
  | 'contact_id'
  | 'status'
  | 'last_message_at'
  | 'last_message_preview_enc'
  | 'last_channel'
  | 'unread_count'
  | 'contact_ambiguous'
  | 'closed_at'
>;

/** A conversation row locked for a change, with what the change compares against. */
export interface LockedConversation {
  id: string;
  contact_id: string;
  status: ConversationStatus;
  assignee_id: string | null;
  priority: string;
  tags: string[];
  lead_stage: string | null;
  snoozed_until: Date | null;
  team_id: string | null;
}

/** The triage fields a staff change writes (all of them, as decided by `conversationChanges`). */
export interface TriageFields {
  status: string;
  snoozedUntil: Date | null;
  assigneeId: string | null;
  teamId: string | null;
  priority: string;
  tags: string[];
}

/** The encryption binding of a conversation's last message preview (the inbox decrypts a page at once). */
export const PREVIEW_COLUMN = 'conversations.last_message_preview';
const COL = { preview: PREVIEW_COLUMN } as const;

/** Longest preview kept with the conversation (the inbox list shows one line). */
export const PREVIEW_LENGTH = 140;

/**
 * Conversations as the ingestion path needs them: one conversation per contact that is not
 * closed (a partial unique index enforces it), and the denormalized inbox columns kept in the
 * same transaction as the message.
 */
@Injectable()
export class ConversationRepository {
  constructor(private readonly keys: KeyRingService) {}

  /**
   * The contact's open (or pending/snoozed) conversation; else the most recently closed one if
   * it closed within `reopenWindowDays`, reopened; else a new one. The caller holds the
   * contact's row lock (or, for a new contact, its address lock), so concurrent messages of one
   * sender do not race here.
   * `reopenWindowDays` may be a lookup: it then runs only when no conversation is active (the
   * common case reads no settings).
   */
  async activeFor(
    tx: TenantTx,
    contactId: string,
    reopenWindowDays: number | (() => Promise<number>),
  ): Promise<ActiveConversation> {
    const existing = await this.findActive(tx, contactId);
    if (existing) return { id: existing, opening: 'existing' };

    const [reopened] = await tx.query<{ id: string }>(
      `UPDATE conversations SET status = 'open', updated_at = now()
       WHERE tenant_id = $1 AND id = (
         SELECT id FROM conversations
         WHERE tenant_id = $1 AND contact_id = $2 AND status = 'closed'
           AND closed_at > now() - make_interval(days => $3)
         ORDER BY closed_at DESC LIMIT 1)
       RETURNING id`,
      [
        tx.tenantId,
        contactId,
        typeof reopenWindowDays === 'number' ? reopenWindowDays : await reopenWindowDays(),
      ],
    );
    if (reopened) return { id: reopened.id, opening: 'reopened' };

    // ON CONFLICT: a staff action may have reopened one meanwhile; then that one is the conversation.
    const created = await this.insertOpen(tx, contactId);
    if (created) return { id: created, opening: 'created' };
    const raced = await this.findActive(tx, contactId);
    if (!raced) throw new Error('Conversation vanished while opening it');
    return { id: raced, opening: 'existing' };
  }

  /** The first conversation of a contact created in this transaction (nothing to find or reopen). */
  async startForNewContact(tx: TenantTx, contactId: string): Promise<ActiveConversation> {
    const created = await this.insertOpen(tx, contactId);
    if (!created) throw new Error('A contact created in this transaction already has a conversation');
    return { id: created, opening: 'created' };
  }

  /**
   * Denormalized inbox state after an inbound message: last message time, preview and channel
   * (only if this message is the newest), one more unread, back to `open` if it was waiting
   * (pending/snoozed), and the ambiguity flag once any message matched a shared address.
   */
  recordInbound(
    tx: TenantTx,
    conversationId: string,
    message: { at: Date; preview: string; channel: string; contactAmbiguous: boolean },
  ): Promise<void> {
    return this.recordLatest(tx, conversationId, message, {
      unread: true,
      contactAmbiguous: message.contactAmbiguous,
    });
  }

  /** A staff reply: the inbox shows it as the latest activity; it is nobody's unread message. */
  recordOutbound(
    tx: TenantTx,
    conversationId: string,
    message: { at: Date; preview: string; channel: string },
  ): Promise<void> {
    return this.recordLatest(tx, conversationId, message, { unread: false, contactAmbiguous: false });
  }

  private async recordLatest(
    tx: TenantTx,
    conversationId: string,
    message: { at: Date; preview: string; channel: string },
    inbound: { unread: boolean; contactAmbiguous: boolean },
  ): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    const preview = Array.from(message.preview).slice(0, PREVIEW_LENGTH).join('');
    // Right-hand sides of SET read the row as it was before this UPDATE. The report facts ride in
    // the same statement: an inbound message (the patient; $6) may be the first and opens a waiting
    // episode; an outbound one here is a staff reply, which answers the first message once and
    // ends the episode (its SLA mark with it).
    await tx.execute(
      `UPDATE conversations SET
         last_message_preview_enc = CASE WHEN last_message_at IS NULL OR last_message_at <= $3
                                         THEN $4 ELSE last_message_preview_enc END,
         last_channel = CASE WHEN last_message_at IS NULL OR last_message_at <= $3 THEN $5 ELSE last_channel END,
         last_message_at = greatest(last_message_at, $3),
         unread_count = unread_count + CASE WHEN $6 THEN 1 ELSE 0 END,
         status = CASE WHEN $6 AND status IN ('pending', 'snoozed') THEN 'open' ELSE status END,
         contact_ambiguous = contact_ambiguous OR $7,
         first_inbound_channel = CASE WHEN $6 AND (first_inbound_at IS NULL OR $3 < first_inbound_at)
                                      THEN $5 ELSE first_inbound_channel END,
         first_inbound_at = CASE WHEN $6 THEN least(first_inbound_at, $3) ELSE first_inbound_at END,
         first_response_at = CASE WHEN NOT $6 AND first_response_at IS NULL AND first_inbound_at <= $3
                                  THEN $3 ELSE first_response_at END,
         waiting_since = CASE WHEN $6 THEN coalesce(waiting_since, $3) ELSE NULL END,
         sla_breached_at = CASE WHEN $6 THEN sla_breached_at ELSE NULL END,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [
        tx.tenantId,
        conversationId,
        message.at,
        cipher.encrypt(COL.preview, preview),
        message.channel,
        inbound.unread,
        inbound.contactAmbiguous,
      ],
    );
  }

  async get(tx: TenantTx, id: string): Promise<ConversationSummary | null> {
    const [row] = await tx.query<ConversationRow>(
      `SELECT id, contact_id, status, last_message_at, last_message_preview_enc, last_channel, unread_count,
              contact_ambiguous, closed_at
       FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    if (!row) return null;
    const cipher = await this.keys.forTenant(tx);
    return {
      id: row.id,
      contactId: row.contact_id,
      status: row.status,
      lastMessageAt: row.last_message_at,
      lastMessagePreview: await cipher.decryptNullable(COL.preview, row.last_message_preview_enc),
      lastChannel: row.last_channel,
      unreadCount: row.unread_count,
      contactAmbiguous: row.contact_ambiguous,
      closedAt: row.closed_at,
    };
  }

  /** The contact a conversation belongs to (no lock: the caller locks the contact, then `threadTarget`). */
  async contactOf(tx: TenantTx, id: string): Promise<string | null> {
    const [row] = await tx.query<{ contact_id: string }>(
      `SELECT contact_id FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    return row?.contact_id ?? null;
  }

  /**
   * Where a message that proved its thread (reply address, In-Reply-To) goes: the conversation,
   * and whether it is still open for `contactId` (whose row the caller has locked). Locks the
   * conversation too, so a concurrent close cannot slip between this read and the insert.
   */
  async threadTarget(tx: TenantTx, id: string, contactId: string): Promise<{ id: string; open: boolean }> {
    const [row] = await tx.query<{ id: string; contact_id: string; status: string }>(
      `SELECT id, contact_id, status FROM conversations WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tx.tenantId, id],
    );
    return { id, open: row?.contact_id === contactId && row.status !== 'closed' };
  }

  /** The conversation row locked until commit (null when the practice has no such conversation). */
  async lockForChange(tx: TenantTx, id: string): Promise<LockedConversation | null> {
    const [row] = await tx.query<LockedConversation>(
      `SELECT id, contact_id, status, assignee_id, priority, tags, lead_stage, snoozed_until, team_id
       FROM conversations WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tx.tenantId, id],
    );
    return row ?? null;
  }

  /**
   * Writes a staff triage change. Throws the database's unique violation
   * (conversations_one_active) when it reopens a conversation while the contact has another one
   * that is not closed, and its foreign key violation (conversations_team_fk) for a team the
   * practice does not have; the caller decides what that means.
   */
  async applyTriage(tx: TenantTx, id: string, next: TriageFields): Promise<void> {
    await tx.execute(
      `UPDATE conversations SET status = $3, snoozed_until = $4, assignee_id = $5, priority = $6, tags = $7,
         team_id = $8,
         waiting_since = CASE WHEN $3 = 'closed' THEN NULL ELSE waiting_since END,
         sla_breached_at = CASE WHEN $3 = 'closed' THEN NULL ELSE sla_breached_at END,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [
        tx.tenantId,
        id,
        next.status,
        next.snoozedUntil,
        next.assigneeId,
        next.priority,
        next.tags,
        next.teamId,
      ],
    );
  }

  /**
   * Writes what routing rules decided for a conversation locked by `lockForChange` (the same
   * columns as a triage change, so the counters and tag rows follow through the same triggers),
   * plus the team it was routed to.
   */
  async applyRouting(
    tx: TenantTx,
    id: string,
    next: { assigneeId: string | null; teamId: string | null; priority: string; tags: string[] },
  ): Promise<void> {
    await tx.execute(
      `UPDATE conversations SET assignee_id = $3, team_id = $4, priority = $5, tags = $6, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, next.assigneeId, next.teamId, next.priority, next.tags],
    );
  }

  /** A team is being deleted: its conversations keep their assignee and lose the team; how many. */
  clearTeam(tx: TenantTx, teamId: string): Promise<number> {
    return tx.execute(
      `UPDATE conversations SET team_id = NULL, updated_at = now() WHERE tenant_id = $1 AND team_id = $2`,
      [tx.tenantId, teamId],
    );
  }

  /**
   * The SLA sweep: marks breached (at `now`) the open conversations whose current waiting
   * episode has lasted at least `slaSeconds`: wall-clock, or open time when `schedule` (business
   * hours as jsonb, `{timeZone, weekly, closures}`) is given, computed in SQL once per pass
   * (business_open_intervals, then a binary search per conversation). At most `limit` a pass,
   * oldest first; each row is re-checked under its lock (a reply that committed meanwhile wins),
   * so an episode is marked once. The marked ids with their episode start.
   */
  markSlaBreaches(
    tx: TenantTx,
    input: { now: Date; slaSeconds: number; schedule: object | null; limit: number },
  ): Promise<Array<{ id: string; waiting_since: Date }>> {
    const waiting = `tenant_id = $1 AND status = 'open' AND waiting_since IS NOT NULL AND sla_breached_at IS NULL`;
    if (!input.schedule)
      return tx.query(
        `UPDATE conversations c SET sla_breached_at = $2::timestamptz
         WHERE c.tenant_id = $1 AND c.id IN (
             SELECT id FROM conversations WHERE ${waiting} AND waiting_since <= $2::timestamptz - make_interval(secs => $3)
             ORDER BY waiting_since LIMIT $4 FOR UPDATE SKIP LOCKED)
           AND c.status = 'open' AND c.sla_breached_at IS NULL AND c.waiting_since <= $2::timestamptz - make_interval(secs => $3)
         RETURNING c.id, c.waiting_since`,
        [tx.tenantId, input.now, input.slaSeconds, input.limit],
      );
    // Open time never exceeds wall-clock time: only episodes at least that old can have breached.
    return tx.query(
      `WITH iv AS (
         SELECT coalesce(array_agg(opens ORDER BY opens), '{}') AS s, coalesce(array_agg(closes ORDER BY opens), '{}') AS e,
                coalesce(array_agg(cum ORDER BY opens), '{}') AS k
         FROM (SELECT opens, closes, coalesce(sum(extract(epoch FROM closes - opens)) OVER (
                        ORDER BY opens ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::float8 AS cum
               FROM business_open_intervals($5::jsonb,
                      (SELECT min(waiting_since) FROM conversations WHERE ${waiting}), $2::timestamptz)) x)
       UPDATE conversations c SET sla_breached_at = $2::timestamptz
       WHERE c.tenant_id = $1 AND c.id IN (
           SELECT id FROM conversations, iv WHERE ${waiting} AND waiting_since <= $2::timestamptz - make_interval(secs => $3)
             AND business_cumulative_seconds(iv.s, iv.e, iv.k, $2::timestamptz)
                 - business_cumulative_seconds(iv.s, iv.e, iv.k, waiting_since) >= $3
           ORDER BY waiting_since LIMIT $4 FOR UPDATE OF conversations SKIP LOCKED)
         AND c.status = 'open' AND c.sla_breached_at IS NULL AND c.waiting_since IS NOT NULL
       RETURNING c.id, c.waiting_since`,
      [tx.tenantId, input.now, input.slaSeconds, input.limit, JSON.stringify(input.schedule)],
    );
  }

  /**
   * Auto-close: open or pending (not snoozed) conversations with no message since `idleBefore`
   * are closed, at most `limit` a pass, oldest first, each re-checked under its lock. The same
   * status write as triage (`applyTriage`): the triggers keep `closed_at` and the per-status
   * counters, and a close ends any waiting episode. The closed ids with the status they had.
   */
  autoCloseIdle(
    tx: TenantTx,
    idleBefore: Date,
    limit: number,
  ): Promise<Array<{ id: string; from_status: ConversationStatus }>> {
    return tx.query(
      `UPDATE conversations c SET status = 'closed', snoozed_until = NULL, waiting_since = NULL,
         sla_breached_at = NULL, updated_at = now()
       FROM (SELECT id, status FROM conversations
             WHERE tenant_id = $1 AND status IN ('open', 'pending') AND last_message_at < $2
             ORDER BY last_message_at LIMIT $3 FOR UPDATE SKIP LOCKED) o
       WHERE c.tenant_id = $1 AND c.id = o.id AND c.status IN ('open', 'pending') AND c.last_message_at < $2
       RETURNING c.id, o.status AS from_status`,
      [tx.tenantId, idleBefore, limit],
    );
  }

  /** A secure message of the conversation went unopened through every reminder; false if already flagged. */
  async flagSecureMessageUnread(tx: TenantTx, id: string): Promise<boolean> {
    const changed = await tx.execute(
      `UPDATE conversations SET secure_message_unread = true
       WHERE tenant_id = $1 AND id = $2 AND NOT secure_message_unread`,
      [tx.tenantId, id],
    );
    return changed > 0;
  }

  /** The conversation's unread counter back to zero (a staff member read it). */
  async clearUnread(tx: TenantTx, id: string): Promise<void> {
    await tx.execute(
      `UPDATE conversations SET unread_count = 0 WHERE tenant_id = $1 AND id = $2 AND unread_count <> 0`,
      [tx.tenantId, id],
    );
  }

  /** Reopens the conversation if it is snoozed and its time has come; false when not (woken or re-snoozed). */
  async reopenIfSnoozeDue(tx: TenantTx, id: string): Promise<boolean> {
    const [woken] = await tx.query<{ id: string }>(
      `UPDATE conversations SET status = 'open', snoozed_until = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'snoozed' AND snoozed_until <= now()
       RETURNING id`,
      [tx.tenantId, id],
    );
    return woken !== undefined;
  }

  /** The tags and assignee a role check reads (`canSee`); null when there is no such conversation. */
  async visibilityOf(
    tx: TenantTx,
    id: string,
  ): Promise<{ tags: string[]; assignee_id: string | null } | null> {
    const [row] = await tx.query<{ tags: string[]; assignee_id: string | null }>(
      `SELECT tags, assignee_id FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    return row ?? null;
  }

  /** Contact merge: the not-closed conversations of these contacts, locked until commit. */
  lockActiveOf(tx: TenantTx, contactIds: string[]): Promise<Array<{ id: string; contact_id: string }>> {
    return tx.query<{ id: string; contact_id: string }>(
      `SELECT id, contact_id FROM conversations
       WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[]) AND status <> 'closed' FOR UPDATE`,
      [tx.tenantId, contactIds],
    );
  }

  /** Contact merge: every conversation of `fromContactId` now belongs to `toContactId`; their ids. */
  async moveToContact(tx: TenantTx, fromContactId: string, toContactId: string): Promise<string[]> {
    const moved = await tx.query<{ id: string }>(
      `UPDATE conversations SET contact_id = $3, updated_at = now() WHERE tenant_id = $1 AND contact_id = $2 RETURNING id`,
      [tx.tenantId, fromContactId, toContactId],
    );
    return moved.map((c) => c.id);
  }

  /**
   * Contact merge, two open conversations: the survivor takes the folded one's inbox state (the
   * newer activity's preview and channel win; unread counts add up; the earlier first message and
   * waiting episode), then the folded one is closed, emptied. Its messages must have moved first.
   */
  async foldInto(tx: TenantTx, survivorId: string, foldedId: string): Promise<void> {
    await tx.execute(
      `UPDATE conversations s SET
         last_message_preview_enc = CASE WHEN o.last_message_at > s.last_message_at OR s.last_message_at IS NULL
                                         THEN o.last_message_preview_enc ELSE s.last_message_preview_enc END,
         last_channel = CASE WHEN o.last_message_at > s.last_message_at OR s.last_message_at IS NULL
                             THEN o.last_channel ELSE s.last_channel END,
         last_message_at = greatest(s.last_message_at, o.last_message_at),
         unread_count = s.unread_count + o.unread_count,
         -- Report facts: the earlier first message and wait win; a breach of either stands.
         first_inbound_channel = CASE WHEN o.first_inbound_at < s.first_inbound_at OR s.first_inbound_at IS NULL
                                      THEN o.first_inbound_channel ELSE s.first_inbound_channel END,
         first_inbound_at = least(s.first_inbound_at, o.first_inbound_at),
         first_response_at = coalesce(s.first_response_at, o.first_response_at),
         waiting_since = least(s.waiting_since, o.waiting_since),
         sla_breached_at = least(s.sla_breached_at, o.sla_breached_at),
         updated_at = now()
       FROM conversations o
       WHERE s.tenant_id = $1 AND s.id = $2 AND o.tenant_id = $1 AND o.id = $3`,
      [tx.tenantId, survivorId, foldedId],
    );
    await tx.execute(
      `UPDATE conversations SET status = 'closed', unread_count = 0, waiting_since = NULL, sla_breached_at = NULL,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, foldedId],
    );
  }

  private async insertOpen(tx: TenantTx, contactId: string): Promise<string | null> {
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO conversations (id, tenant_id, contact_id, status) VALUES ($1, $2, $3, 'open')
       ON CONFLICT (tenant_id, contact_id) WHERE status <> 'closed' DO NOTHING RETURNING id`,
      [randomUUID(), tx.tenantId, contactId],
    );
    return created?.id ?? null;
  }

  private async findActive(tx: TenantTx, contactId: string): Promise<string | null> {
    const [row] = await tx.query<{ id: string }>(
      `SELECT id FROM conversations WHERE tenant_id = $1 AND contact_id = $2 AND status <> 'closed'`,
      [tx.tenantId, contactId],
    );
    return row?.id ?? null;
  }
}
