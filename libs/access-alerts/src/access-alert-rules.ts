/**
 * The rules of unusual PHI access, pure (no I/O): which audit actions count, the defaults, the
 * hour windows a sweep looks at and when a count is an alert.
 */

/**
 * Audit actions that open a conversation's PHI (the inbox's audited reads): its detail and its
 * messages. A user's "opens" in an hour are the distinct conversations these name.
 */
export const CONVERSATION_OPEN_ACTIONS: readonly string[] = [
  'conversation.read',
  'conversation.messages_read',
];

/**
 * Audit actions that are a staff user's bulk exports: the audit trail's NDJSON export. A FHIR
 * Bulk Data export (`fhir.export_requested`) is an API client's, typically an EHR's nightly sync
 * outside business hours by design: the rules here are about staff users, so it is not one.
 */
export const EXPORT_ACTIONS: readonly string[] = ['audit.exported'];

export const ACCESS_ALERT_KINDS = ['conversations_opened', 'export_outside_hours'] as const;
export type AccessAlertKind = (typeof ACCESS_ALERT_KINDS)[number];

/** A practice's thresholds. */
export interface AccessAlertThresholds {
  /** An hour's opens must exceed this many times the user's own baseline (p95 of their active hours). */
  opensFactor: number;
  /** Fewer opens than this in an hour never alert (a new user has no baseline). */
  minimumOpensPerHour: number;
  /** Whether any bulk export outside the practice's business hours alerts. */
  exportsOutsideBusinessHours: boolean;
}

export const DEFAULT_THRESHOLDS: Readonly<AccessAlertThresholds> = {
  opensFactor: 5,
  minimumOpensPerHour: 20,
  exportsOutsideBusinessHours: true,
};

export const HOUR_MS = 3_600_000;
/** How far back a user's baseline looks (at most 24 x 30 hourly rows per user). */
export const BASELINE_DAYS = 30;
/** The percentile of a user's active hours that is their baseline. */
export const BASELINE_PERCENTILE = 0.95;

/** The UTC hour holding `at`. */
export function hourStartOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * The windows a sweep at `now` evaluates: the hour before (events sealed after its last pass
 * still count there) and the current one (a burst alerts while it happens), as one span.
 */
export function sweepSpanAt(now: Date): { from: Date; to: Date } {
  const current = hourStartOf(now);
  return { from: new Date(current.getTime() - HOUR_MS), to: new Date(current.getTime() + HOUR_MS) };
}

/**
 * Whether an hour's opens are unusual for this user: at least the practice's minimum and more
 * than `opensFactor` x their baseline (none yet: 0). `threshold` is the larger of the two, as
 * reported in the alert.
 */
export function openedTooMany(
  opens: number,
  baseline: number | null,
  thresholds: AccessAlertThresholds,
): { alert: boolean; threshold: number } {
  const relative = thresholds.opensFactor * (baseline ?? 0);
  const threshold = Math.max(relative, thresholds.minimumOpensPerHour);
  return { alert: opens >= thresholds.minimumOpensPerHour && opens > relative, threshold };
}
