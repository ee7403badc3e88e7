/** The local hours reminders may go out in, e.g. 8 to 21 (from 8:00, before 21:00). */
export interface ReminderWindow {
  timeZone: string;
  startHour: number;
  endHour: number;
}

const QUARTER_HOUR_MS = 15 * 60_000;
/** Every zone's offset is a whole number of quarter hours, so a local hour starts on one. */
const MAX_QUARTERS = 2 * 24 * 4;

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0-23) on the wall clocks of `timeZone` at `at`. */
export function localHour(at: Date, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.formatToParts(at).find((p) => p.type === 'hour')!.value);
}

export function isWithinWindow(at: Date, window: ReminderWindow): boolean {
  const hour = localHour(at, window.timeZone);
  return hour >= window.startHour && hour < window.endHour;
}

/**
 * `at` itself when it is inside the window, else the moment the window next opens (the first
 * quarter hour whose local hour is inside it: exact for every zone, across DST changes too).
 */
export function nextWindowOpening(at: Date, window: ReminderWindow): Date {
  if (isWithinWindow(at, window)) return at;
  let t = Math.ceil(at.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (let i = 0; i < MAX_QUARTERS; i += 1, t += QUARTER_HOUR_MS)
    if (isWithinWindow(new Date(t), window)) return new Date(t);
  // Unreachable for a window of at least one hour; a day later is a safe retry.
  return new Date(at.getTime() + 24 * 3_600_000);
}
