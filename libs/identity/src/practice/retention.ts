import { z } from 'zod';

/**
 * The shortest retention a practice may set: a typo (1 instead of 100) must not wipe a
 * practice's history overnight.
 */
export const MIN_RETENTION_DAYS = 30;
/** The longest period that is not "for ever" (100 years). */
export const MAX_RETENTION_DAYS = 36_500;
/**
 * What no retention setting touches, for the legal minimum of 6 years: audit events and consent
 * records are never purged, and a message that is evidence for a consent record younger than
 * this is kept.
 */
export const CONSENT_EVIDENCE_YEARS = 6;

const days = z
  .number()
  .int()
  .min(MIN_RETENTION_DAYS)
  .max(MAX_RETENTION_DAYS)
  .nullable()
  .meta({ description: `Days (${MIN_RETENTION_DAYS}-${MAX_RETENTION_DAYS}); null keeps them for ever` });

/** `PUT /v1/practice/retention`: both periods, each a number of days or null (for ever). */
export const retentionSchema = z
  .strictObject({
    messageRetentionDays: days,
    attachmentRetentionDays: days.meta({
      description:
        `Days (${MIN_RETENTION_DAYS}-${MAX_RETENTION_DAYS}), at most messageRetentionDays; ` +
        'null keeps an attachment as long as its message',
    }),
  })
  .refine(
    (r) =>
      r.attachmentRetentionDays === null ||
      r.messageRetentionDays === null ||
      r.attachmentRetentionDays <= r.messageRetentionDays,
    {
      message: 'attachments cannot be kept longer than their messages',
      path: ['attachmentRetentionDays'],
    },
  );
export type Retention = z.infer<typeof retentionSchema>;
