// Hand-written SQL, not the entity's repository (TenantTx.repository): the inbox pages are keyset
// queries tuned against their EXPLAIN plans (measured hot path: `npm run bench triage`,
// docs/operations.md; test/inbox-explain.e2e-spec.ts).
import { type KeysetPosition, fromMicrosSql, isoSql, microsSql } from './keyset-cursor.js';

// The SQL builders of `InboxRepository` (inbox.repository.ts), the only code that runs them; the
// EXPLAIN test and the triage bench build the same statements to check their plans and time them.

export const CONVERSATION_STATUSES = ['open', 'pending', 'closed', 'snoozed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const INBOX_CHANNELS = ['sms', 'email', 'webform', 'chat', 'portal'] as const;
export type InboxChannel = (typeof INBOX_CHANNELS)[number];
export const LEAD_STAGES = ['new', 'contacted', 'scheduled', 'patient', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
/** A contact's stored lead stage (contacts.lead_stage, which a CHECK holds to LEAD_STAGES). */
export const leadStageOf = (stored: string | null): LeadStage | null => stored as LeadStage | null;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** The tag that makes a conversation visible to billing staff. */
export const BILLING_TAG = 'billing';

export interface InboxFilter {
  status?: ConversationStatus;
  channel?: string;
  /** A user id, or 'unassigned'. ('me' is resolved to the caller's id before this.) */
  assignee?: string;
  /** Conversations a routing rule sent to this team (`assignee=team:<id>`). */
  teamId?: string;
  tag?: string;
  /** Only conversations with a message newer than what `viewerId` has read. */
  unread?: boolean;
  leadStage?: string;
  /** Only conversations whose patient has waited beyond the practice's SLA (marked by the sweep). */
  overSla?: boolean;
  /** Billing staff: only conversations tagged billing or assigned to them. */
  billingScope?: boolean;
  /** One conversation (detail and update answers use the list's shape). */
  id?: string;
  after?: KeysetPosition;
  limit: number;
}

export interface InboxRow {
  id: string;
  contact_id: string;
  status: ConversationStatus;
  priority: Priority;
  assignee_id: string | null;
  tags: string[];
  lead_stage: LeadStage | null;
  team_id: string | null;
  /** ISO 8601 text (isoSql), as shown. */
  last_message_at: string | null;
  snoozed_until: string | null;
  secure_message_unread: boolean;
  waiting_since: string | null;
  sla_breached_at: string | null;
  closed_at: string | null;
  created_at: string;
  sort_micros: string;
  last_message_preview_enc: Buffer | null;
  last_channel: InboxChannel | null;
  unread_count: number;
  contact_name_enc: Buffer | null;
  unread: boolean;
}

/**
 * The one SQL of an inbox page (the api runs it, the benchmark times it raw as the floor).
 * Each filter is an equality on the leading columns of an index that ends in
 * (last_message_at DESC, id DESC) (a tag: conversation_tags_inbox, which carries the same sort
 * key), so a page is one index range scan of about `limit` rows plus a
 * primary-key lookup of each row's contact: no sort, no count, no per-row query. Conversations
 * without any message yet (only inside the transaction that creates them) are not listed.
 */
export function inboxQuery(
  tenantId: string,
  viewerId: string,
  f: InboxFilter,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, viewerId];
  const p = (value: unknown) => `$${params.push(value)}`;
  // A tag filter drives from conversation_tags, which carries the same sort key.
  const sort = f.tag
    ? { at: 't.last_message_at', id: 't.conversation_id' }
    : { at: 'c.last_message_at', id: 'c.id' };
  const from = f.tag
    ? `conversation_tags t JOIN conversations c ON c.tenant_id = t.tenant_id AND c.id = t.conversation_id`
    : 'conversations c';
  const where = ['c.tenant_id = $1'];
  if (f.tag) where.push('t.tenant_id = $1', `t.tag = ${p(f.tag)}`);
  if (f.id) where.push(`c.id = ${p(f.id)}`);
  else where.push(`${sort.at} IS NOT NULL`);
  if (f.status) where.push(`c.status = ${p(f.status)}`);
  if (f.channel) where.push(`c.last_channel = ${p(f.channel)}`);
  if (f.assignee === 'unassigned') where.push('c.assignee_id IS NULL');
  else if (f.assignee) where.push(`c.assignee_id = ${p(f.assignee)}`);
  if (f.teamId) where.push(`c.team_id = ${p(f.teamId)}`);
  if (f.leadStage) where.push(`c.lead_stage = ${p(f.leadStage)}`);
  // conversations_over_sla: a partial index on the sort key of the marked rows only.
  if (f.overSla) where.push('c.sla_breached_at IS NOT NULL');
  if (f.unread) where.push('(r.read_up_to IS NULL OR r.read_up_to < c.last_message_at)');
  if (f.billingScope) where.push(`(${tagged(`'${BILLING_TAG}'`)} OR c.assignee_id = $2)`);
  if (f.after)
    where.push(`(${sort.at}, ${sort.id}) < (${fromMicrosSql(p(f.after.micros))}, ${p(f.after.id)}::uuid)`);
  const sql = `
    SELECT c.id, c.contact_id, c.status, c.priority, c.assignee_id, c.tags, c.lead_stage, c.team_id,
           ${isoSql('c.last_message_at')} AS last_message_at, ${isoSql('c.snoozed_until')} AS snoozed_until,
           ${isoSql('c.closed_at')} AS closed_at, ${isoSql('c.waiting_since')} AS waiting_since,
           ${isoSql('c.sla_breached_at')} AS sla_breached_at, ${isoSql('c.created_at')} AS created_at,
           ${microsSql('c.last_message_at')} AS sort_micros, c.last_message_preview_enc, c.last_channel,
           c.unread_count, c.secure_message_unread, k.name_enc AS contact_name_enc,
           (r.read_up_to IS NULL OR r.read_up_to < c.last_message_at) AS unread
    FROM ${from}
    JOIN contacts k ON k.tenant_id = c.tenant_id AND k.id = c.contact_id
    LEFT JOIN conversation_reads r ON r.tenant_id = c.tenant_id AND r.user_id = $2 AND r.conversation_id = c.id
    WHERE ${where.join(' AND ')}
    ORDER BY ${sort.at} DESC, ${sort.id} DESC
    LIMIT ${p(f.limit)}`;
  return { sql, params };
}

/** The conversation has the tag (conversation_tags: plain equalities, so index-driven under RLS). */
const tagged = (tag: string) =>
  `EXISTS (SELECT 1 FROM conversation_tags t
           WHERE t.tenant_id = c.tenant_id AND t.conversation_id = c.id AND t.tag = ${tag})`;

/**
 * A SELECT for `EXISTS`: the conversation, if a viewer of this scope may see it (`canSee` in
 * SQL, on the same columns), e.g. the condition of an audit event recorded before the read.
 */
export function visibleConversationSql(
  tenantId: string,
  conversationId: string,
  viewer: { scope: 'practice' | 'billing'; userId: string },
): { sql: string; params: unknown[] } {
  if (viewer.scope === 'practice')
    return {
      sql: `SELECT 1 FROM conversations c WHERE c.tenant_id = $1 AND c.id = $2`,
      params: [tenantId, conversationId],
    };
  return {
    sql: `SELECT 1 FROM conversations c WHERE c.tenant_id = $1 AND c.id = $2
          AND ('${BILLING_TAG}' = ANY (c.tags) OR c.assignee_id = $3)`,
    params: [tenantId, conversationId, viewer.userId],
  };
}

/** What channels store on an inbound email (its SenderAuthentication): SendGrid's SPF/DKIM results, no PHI. */
export interface SenderVerdict {
  result: 'pass' | 'fail';
  alignedBy: 'dkim' | 'spf' | null;
  spf: { result: string; aligned: boolean };
  dkim: Array<{ result: string; aligned: boolean }>;
}

export interface MessagePageRow {
  /** The conversation's, on every row (the role check needs them; no second query). */
  conversation_tags: string[];
  conversation_assignee_id: string | null;
  /** Null on the single row of a conversation without (further) messages. */
  id: string | null;
  direction: 'inbound' | 'outbound';
  channel: InboxChannel;
  kind: 'message' | 'note' | 'system';
  body_enc: Buffer | null;
  status: string;
  delivery_route: 'plain' | 'secure_link' | 'chat' | null;
  /** An inbound email's sender verdict (SPF/DKIM), as stored; null for everything else. */
  sender_authentication: SenderVerdict | null;
  /** ISO 8601 text (isoSql). */
  created_at: string;
  sort_micros: string;
  author_user_id: string | null;
  author_name: string | null;
  /** The message's stored attachments in position order, as parallel arrays; null when it has none. */
  attachment_ids: string[] | null;
  attachment_positions: number[] | null;
  attachment_content_types: Array<string | null> | null;
  attachment_sizes: number[] | null;
  attachment_filenames_enc: Array<Buffer | null> | null;
}

/**
 * A page of a conversation's messages, newest first (a range scan of messages_conversation),
 * with the conversation's tags and assignee on each row: no rows at all means no such
 * conversation (in this practice); one row without an id, a conversation without messages.
 * Each row carries its stored attachments (aggregated per message after the LIMIT, from the
 * attachments (tenant_id, message_id, position) key): the page's files cost no further query.
 */
export function messagesQuery(
  tenantId: string,
  conversationId: string,
  page: { after?: KeysetPosition; limit: number },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, conversationId];
  const p = (value: unknown) => `$${params.push(value)}`;
  const after = page.after
    ? `AND (m.created_at, m.id) < (${fromMicrosSql(p(page.after.micros))}, ${p(page.after.id)}::uuid)`
    : '';
  const sql = `
    SELECT c.tags AS conversation_tags, c.assignee_id AS conversation_assignee_id, page.*, files.*
    FROM conversations c
    LEFT JOIN LATERAL (
      SELECT m.id, m.direction, m.channel, m.kind, m.body_enc, m.status, m.delivery_route,
             m.sender_authentication, ${isoSql('m.created_at')} AS created_at,
             ${microsSql('m.created_at')} AS sort_micros, m.author_user_id, u.name AS author_name
      FROM messages m
      LEFT JOIN users u ON u.tenant_id = m.tenant_id AND u.id = m.author_user_id
      WHERE m.tenant_id = $1 AND m.conversation_id = $2 ${after}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT ${p(page.limit)}) page ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(a.id ORDER BY a.position) AS attachment_ids,
             array_agg(a.position ORDER BY a.position) AS attachment_positions,
             array_agg(a.content_type ORDER BY a.position) AS attachment_content_types,
             array_agg(a.size_bytes ORDER BY a.position) AS attachment_sizes,
             array_agg(a.filename_enc ORDER BY a.position) AS attachment_filenames_enc
      FROM attachments a
      WHERE a.tenant_id = c.tenant_id AND a.message_id = page.id AND a.status = 'stored') files ON true
    WHERE c.tenant_id = $1 AND c.id = $2`;
  return { sql, params };
}
