/**
 * The events an endpoint may subscribe to. The migration's triggers write them (one delivery per
 * subscribed endpoint, in the transaction of the change); its CHECK lists the same names.
 */
export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'message.status_changed',
  'conversation.assigned',
  'consent.changed',
  'secure_message.read',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The keys a delivery's `data` may hold: ids, channel and status names, never PHI (no names,
 * addresses or bodies). The receiver fetches anything else through the API or FHIR.
 */
export const WEBHOOK_DATA_KEYS = [
  'practiceId',
  'conversationId',
  'messageId',
  'contactId',
  'channel',
  'status',
  'previousStatus',
  'assigneeId',
  'teamId',
  'change',
  'consentRecordId',
  'optOutEventId',
] as const;

/** The JSON body of a delivery, as signed and sent. */
export function webhookBody(event: {
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}): string {
  const data = Object.fromEntries(
    (WEBHOOK_DATA_KEYS as readonly string[]).filter((k) => k in event.data).map((k) => [k, event.data[k]]),
  );
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data });
}
