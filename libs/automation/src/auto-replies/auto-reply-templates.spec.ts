import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@app/identity';
import {
  describeNextOpening,
  fillAutoReply,
  templateProblems,
  unknownPlaceholders,
} from './auto-reply-templates.js';

const NEW_YORK: BusinessHours = {
  timeZone: 'America/New_York',
  weekly: { mon: [{ from: '08:00', to: '17:00' }], fri: [{ from: '09:30', to: '12:00' }] },
  closures: [],
};
const CONTEXT = { practiceName: 'Riverside Family Clinic', practicePhone: '+15555550100', link: null };

describe('auto-reply templates', () => {
  it('allow only the practice placeholders', () => {
    expect(unknownPlaceholders('{practiceName} {practicePhone} {nextOpening} {link}')).toEqual([]);
    expect(unknownPlaceholders('Dear {patientName}, {} and {nextOpening}')).toEqual(['patientName', '']);
    expect(
      fillAutoReply('{practiceName} opens {nextOpening}; {patientName}', {
        practiceName: 'Riverside',
        practicePhone: '',
        nextOpening: 'Monday 8:00 AM',
        link: '',
      }),
    ).toBe('Riverside opens Monday 8:00 AM; {patientName}');
  });

  it('need a link for {link}, a phone for {practicePhone}, and two SMS segments filled at their longest', () => {
    expect(templateProblems('afterHours.sms', 'sms', 'Book at {link}', CONTEXT)).toEqual([
      { path: 'afterHours.sms', message: 'uses {link}, but no link is configured' },
    ]);
    expect(
      templateProblems('afterHours.email', 'email', 'Call {practicePhone}', {
        ...CONTEXT,
        practicePhone: null,
      }),
    ).toHaveLength(1);
    // 306 GSM-7 characters are two segments; the name and the longest opening count.
    const fits = 'x'.repeat(306 - 'Riverside Family Clinic'.length);
    expect(templateProblems('p', 'sms', `{practiceName}${fits}`, CONTEXT)).toEqual([]);
    expect(templateProblems('p', 'webform', `{practiceName}${fits}!`, CONTEXT)).toHaveLength(1);
    expect(templateProblems('p', 'sms', `{nextOpening}${'x'.repeat(281)}`, CONTEXT)).toHaveLength(1);
    // Email is not counted in segments.
    expect(templateProblems('p', 'email', 'x'.repeat(1500), CONTEXT)).toEqual([]);
  });

  it('say the next opening in the practice zone: weekday and time, a date further out, now, soon', () => {
    // Sunday 2026-03-08 22:00 EDT (the spring-forward day) -> Monday 8:00 AM.
    expect(describeNextOpening(NEW_YORK, new Date('2026-03-09T02:00:00Z'))).toBe('Monday 8:00 AM');
    // Monday 17:00 EDT -> Friday 9:30 AM.
    expect(describeNextOpening(NEW_YORK, new Date('2026-03-09T21:00:00Z'))).toBe('Friday 9:30 AM');
    // Friday noon, next Monday is within 6 days.
    expect(describeNextOpening(NEW_YORK, new Date('2026-03-13T16:00:00Z'))).toBe('Monday 8:00 AM');
    expect(describeNextOpening(NEW_YORK, new Date('2026-03-09T13:00:00Z'))).toBe('now');
    // A week of closures pushes it past 6 days: the date is said too.
    const closed = {
      ...NEW_YORK,
      closures: [{ date: '2026-03-09' }, { date: '2026-03-13' }],
    };
    expect(describeNextOpening(closed, new Date('2026-03-09T02:00:00Z'))).toBe('Monday, Mar 16 8:00 AM');
    expect(describeNextOpening(null, new Date())).toBe('soon');
    expect(describeNextOpening({ ...NEW_YORK, weekly: {} }, new Date())).toBe('soon');
  });
});
