import { z } from 'zod';
import { IDENTITY_POLICY } from '../identity.constants.js';
import { readBusinessHours, type StoredBusinessHours } from './business-hours.js';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './retention.js';
import { isTimeZone } from './time-zone.js';

/** What a practice may tune about staff access. */
export interface PracticeSettings {
  /** Automatic logoff after this much inactivity. */
  idleTimeoutMinutes: number;
  /** MFA for every role, not only owner/admin (who always need it). */
  mfaRequiredForAllRoles: boolean;
  /** Patient pages (libs/portal, libs/delivery read these keys): secure link lifetime in days. */
  secureLinkDays: number;
  /** Ask for the date of birth besides the one-time code (when the contact has one on file). */
  portalRequireDateOfBirth: boolean;
  /** Button and accent colour (#rrggbb); one too light for white text falls back to the default. */
  portalBrandColor: string | null;
  /** Logo as a data: image, so the patient pages load nothing from another origin. */
  portalLogoDataUri: string | null;
  /**
   * Days a closed conversation is reopened by the contact's next message (0: never, a new one
   * starts); read by libs/conversations' ingest.
   */
  conversationReopenDays: number;
  /**
   * The practice's own answer to an SMS HELP (used verbatim; it must name STOP); null: the
   * default naming the practice and `smsHelpContactNumber` (libs/delivery words it).
   */
  smsHelpReply: string | null;
  /** The number (E.164) the default HELP answer tells patients to call; null: the number they texted. */
  smsHelpContactNumber: string | null;
  /** The practice's IANA time zone (e.g. America/Chicago): reminder quiet hours are local to it. */
  timeZone: string;
  /** Hours a secure message stays unopened before each reminder (libs/delivery's reminder sweep). */
  secureReminderDelayHours: number;
  /** Reminders per unread secure message (0: none, and no unread flag either). */
  secureReminderMax: number;
  /** Reminders go only from this local hour (8-20, default 8)... */
  reminderWindowStartHour: number;
  /** ...until this local hour (9-21, default 21): a practice may narrow 8:00-21:00, never widen it. */
  reminderWindowEndHour: number;
  /**
   * Opening hours in `timeZone` (set by `PUT /v1/practice/business-hours`, not the settings
   * PATCH); null: never set, so nothing is ever "after hours" (libs/automation reads it).
   */
  businessHours: StoredBusinessHours | null;
  /**
   * Minutes a patient may wait for a staff reply before the conversation is marked over SLA
   * (counted in business hours when set, else wall-clock); null: no SLA (libs/reports' sweep).
   */
  slaMinutes: number | null;
  /** Days without a message after which an open or pending conversation is closed; null: never. */
  autoCloseDays: number | null;
  /**
   * Days messages are kept (set by `PUT /v1/practice/retention`, not the settings PATCH); null:
   * for ever. libs/conversations' retention sweep purges older ones.
   */
  messageRetentionDays: number | null;
  /** Days attachments are kept (at most as long as messages); null: as long as their message. */
  attachmentRetentionDays: number | null;
  /**
   * Days an email address whose server refused a TLS-required email gets consented replies as
   * secure links before plain email over TLS is tried again (libs/delivery reads it).
   */
  noTlsRecheckDays: number;
}

const LOGO_DATA_URI = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/;
const MAX_LOGO_CHARS = 200_000;
const MAX_REOPEN_DAYS = 365;
const E164 = /^\+[1-9][0-9]{7,14}$/;
/** Carriers (CTIA) expect a HELP answer to say how to opt out; two SMS segments at most. */
const HELP_NAMES_STOP = /\bSTOP\b/;
const MAX_HELP_REPLY_CHARS = 306;
const MAX_REMINDER_DELAY_HOURS = 168;
const MAX_REMINDERS = 5;
/** The widest reminder window (TCPA-style quiet hours); a practice may only narrow it. */
const REMINDER_WINDOW = { start: 8, end: 21 } as const;
/** An SLA of at most 30 days (in minutes); auto-close after at most a year. */
const MAX_SLA_MINUTES = 43_200;
const MAX_AUTO_CLOSE_DAYS = 365;
const MAX_NO_TLS_RECHECK_DAYS = 365;

const isIntIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export const practiceSettingsPatchSchema = z
  .object({
    idleTimeoutMinutes: z.number().int().min(1).max(720).optional(),
    mfaRequiredForAllRoles: z.boolean().optional(),
    secureLinkDays: z.number().int().min(1).max(90).optional(),
    portalRequireDateOfBirth: z.boolean().optional(),
    portalBrandColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour')
      .nullable()
      .optional(),
    portalLogoDataUri: z
      .string()
      .max(MAX_LOGO_CHARS)
      .regex(LOGO_DATA_URI, 'must be a base64 data: URI of a png, jpeg, gif or webp image')
      .nullable()
      .optional(),
    conversationReopenDays: z.number().int().min(0).max(MAX_REOPEN_DAYS).optional(),
    smsHelpReply: z
      .string()
      .trim()
      .min(1)
      .max(MAX_HELP_REPLY_CHARS)
      .regex(HELP_NAMES_STOP, 'must tell the patient to reply STOP to opt out')
      .nullable()
      .optional(),
    smsHelpContactNumber: z
      .string()
      .regex(E164, 'must be a phone number in E.164 form (+15555550123)')
      .nullable()
      .optional(),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'must be an IANA time zone such as America/Chicago')
      .optional(),
    secureReminderDelayHours: z.number().int().min(1).max(MAX_REMINDER_DELAY_HOURS).optional(),
    secureReminderMax: z.number().int().min(0).max(MAX_REMINDERS).optional(),
    reminderWindowStartHour: z
      .number()
      .int()
      .min(REMINDER_WINDOW.start)
      .max(REMINDER_WINDOW.end - 1)
      .optional(),
    reminderWindowEndHour: z
      .number()
      .int()
      .min(REMINDER_WINDOW.start + 1)
      .max(REMINDER_WINDOW.end)
      .optional(),
    slaMinutes: z.number().int().min(1).max(MAX_SLA_MINUTES).nullable().optional(),
    autoCloseDays: z.number().int().min(0).max(MAX_AUTO_CLOSE_DAYS).nullable().optional(),
    noTlsRecheckDays: z.number().int().min(1).max(MAX_NO_TLS_RECHECK_DAYS).optional(),
  })
  .strict()
  // Set together, so the stored window is always one that opens before it closes.
  .refine((p) => (p.reminderWindowStartHour === undefined) === (p.reminderWindowEndHour === undefined), {
    message: 'reminderWindowStartHour and reminderWindowEndHour are set together',
    path: ['reminderWindowEndHour'],
  })
  .refine(
    (p) =>
      p.reminderWindowStartHour === undefined ||
      p.reminderWindowEndHour === undefined ||
      p.reminderWindowStartHour < p.reminderWindowEndHour,
    { message: 'the reminder window must open before it closes', path: ['reminderWindowEndHour'] },
  );
export type PracticeSettingsPatch = z.infer<typeof practiceSettingsPatchSchema>;

const DEFAULTS: PracticeSettings = {
  idleTimeoutMinutes: IDENTITY_POLICY.defaultIdleTimeoutMinutes,
  mfaRequiredForAllRoles: false,
  secureLinkDays: 14,
  portalRequireDateOfBirth: false,
  portalBrandColor: null,
  portalLogoDataUri: null,
  conversationReopenDays: 7,
  smsHelpReply: null,
  smsHelpContactNumber: null,
  timeZone: 'America/New_York',
  secureReminderDelayHours: 24,
  secureReminderMax: 2,
  reminderWindowStartHour: REMINDER_WINDOW.start,
  reminderWindowEndHour: REMINDER_WINDOW.end,
  businessHours: null,
  slaMinutes: null,
  autoCloseDays: null,
  messageRetentionDays: null,
  attachmentRetentionDays: null,
  noTlsRecheckDays: 30,
};

/** Reads a settings document defensively: unknown or malformed keys fall back to the defaults. */
export function readPracticeSettings(raw: unknown): PracticeSettings {
  const doc = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const idle = doc.idleTimeoutMinutes;
  return {
    idleTimeoutMinutes:
      typeof idle === 'number' && Number.isInteger(idle) && idle >= 1 && idle <= 720
        ? idle
        : DEFAULTS.idleTimeoutMinutes,
    mfaRequiredForAllRoles:
      typeof doc.mfaRequiredForAllRoles === 'boolean'
        ? doc.mfaRequiredForAllRoles
        : DEFAULTS.mfaRequiredForAllRoles,
    secureLinkDays:
      typeof doc.secureLinkDays === 'number' &&
      Number.isInteger(doc.secureLinkDays) &&
      doc.secureLinkDays >= 1 &&
      doc.secureLinkDays <= 90
        ? doc.secureLinkDays
        : DEFAULTS.secureLinkDays,
    portalRequireDateOfBirth: doc.portalRequireDateOfBirth === true,
    portalBrandColor: typeof doc.portalBrandColor === 'string' ? doc.portalBrandColor : null,
    portalLogoDataUri: typeof doc.portalLogoDataUri === 'string' ? doc.portalLogoDataUri : null,
    conversationReopenDays:
      typeof doc.conversationReopenDays === 'number' &&
      Number.isInteger(doc.conversationReopenDays) &&
      doc.conversationReopenDays >= 0 &&
      doc.conversationReopenDays <= MAX_REOPEN_DAYS
        ? doc.conversationReopenDays
        : DEFAULTS.conversationReopenDays,
    smsHelpReply: typeof doc.smsHelpReply === 'string' ? doc.smsHelpReply : null,
    smsHelpContactNumber:
      typeof doc.smsHelpContactNumber === 'string' && E164.test(doc.smsHelpContactNumber)
        ? doc.smsHelpContactNumber
        : null,
    timeZone: typeof doc.timeZone === 'string' && isTimeZone(doc.timeZone) ? doc.timeZone : DEFAULTS.timeZone,
    secureReminderDelayHours: isIntIn(doc.secureReminderDelayHours, 1, MAX_REMINDER_DELAY_HOURS)
      ? doc.secureReminderDelayHours
      : DEFAULTS.secureReminderDelayHours,
    secureReminderMax: isIntIn(doc.secureReminderMax, 0, MAX_REMINDERS)
      ? doc.secureReminderMax
      : DEFAULTS.secureReminderMax,
    ...reminderWindow(doc.reminderWindowStartHour, doc.reminderWindowEndHour),
    businessHours: readBusinessHours(doc.businessHours),
    slaMinutes: isIntIn(doc.slaMinutes, 1, MAX_SLA_MINUTES) ? doc.slaMinutes : null,
    // 0 is stored as asked and read as off.
    autoCloseDays: isIntIn(doc.autoCloseDays, 1, MAX_AUTO_CLOSE_DAYS) ? doc.autoCloseDays : null,
    ...readRetention(doc.messageRetentionDays, doc.attachmentRetentionDays),
    noTlsRecheckDays: isIntIn(doc.noTlsRecheckDays, 1, MAX_NO_TLS_RECHECK_DAYS)
      ? doc.noTlsRecheckDays
      : DEFAULTS.noTlsRecheckDays,
  };
}

/** A stored window within 8-21 that opens before it closes, else the default one. */
function reminderWindow(
  start: unknown,
  end: unknown,
): Pick<PracticeSettings, 'reminderWindowStartHour' | 'reminderWindowEndHour'> {
  return isIntIn(start, REMINDER_WINDOW.start, REMINDER_WINDOW.end) &&
    isIntIn(end, REMINDER_WINDOW.start, REMINDER_WINDOW.end) &&
    start < end
    ? { reminderWindowStartHour: start, reminderWindowEndHour: end }
    : { reminderWindowStartHour: REMINDER_WINDOW.start, reminderWindowEndHour: REMINDER_WINDOW.end };
}

/**
 * The stored retention, read so that a malformed value keeps data rather than purging it: a
 * message period outside the bounds is "for ever", an attachment period outside them (or longer
 * than the message one) is "as long as the message".
 */
function readRetention(
  messages: unknown,
  attachments: unknown,
): Pick<PracticeSettings, 'messageRetentionDays' | 'attachmentRetentionDays'> {
  const messageRetentionDays = isIntIn(messages, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS) ? messages : null;
  const attachmentRetentionDays =
    isIntIn(attachments, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS) &&
    (messageRetentionDays === null || attachments <= messageRetentionDays)
      ? attachments
      : null;
  return { messageRetentionDays, attachmentRetentionDays };
}
