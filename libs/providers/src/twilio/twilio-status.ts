import type { ReportedStatus } from '../delivery-status.js';

/**
 * Twilio's message statuses in our status machine's words. Statuses of inbound messages
 * (`receiving`, `received`) and any status Twilio adds later map to nothing: ignored.
 */
const TWILIO_STATUSES: Readonly<Record<string, ReportedStatus>> = {
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

export function fromTwilioStatus(status: string): ReportedStatus | null {
  return Object.hasOwn(TWILIO_STATUSES, status) ? TWILIO_STATUSES[status]! : null;
}
