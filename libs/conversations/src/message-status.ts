/**
 * Delivery status of an outbound message, as data. Provider callbacks arrive late, twice and
 * out of order, so a status only ever moves forward: a late `sent` never overwrites
 * `delivered`, and `failed` / `undelivered` / `read` are final. Shared by the status webhooks
 * (issue 4) and the delivery workers (issue 7).
 */
export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'undelivered',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Every allowed move. Anything not listed (including staying put) is not a change. */
export const MESSAGE_STATUS_TRANSITIONS: Readonly<Record<MessageStatus, readonly MessageStatus[]>> = {
  queued: ['sending', 'sent', 'delivered', 'read', 'failed', 'undelivered'],
  sending: ['sent', 'delivered', 'read', 'failed', 'undelivered'],
  sent: ['delivered', 'read', 'failed', 'undelivered'],
  // A handset that reported delivery cannot later fail to receive the message.
  delivered: ['read'],
  read: [],
  failed: [],
  undelivered: [],
};

export function isMessageStatus(value: string): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return MESSAGE_STATUS_TRANSITIONS[from].includes(to);
}

/** The statuses `to` may replace: the machine as a SQL condition (`status = ANY(...)`). */
export function statusesThatMayMoveTo(to: MessageStatus): MessageStatus[] {
  return MESSAGE_STATUSES.filter((from) => canTransition(from, to));
}

/**
 * The status to store when `reported` arrives for a message now in `current`, or null to keep
 * it. A current value outside the machine (an inbound `received`, or a state another issue adds
 * before the provider is involved) is never touched.
 */
export function nextStatus(current: string, reported: MessageStatus): MessageStatus | null {
  if (!isMessageStatus(current)) return null;
  return canTransition(current, reported) ? reported : null;
}

export function isFailure(status: MessageStatus): boolean {
  return status === 'failed' || status === 'undelivered';
}
