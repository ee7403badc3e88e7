import { CONTACT_NAME_COLUMN } from '@app/contacts';
import type { TenantCipher } from '@app/crypto';
import { attachmentFileName } from '../attachment-files.js';
import { ATTACHMENT_FILENAME_COLUMN } from '../attachment.repository.js';
import { PREVIEW_COLUMN } from '../conversation.repository.js';
import type { SubmittedFields } from '../message-fields.js';
import { MESSAGE_BODY_COLUMN } from '../message.repository.js';
import type { InboxRow, MessagePageRow, SenderVerdict } from './inbox-query.js';

export interface InboxItem {
  id: string;
  contact: { id: string; displayName: string | null };
  status: InboxRow['status'];
  priority: InboxRow['priority'];
  assigneeId: string | null;
  /** The team a routing rule sent it to (its assignee, if any, is one of the team's members). */
  teamId: string | null;
  tags: string[];
  leadStage: InboxRow['lead_stage'];
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  lastChannel: InboxRow['last_channel'];
  /** Inbound messages since the conversation was last marked read (by anyone). */
  unreadCount: number;
  /** Whether the caller has read up to the newest message. */
  unread: boolean;
  snoozedUntil: string | null;
  /** A secure message went unopened through every reminder (cleared when the patient reads it). */
  secureMessageUnread: boolean;
  /** The patient's first message since the last staff reply (null: nobody is waiting). */
  waitingSince: string | null;
  /** When the SLA sweep marked the current wait as over the practice's SLA (null: not over). */
  slaBreachedAt: string | null;
  closedAt: string | null;
  createdAt: string;
}

/** A page of rows decrypted column by column (names, then previews): no query and no promise per row. */
export async function inboxItems(cipher: TenantCipher, rows: InboxRow[]): Promise<InboxItem[]> {
  const names = await cipher.decryptColumn(
    CONTACT_NAME_COLUMN,
    rows.map((row) => row.contact_name_enc),
  );
  const previews = await cipher.decryptColumn(
    PREVIEW_COLUMN,
    rows.map((row) => row.last_message_preview_enc),
  );
  return rows.map((row, i) => ({
    id: row.id,
    contact: { id: row.contact_id, displayName: names[i] ?? null },
    status: row.status,
    priority: row.priority,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    tags: row.tags,
    leadStage: row.lead_stage,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: previews[i] ?? null,
    lastChannel: row.last_channel,
    unreadCount: row.unread_count,
    unread: row.unread,
    // A new message reopens a snoozed conversation without clearing the time: show it only while snoozed.
    snoozedUntil: row.status === 'snoozed' ? row.snoozed_until : null,
    secureMessageUnread: row.secure_message_unread,
    waitingSince: row.waiting_since,
    slaBreachedAt: row.sla_breached_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
  }));
}

export interface MessageItem {
  id: string;
  direction: 'inbound' | 'outbound';
  channel: MessagePageRow['channel'];
  kind: MessagePageRow['kind'];
  body: string | null;
  status: string;
  deliveryRoute?: NonNullable<MessagePageRow['delivery_route']>;
  /** Inbound email: whether SPF/DKIM proved the From domain, with SendGrid's results (no PHI). */
  authentication?: SenderVerdict;
  createdAt: string;
  author?: { id: string; name: string | null };
  /** The message's stored files (MMS media, email attachments), in their order. */
  attachments: MessageAttachment[];
  /** A web form message: the structured fields submitted with it. */
  fields?: SubmittedFields;
}

export interface MessageAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A page of messages; attachment names are decrypted in one pass over the page. */
export async function messageItems(
  cipher: TenantCipher,
  rows: Array<MessagePageRow & { id: string }>,
  fields: ReadonlyMap<string, SubmittedFields> = new Map(),
): Promise<MessageItem[]> {
  const bodies = await cipher.decryptColumn(
    MESSAGE_BODY_COLUMN,
    rows.map((row) => row.body_enc),
  );
  const names = await cipher.decryptColumn(
    ATTACHMENT_FILENAME_COLUMN,
    rows.flatMap((row) => row.attachment_filenames_enc ?? []),
  );
  let offset = 0; // where each row's names start in `names`
  const attachments = rows.map((row): MessageAttachment[] => {
    const start = offset;
    offset += row.attachment_ids?.length ?? 0;
    return (row.attachment_ids ?? []).map((id, j) => {
      const contentType = row.attachment_content_types![j] ?? null;
      return {
        id,
        fileName: attachmentFileName(names[start + j] ?? null, row.attachment_positions![j]!, contentType),
        contentType: contentType ?? 'application/octet-stream',
        size: row.attachment_sizes![j]!,
      };
    });
  });
  return rows.map((row, i) => ({
    id: row.id,
    direction: row.direction,
    channel: row.channel,
    kind: row.kind,
    body: bodies[i] ?? null,
    status: row.status,
    ...(row.delivery_route ? { deliveryRoute: row.delivery_route } : {}),
    ...(row.sender_authentication ? { authentication: row.sender_authentication } : {}),
    createdAt: row.created_at,
    ...(row.author_user_id ? { author: { id: row.author_user_id, name: row.author_name } } : {}),
    attachments: attachments[i]!,
    ...(fields.has(row.id) ? { fields: fields.get(row.id)! } : {}),
  }));
}
