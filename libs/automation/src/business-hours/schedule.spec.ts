import { describe, expect, it } from 'vitest';
import { type BusinessHours, businessHoursSchema } from '@app/identity';
import { instantOf, isOpenAt, nextOpening, openMillisBetween, wallClock } from './schedule.js';

const NY = 'America/New_York';
const H = 3_600_000;
const weekdays = (from: string, to: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from, to }]]));
const clinic: BusinessHours = { timeZone: NY, weekly: weekdays('08:00', '17:00'), closures: [] };
const at = (iso: string) => new Date(iso);

describe('business hours schedule', () => {
  it('reads the wall clock of the zone', () => {
    expect(wallClock(at('2026-12-08T03:00:00Z'), NY)).toEqual({
      date: '2026-12-07',
      weekday: 'mon',
      minutes: 22 * 60,
    });
  });

  it('is open inside a range and closed outside, on the local weekday', () => {
    expect(isOpenAt(clinic, at('2026-12-07T13:00:00Z'))).toBe(true); // Mon 08:00 EST
    expect(isOpenAt(clinic, at('2026-12-07T12:59:59Z'))).toBe(false); // Mon 07:59:59
    expect(isOpenAt(clinic, at('2026-12-07T22:00:00Z'))).toBe(false); // Mon 17:00: the end is exclusive
    expect(isOpenAt(clinic, at('2026-12-08T03:00:00Z'))).toBe(false); // Mon 22:00 local, Tue in UTC
    expect(isOpenAt(clinic, at('2026-12-12T15:00:00Z'))).toBe(false); // Saturday
  });

  it('keeps a closure closed all day', () => {
    const holiday = { ...clinic, closures: [{ date: '2026-12-25', name: 'Christmas' }] };
    expect(isOpenAt(holiday, at('2026-12-25T15:00:00Z'))).toBe(false);
    expect(isOpenAt(holiday, at('2026-12-24T15:00:00Z'))).toBe(true);
    expect(nextOpening(holiday, at('2026-12-24T23:00:00Z'))).toEqual(at('2026-12-28T13:00:00Z'));
  });

  it('finds the next opening, or now when open', () => {
    expect(nextOpening(clinic, at('2026-12-08T03:00:00Z'))).toEqual(at('2026-12-08T13:00:00Z'));
    expect(nextOpening(clinic, at('2026-12-11T23:00:00Z'))).toEqual(at('2026-12-14T13:00:00Z')); // Fri evening
    expect(nextOpening(clinic, at('2026-12-07T15:00:00Z'))).toEqual(at('2026-12-07T15:00:00Z'));
    expect(nextOpening({ timeZone: NY, weekly: {}, closures: [] }, at('2026-12-07T15:00:00Z'))).toBeNull();
  });

  it('counts only open time between two instants', () => {
    // Mon 16:00 EST to Tue 09:30 EST: one hour Monday, 1.5 hours Tuesday.
    expect(openMillisBetween(clinic, at('2026-12-07T21:00:00Z'), at('2026-12-08T14:30:00Z'))).toBe(2.5 * H);
    // Friday 22:00 to Monday 08:00: nothing.
    expect(openMillisBetween(clinic, at('2026-12-12T03:00:00Z'), at('2026-12-14T13:00:00Z'))).toBe(0);
    expect(openMillisBetween(clinic, at('2026-12-08T14:30:00Z'), at('2026-12-07T21:00:00Z'))).toBe(0);
  });

  describe('on the DST change days in America/New_York', () => {
    const allDay: BusinessHours = {
      timeZone: NY,
      weekly: { sun: [{ from: '00:00', to: '24:00' }] },
      closures: [],
    };
    const night: BusinessHours = {
      timeZone: NY,
      weekly: { sun: [{ from: '01:00', to: '04:00' }] },
      closures: [],
    };

    it('opens at 08:00 local on both sides of the change', () => {
      const sundays: BusinessHours = {
        timeZone: NY,
        weekly: { sun: [{ from: '08:00', to: '17:00' }] },
        closures: [],
      };
      // 2026-03-08 spring forward (EDT, UTC-4); 2026-11-01 fall back (EST, UTC-5).
      expect(nextOpening(sundays, at('2026-03-08T05:00:00Z'))).toEqual(at('2026-03-08T12:00:00Z'));
      expect(nextOpening(sundays, at('2026-11-01T05:00:00Z'))).toEqual(at('2026-11-01T13:00:00Z'));
      expect(openMillisBetween(sundays, at('2026-03-07T00:00:00Z'), at('2026-03-10T00:00:00Z'))).toBe(9 * H);
      expect(openMillisBetween(sundays, at('2026-10-31T00:00:00Z'), at('2026-11-03T00:00:00Z'))).toBe(9 * H);
    });

    it('gives the change days their real length', () => {
      const span = (from: string, to: string) => openMillisBetween(allDay, at(from), at(to));
      expect(span('2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z')).toBe(23 * H);
      expect(span('2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z')).toBe(25 * H);
      // 01:00-04:00 local: 2 real hours when 02:00-03:00 is skipped, 4 when 01:00-02:00 repeats.
      expect(openMillisBetween(night, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(2 * H);
      expect(openMillisBetween(night, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toBe(4 * H);
    });

    it('maps a skipped wall time to the jump and a repeated one to its first occurrence', () => {
      expect(instantOf('2026-03-08', 2 * 60 + 30, NY)).toBe(Date.parse('2026-03-08T07:00:00Z'));
      expect(instantOf('2026-11-01', 60 + 30, NY)).toBe(Date.parse('2026-11-01T05:30:00Z'));
      expect(instantOf('2026-11-01', 10 * 60, NY)).toBe(Date.parse('2026-11-01T15:00:00Z'));
      expect(instantOf('2026-03-08', 10 * 60, NY)).toBe(Date.parse('2026-03-08T14:00:00Z'));
    });

    it('is open during both occurrences of the repeated hour', () => {
      expect(isOpenAt(night, at('2026-11-01T05:30:00Z'))).toBe(true); // 01:30 EDT
      expect(isOpenAt(night, at('2026-11-01T06:30:00Z'))).toBe(true); // 01:30 EST
      expect(isOpenAt(night, at('2026-11-01T09:30:00Z'))).toBe(false); // 04:30 EST
    });
  });

  it('agrees with itself across zones far from UTC', () => {
    const tokyo: BusinessHours = { timeZone: 'Asia/Tokyo', weekly: weekdays('09:00', '18:00'), closures: [] };
    expect(nextOpening(tokyo, at('2026-12-07T12:00:00Z'))).toEqual(at('2026-12-08T00:00:00Z')); // Mon 21:00 JST
    const kiritimati: BusinessHours = {
      timeZone: 'Pacific/Kiritimati',
      weekly: weekdays('09:00', '10:00'),
      closures: [],
    };
    expect(openMillisBetween(kiritimati, at('2026-12-06T00:00:00Z'), at('2026-12-13T00:00:00Z'))).toBe(5 * H);
  });
});

function problems(body: unknown): string[] {
  const result = businessHoursSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('business hours validation', () => {
  it('accepts a schedule with several ranges a day and closures', () => {
    expect(
      problems({
        timeZone: NY,
        weekly: {
          mon: [
            { from: '08:00', to: '12:00' },
            { from: '13:00', to: '24:00' },
          ],
          sat: [],
        },
        closures: [{ date: '2026-12-25', name: 'Christmas' }],
      }),
    ).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(problems({ timeZone: 'Mars/Olympus', weekly: {} })).toEqual(['timeZone']);
    expect(
      problems({
        timeZone: NY,
        weekly: {
          mon: [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '13:00' },
          ],
        },
      }),
    ).toEqual(['weekly.mon.1']);
    expect(problems({ timeZone: NY, weekly: { tue: [{ from: '17:00', to: '08:00' }] } })).toEqual([
      'weekly.tue.0.to',
    ]);
    expect(problems({ timeZone: NY, weekly: { wed: [{ from: '8:00', to: '24:01' }] } })).toEqual([
      'weekly.wed.0.from',
      'weekly.wed.0.to',
    ]);
    expect(problems({ timeZone: NY, weekly: { funday: [] } })).toEqual(['weekly']);
    expect(
      problems({
        timeZone: NY,
        weekly: {},
        closures: [{ date: '2026-02-30' }, { date: '2026-12-25' }, { date: '2026-12-25' }],
      }),
    ).toEqual(['closures.0.date', 'closures.2.date']);
  });
});
