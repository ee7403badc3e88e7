import { z } from 'zod';

/**
 * Every job the system runs: its name, its queue, and the schema of its payload. Payloads are
 * ids only (never PHI: queues live in Redis, outside the encrypted store), enforced by strict
 * schemas of uuids, checked when a job is added and again when it runs.
 */
export const JOBS = {
  /** Chain a tenant's audit outbox into audit_events (retry of a failed in-process seal). */
  'audit.seal': { queue: 'maintenance', data: z.strictObject({ tenantId: z.uuid() }) },
  /** Hand one outbound message to the SMS provider (jobId = message id). */
  'delivery.sms': {
    queue: 'delivery-sms',
    data: z.strictObject({ tenantId: z.uuid(), messageId: z.uuid() }),
  },
  /** Hand one outbound message to the email provider (jobId = message id). */
  'delivery.email': {
    queue: 'delivery-email',
    data: z.strictObject({ tenantId: z.uuid(), messageId: z.uuid() }),
  },
  /** Reopen a snoozed conversation at its snoozedUntil (no-op if it was woken or re-snoozed). */
  'conversation.wake': {
    queue: 'inbox',
    data: z.strictObject({ tenantId: z.uuid(), conversationId: z.uuid() }),
  },
  /**
   * Turn a practice's acknowledged inbound SMS (sms_inbound) into messages, in receipt order.
   * Any such job processes every pending row of the practice, so extra ones are no-ops.
   */
  'sms.inbound': { queue: 'inbound', data: z.strictObject({ tenantId: z.uuid() }) },
  /**
   * POST one outbound webhook delivery to its endpoint (jobId = delivery id); its retries are
   * the delivery's own schedule (the job is moved to delayed between attempts).
   */
  'webhooks.deliver': {
    queue: 'webhooks',
    data: z.strictObject({ tenantId: z.uuid(), deliveryId: z.uuid() }),
  },
  /** Periodic: wake every snooze that is due (covers wake jobs Redis lost). */
  'conversation.wake_sweep': { queue: 'maintenance', data: z.strictObject({}) },
  /** Periodic: remind patients of secure messages still unopened, flag those unread after the last reminder. */
  'delivery.secure_reminder_sweep': { queue: 'maintenance', data: z.strictObject({}) },
  /** Periodic: mark conversations waiting beyond their practice's SLA, close those idle past auto-close. */
  'reports.inbox_sweep': { queue: 'maintenance', data: z.strictObject({}) },
  /** Periodic: purge what each practice's retention lets go (messages, attachments, spent tokens). */
  'conversation.retention_sweep': { queue: 'maintenance', data: z.strictObject({}) },
  /** Periodic: look for unusual PHI access (bursts of opened conversations, exports outside business hours) in every practice. */
  'access_alerts.sweep': { queue: 'maintenance', data: z.strictObject({}) },
  /** Write a FHIR Bulk Data export's NDJSON files (jobId = export id). */
  'fhir.export': { queue: 'fhir', data: z.strictObject({ tenantId: z.uuid(), exportId: z.uuid() }) },
  /** Delete a practice's FHIR exports past their expiry (delayed until a completed export expires). */
  'fhir.export_expiry': { queue: 'fhir', data: z.strictObject({ tenantId: z.uuid() }) },
} as const;

export type JobName = keyof typeof JOBS;
export type JobData<N extends JobName> = z.infer<(typeof JOBS)[N]['data']>;
export type QueueName = (typeof JOBS)[JobName]['queue'];

export const QUEUE_NAMES: QueueName[] = [...new Set(Object.values(JOBS).map((j) => j.queue))];

export function parseJobData<N extends JobName>(name: N, data: unknown): JobData<N> {
  const result = JOBS[name].data.safeParse(data);
  // The message names the job and the field, never the value.
  if (!result.success)
    throw new Error(
      `Invalid payload for job ${name}: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  return result.data as JobData<N>;
}
