import { z } from 'zod';
import { isTimeZone } from './time-zone.js';

/**
 * A practice's business hours as stored in its settings (`businessHours`, the zone being the
 * practice's `timeZone`) and as `PUT /v1/practice/business-hours` takes them. The data and its
 * validation live here, with the practice; what the hours mean at an instant (open? next
 * opening? open time between two instants) is libs/automation's `schedule.ts`.
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall time `HH:MM`; `to` may be `24:00` (end of the day). `from` < `to`, same day. */
export interface OpeningRange {
  from: string;
  to: string;
}

export interface Closure {
  /** A local date, `YYYY-MM-DD`, closed all day whatever the weekly schedule says. */
  date: string;
  name?: string;
}

/** The hours in their zone: what every business-hours computation takes. */
export interface BusinessHours {
  timeZone: string;
  weekly: Partial<Record<Weekday, OpeningRange[]>>;
  closures: Closure[];
}

/** Minutes since local midnight of `HH:MM` (`24:00` is 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** At most this many ranges a day and closures in a schedule: a real practice needs a few. */
export const MAX_RANGES_PER_DAY = 6;
export const MAX_CLOSURES = 400;

const WALL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const wallTime = z
  .string()
  .regex(WALL_TIME, 'must be a local time HH:MM (00:00-24:00)')
  .meta({ example: '08:00' });

const openingRange = z
  .strictObject({ from: wallTime, to: wallTime })
  .refine((r) => !WALL_TIME.test(r.from) || !WALL_TIME.test(r.to) || minutesOf(r.from) < minutesOf(r.to), {
    message: 'must end after it starts, on the same day (split a range that crosses midnight)',
    path: ['to'],
  });

const dayRanges = z
  .array(openingRange)
  .max(MAX_RANGES_PER_DAY)
  .superRefine((ranges, ctx) => {
    const order = ranges.map((r, i) => ({ i, from: minutesOf(r.from), to: minutesOf(r.to) }));
    order.sort((a, b) => a.from - b.from);
    for (let k = 1; k < order.length; k += 1) {
      if (order[k]!.from < order[k - 1]!.to)
        ctx.addIssue({
          code: 'custom',
          message: 'overlaps another range of the same day',
          path: [order[k]!.i],
        });
    }
  });

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => {
    const at = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
  }, 'is not a calendar date');

const closure = z.strictObject({
  date: calendarDate,
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .meta({ description: 'Shown to staff, e.g. "Thanksgiving"' }),
});

const weekly = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayRanges.optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<typeof dayRanges>
  >,
);

/** `PUT /v1/practice/business-hours`: a zone, a weekly schedule and closures, all validated. */
export const businessHoursSchema = z.strictObject({
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as America/New_York')
    .meta({ example: 'America/New_York' }),
  weekly: weekly.meta({
    description: 'Opening ranges per weekday (local wall time); a day left out or empty is closed',
    example: {
      mon: [
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '17:00' },
      ],
    },
  }),
  closures: z
    .array(closure)
    .max(MAX_CLOSURES)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        if (seen.has(c.date))
          ctx.addIssue({ code: 'custom', message: 'the same date is listed twice', path: [i, 'date'] });
        seen.add(c.date);
      });
    })
    .meta({ description: 'Local dates closed all day (holidays)' }),
});

/** What the settings keep: the schedule without the zone (that is the practice's `timeZone`). */
export type StoredBusinessHours = Omit<BusinessHours, 'timeZone'>;

const storedSchema = businessHoursSchema.omit({ timeZone: true });

/** A stored schedule read defensively: anything that no longer validates counts as none set. */
export function readBusinessHours(raw: unknown): StoredBusinessHours | null {
  if (raw === null || raw === undefined) return null;
  const parsed = storedSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
