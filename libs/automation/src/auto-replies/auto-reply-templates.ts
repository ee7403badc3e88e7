import { countSmsSegments } from '@app/providers';
/**
 * Auto-reply templates: PHI-free practice text whose only placeholders are facts about the
 * practice (its name, phone, next opening, a link), never about the patient, so a rendered
 * auto-reply carries nothing the template did not already hold (invariant 3). Pure functions.
 */
import type { FieldProblem } from '@app/observability';
import type { BusinessHours } from '@app/identity';
import { nextOpening } from '../business-hours/schedule.js';

export const AUTO_REPLY_PLACEHOLDERS = ['practiceName', 'practicePhone', 'nextOpening', 'link'] as const;
export type AutoReplyPlaceholder = (typeof AUTO_REPLY_PLACEHOLDERS)[number];

/** The inbound channels an auto-reply may answer (never the patient portal). */
export const AUTO_REPLY_CHANNELS = ['sms', 'email', 'chat', 'webform'] as const;
export type AutoReplyChannel = (typeof AUTO_REPLY_CHANNELS)[number];

export const AUTO_REPLY_KINDS = ['afterHours', 'firstContact'] as const;
export type AutoReplyKind = (typeof AUTO_REPLY_KINDS)[number];

/** One kind's templates per channel; a channel without one gets no auto-reply of that kind. */
export type ChannelTemplates = Partial<Record<AutoReplyChannel, string>>;

/** Longest a template may be before rendering, per channel (SMS and web form: 2 segments after rendering). */
export const TEMPLATE_MAX_LENGTH: Record<AutoReplyChannel, number> = {
  sms: 320,
  webform: 320,
  chat: 1000,
  email: 2000,
};
/** An SMS auto-reply (and a web form's, which may go by SMS) stays within two segments once rendered. */
export const MAX_SMS_SEGMENTS = 2;

/** The longest `{nextOpening}` renders to (a weekday, a date, a time), for the length check. */
export const LONGEST_NEXT_OPENING = 'Wednesday, Sep 30 12:00 PM';
/** What `{nextOpening}` says when the practice has no opening ahead (no hours, or never open). */
export const NO_OPENING = 'soon';
/** What `{nextOpening}` says while the practice is open (a first-contact reply during hours). */
export const OPEN_NOW = 'now';

const TOKEN = /\{([^{}]*)\}/g;

/** Placeholder names in `body` that are not allowed (e.g. `{patientName}`), in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  return [...body.matchAll(TOKEN)]
    .map((m) => m[1]!)
    .filter((name) => !(AUTO_REPLY_PLACEHOLDERS as readonly string[]).includes(name));
}

export function usesPlaceholder(body: string, name: AutoReplyPlaceholder): boolean {
  return body.includes(`{${name}}`);
}

export function fillAutoReply(body: string, values: Record<AutoReplyPlaceholder, string>): string {
  return body.replace(TOKEN, (token, name: string) =>
    (AUTO_REPLY_PLACEHOLDERS as readonly string[]).includes(name)
      ? values[name as AutoReplyPlaceholder]
      : token,
  );
}

/** What the placeholders can be filled with at a practice, for the checks that need it. */
export interface TemplateContext {
  practiceName: string;
  practicePhone: string | null;
  link: string | null;
}

/**
 * The problems of one template that depend on the practice (a rule broken names the field, never
 * the text): `{link}` needs a link, `{practicePhone}` a phone, and an SMS (or web form) reply must
 * fit two segments with its placeholders at their longest.
 */
export function templateProblems(
  path: string,
  channel: AutoReplyChannel,
  body: string,
  context: TemplateContext,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (usesPlaceholder(body, 'link') && !context.link)
    problems.push({ path, message: 'uses {link}, but no link is configured' });
  if (usesPlaceholder(body, 'practicePhone') && !context.practicePhone)
    problems.push({
      path,
      message:
        'uses {practicePhone}, but no practice phone is configured (practicePhone or the SMS HELP number)',
    });
  if (problems.length === 0 && (channel === 'sms' || channel === 'webform')) {
    const longest = fillAutoReply(body, {
      practiceName: context.practiceName,
      practicePhone: context.practicePhone ?? '',
      link: context.link ?? '',
      nextOpening: LONGEST_NEXT_OPENING,
    });
    if (countSmsSegments(longest) > MAX_SMS_SEGMENTS)
      problems.push({
        path,
        message: `must fit ${MAX_SMS_SEGMENTS} SMS segments once its placeholders are filled`,
      });
  }
  return problems;
}

const DAY_MS = 86_400_000;
const openingFormats = new Map<string, { near: Intl.DateTimeFormat; far: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let formats = openingFormats.get(timeZone);
  if (!formats) {
    const time = { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' } as const;
    formats = {
      near: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', ...time }),
      far: new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'long',
        month: 'short',
        day: 'numeric',
        ...time,
      }),
    };
    openingFormats.set(timeZone, formats);
  }
  return formats;
}

/**
 * `{nextOpening}` at `at` in the practice's zone: "Monday 8:00 AM" (within 6 days), "Monday,
 * Dec 28 8:00 AM" further out; "now" while open; "soon" without hours or any opening ahead.
 */
export function describeNextOpening(hours: BusinessHours | null, at: Date): string {
  if (!hours) return NO_OPENING;
  const next = nextOpening(hours, at);
  if (!next) return NO_OPENING;
  if (next.getTime() <= at.getTime()) return OPEN_NOW;
  const { near, far } = formatsFor(hours.timeZone);
  const parts = (next.getTime() - at.getTime() < 6 * DAY_MS ? near : far).formatToParts(next);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = part('month') ? `, ${part('month')} ${part('day')}` : '';
  return `${part('weekday')}${date} ${part('hour')}:${part('minute')} ${part('dayPeriod')}`;
}
