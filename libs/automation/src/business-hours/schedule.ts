/**
 * A practice's business hours as wall-clock time in its IANA zone: a weekly schedule (several
 * ranges a day) and dated closures. Pure functions, no I/O: whether the practice is open at an
 * instant, when it next opens, and how much open time lies between two instants. Every answer
 * is computed from real instants, so a DST change day has the length it has (an 08:00-17:00
 * range is 9 hours on both change days; a 00:00-24:00 one is 23 or 25).
 */
import { type BusinessHours, minutesOf, WEEKDAYS, type Weekday } from '@app/identity';

/** An instant interval [start, end) in epoch milliseconds. */
export interface OpenInterval {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** How far `nextOpening` looks: a year of closures cannot hide a weekly opening beyond this. */
const SEARCH_DAYS = 400;

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

/** The wall clock of `timeZone` at an instant: its local date, weekday and minutes since midnight. */
export function wallClock(
  at: Date | number,
  timeZone: string,
): { date: string; weekday: Weekday; minutes: number } {
  const parts: Record<string, string> = {};
  for (const part of partsFormat(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: weekdayOf(date), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of partsFormat(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local wall time happens in `timeZone`. A time skipped by a spring-forward change
 * (02:30 in New York) is the instant the clocks jump to; one repeated by a fall-back change is
 * its first occurrence.
 */
export function instantOf(date: string, minutes: number, timeZone: string): number {
  const wall = dayStartUtc(date) + minutes * 60_000;
  // The offset before and after the wall time; where they differ a change happens near it.
  const before = offsetAt(wall - DAY_MS / 2, timeZone);
  const after = offsetAt(wall + DAY_MS / 2, timeZone);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const earlyHolds = offsetAt(early, timeZone) === before;
  const lateHolds = offsetAt(late, timeZone) === after;
  if (earlyHolds) return early; // unique, or the first of two occurrences (fall back)
  if (lateHolds) return late;
  // In the gap of a spring-forward change: the moment the clocks jump, the first instant between
  // the two readings that has the later offset (found to the second).
  let low = Math.min(early, late);
  let high = Math.max(early, late);
  while (high - low > 1000) {
    const mid = Math.floor((low + high) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === after) high = mid;
    else low = mid;
  }
  return high;
}

function dayStartUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(dayStartUtc(date)).getUTCDay()]!;
}

/** The local date `days` after `date` (calendar arithmetic, no zone). */
export function addDays(date: string, days: number): string {
  return new Date(dayStartUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

function closedDates(hours: BusinessHours): ReadonlySet<string> {
  return new Set(hours.closures.map((c) => c.date));
}

/** The opening intervals of one local date (none on a closure). */
function intervalsOfDate(hours: BusinessHours, date: string, closed: ReadonlySet<string>): OpenInterval[] {
  if (closed.has(date)) return [];
  const ranges = hours.weekly[weekdayOf(date)] ?? [];
  return ranges
    .map((range) => ({
      start: instantOf(date, minutesOf(range.from), hours.timeZone),
      end: instantOf(date, minutesOf(range.to), hours.timeZone),
    }))
    .filter((interval) => interval.end > interval.start);
}

/** Whether the practice is open at `at`: inside a range of its local weekday, not a closure. */
export function isOpenAt(hours: BusinessHours, at: Date): boolean {
  const t = at.getTime();
  const { date } = wallClock(t, hours.timeZone);
  return intervalsOfDate(hours, date, closedDates(hours)).some((i) => i.start <= t && t < i.end);
}

/** The open intervals overlapping [from, to), clipped to it, in order. */
export function openIntervalsBetween(hours: BusinessHours, from: Date, to: Date): OpenInterval[] {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return [];
  const closed = closedDates(hours);
  const out: OpenInterval[] = [];
  // A day earlier and later than the wall dates: a range may cross into the neighbour instant-wise.
  const last = addDays(wallClock(end, hours.timeZone).date, 1);
  for (let date = addDays(wallClock(start, hours.timeZone).date, -1); date <= last; date = addDays(date, 1)) {
    for (const interval of intervalsOfDate(hours, date, closed)) {
      const clipped = { start: Math.max(interval.start, start), end: Math.min(interval.end, end) };
      if (clipped.end > clipped.start) out.push(clipped);
    }
  }
  return out;
}

/** Open time (ms) between two instants: what a business-hours-aware response time counts. */
export function openMillisBetween(hours: BusinessHours, from: Date, to: Date): number {
  return openIntervalsBetween(hours, from, to).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/**
 * `at` when the practice is open then, else the start of its next opening; null when the
 * schedule has no opening at all (or none in the next 400 days).
 */
export function nextOpening(hours: BusinessHours, at: Date): Date | null {
  const t = at.getTime();
  const closed = closedDates(hours);
  const first = addDays(wallClock(t, hours.timeZone).date, -1);
  for (let day = 0; day <= SEARCH_DAYS; day += 1) {
    const date = addDays(first, day);
    for (const interval of intervalsOfDate(hours, date, closed)) {
      if (interval.end <= t) continue;
      return new Date(Math.max(interval.start, t));
    }
  }
  return null;
}

/** The hours in the practice's zone, from its settings; null while none were set (never after hours). */
export function businessHoursOf(settings: {
  timeZone: string;
  businessHours: Omit<BusinessHours, 'timeZone'> | null;
}): BusinessHours | null {
  return settings.businessHours ? { timeZone: settings.timeZone, ...settings.businessHours } : null;
}
