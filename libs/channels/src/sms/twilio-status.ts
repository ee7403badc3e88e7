import type { MessageStatus } from '@app/conversations';

/**
 * Twilio's message statuses in the store's status machine. Statuses of inbound messages
 * (`receiving`, `received`) and any status Twilio adds later map to nothing: ignored.
 */
const TWILIO_STATUSES: Readonly<Record<string, MessageStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

export function fromTwilioStatus(status: string): MessageStatus | null {
  return Object.hasOwn(TWILIO_STATUSES, status) ? TWILIO_STATUSES[status]! : null;
}
