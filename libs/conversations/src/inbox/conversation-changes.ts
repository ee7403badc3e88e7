import type { ConversationStatus } from './inbox-query.js';
import type { LockedConversation } from '../conversation.repository.js';

export interface ConversationPatch {
  status?: ConversationStatus;
  assigneeId?: string | null;
  /** The team it belongs to (routing rules set it; staff may move or clear it). */
  teamId?: string | null;
  priority?: string;
  tags?: string[];
  leadStage?: string | null;
  snoozedUntil?: Date;
}

export type ChangedField =
  'assigneeId' | 'teamId' | 'status' | 'snoozedUntil' | 'priority' | 'tags' | 'leadStage';

/** The conversation row after a patch, and which fields really changed (those are audited and announced). */
export interface ConversationChanges {
  next: {
    status: ConversationStatus;
    snoozedUntil: Date | null;
    assigneeId: string | null;
    teamId: string | null;
    priority: string;
    tags: string[];
  };
  changed: Set<ChangedField>;
}

/** Pure: a snooze time implies status snoozed; any other status clears the time. */
export function conversationChanges(
  before: LockedConversation,
  patch: ConversationPatch,
): ConversationChanges {
  const changed = new Set<ChangedField>();
  if (patch.assigneeId !== undefined && patch.assigneeId !== before.assignee_id) changed.add('assigneeId');
  if (patch.teamId !== undefined && patch.teamId !== before.team_id) changed.add('teamId');
  const status = patch.snoozedUntil ? 'snoozed' : (patch.status ?? before.status);
  const snoozedUntil = status === 'snoozed' ? (patch.snoozedUntil ?? before.snoozed_until) : null;
  if (status !== before.status) changed.add('status');
  if (snoozedUntil?.getTime() !== before.snoozed_until?.getTime() && status === 'snoozed')
    changed.add('snoozedUntil');
  if (patch.priority !== undefined && patch.priority !== before.priority) changed.add('priority');
  if (patch.tags !== undefined && !sameSet(patch.tags, before.tags)) changed.add('tags');
  if (patch.leadStage !== undefined && patch.leadStage !== before.lead_stage) changed.add('leadStage');
  return {
    next: {
      status,
      snoozedUntil,
      assigneeId: patch.assigneeId === undefined ? before.assignee_id : patch.assigneeId,
      teamId: patch.teamId === undefined ? before.team_id : patch.teamId,
      priority: patch.priority ?? before.priority,
      tags: patch.tags ? [...new Set(patch.tags)] : before.tags,
    },
    changed,
  };
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((t) => left.has(t));
}
