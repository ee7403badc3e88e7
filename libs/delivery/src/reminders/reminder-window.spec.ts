import { describe, expect, it } from 'vitest';
import { isWithinWindow, localHour, nextWindowOpening } from './reminder-window.js';

const CHICAGO = { timeZone: 'America/Chicago', startHour: 8, endHour: 21 };

describe('reminder window (quiet hours in the practice time zone)', () => {
  it('reads the hour on the practice wall clock, not UTC', () => {
    // 14:00 UTC in January is 08:00 in Chicago (UTC-6) and 19:30 in Kolkata (UTC+5:30).
    const at = new Date('2027-01-15T14:00:00Z');
    expect(localHour(at, 'America/Chicago')).toBe(8);
    expect(localHour(at, 'Asia/Kolkata')).toBe(19);
  });

  it('is open from the start hour up to (not including) the end hour', () => {
    expect(isWithinWindow(new Date('2027-01-15T13:59:00Z'), CHICAGO)).toBe(false); // 07:59
    expect(isWithinWindow(new Date('2027-01-15T14:00:00Z'), CHICAGO)).toBe(true); // 08:00
    expect(isWithinWindow(new Date('2027-01-16T02:59:00Z'), CHICAGO)).toBe(true); // 20:59
    expect(isWithinWindow(new Date('2027-01-16T03:00:00Z'), CHICAGO)).toBe(false); // 21:00
  });

  it('postpones a night-time moment to the next local opening, and keeps one inside', () => {
    const inside = new Date('2027-01-15T18:00:00Z');
    expect(nextWindowOpening(inside, CHICAGO)).toEqual(inside);
    expect(nextWindowOpening(new Date('2027-01-16T04:10:00Z'), CHICAGO)).toEqual(
      new Date('2027-01-16T14:00:00Z'),
    );
    // A narrowed window (10-16) and a half-hour zone.
    expect(
      nextWindowOpening(new Date('2027-01-15T00:00:00Z'), {
        timeZone: 'Asia/Kolkata',
        startHour: 10,
        endHour: 16,
      }),
    ).toEqual(new Date('2027-01-15T04:30:00Z'));
  });

  it('follows daylight saving time (Chicago is UTC-5 in July)', () => {
    expect(nextWindowOpening(new Date('2027-07-15T04:00:00Z'), CHICAGO)).toEqual(
      new Date('2027-07-15T13:00:00Z'),
    );
  });
});
