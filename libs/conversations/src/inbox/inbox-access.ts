import { type Principal, roleHas } from '@app/identity';
import { BILLING_TAG } from './inbox-query.js';

/** Which conversations of the practice a staff member may see (from ROLE_PERMISSIONS). */
export type InboxScope = 'practice' | 'billing';

export function inboxScope(viewer: Principal): InboxScope | null {
  if (roleHas(viewer.role, 'conversations.read')) return 'practice';
  if (roleHas(viewer.role, 'conversations.read_assigned')) return 'billing';
  return null;
}

/** Billing sees a conversation tagged billing or assigned to them; everyone else with read, all. */
export function canSee(
  viewer: Principal,
  conversation: { tags: string[]; assignee_id: string | null },
): boolean {
  const scope = inboxScope(viewer);
  if (scope === 'practice') return true;
  if (scope === 'billing')
    return conversation.tags.includes(BILLING_TAG) || conversation.assignee_id === viewer.userId;
  return false;
}

/**
 * Thrown inside a transaction when the caller may not touch what it named; the service rolls
 * back, records the denial in a transaction of its own, then answers 403.
 */
export class InboxAccessDenied extends Error {
  constructor(
    readonly reason: string,
    readonly target?: { type: string; id: string },
  ) {
    super(reason);
    this.name = 'InboxAccessDenied';
  }
}
