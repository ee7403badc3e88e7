import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, hourStartOf, openedTooMany, sweepSpanAt } from './access-alert-rules.js';

describe('access alert rules', () => {
  it('alerts on an hour at or over the minimum when there is no baseline yet', () => {
    expect(openedTooMany(19, null, DEFAULT_THRESHOLDS)).toEqual({ alert: false, threshold: 20 });
    expect(openedTooMany(20, null, DEFAULT_THRESHOLDS)).toEqual({ alert: true, threshold: 20 });
    expect(openedTooMany(3, 0, DEFAULT_THRESHOLDS).alert).toBe(false);
  });

  it("alerts only beyond factor x the user's own baseline once that is above the minimum", () => {
    expect(openedTooMany(50, 10, DEFAULT_THRESHOLDS)).toEqual({ alert: false, threshold: 50 });
    expect(openedTooMany(51, 10, DEFAULT_THRESHOLDS)).toEqual({ alert: true, threshold: 50 });
    const strict = { ...DEFAULT_THRESHOLDS, opensFactor: 2, minimumOpensPerHour: 5 };
    expect(openedTooMany(21, 10, strict)).toEqual({ alert: true, threshold: 20 });
    expect(openedTooMany(4, 1, strict).alert).toBe(false);
  });

  it('looks at the previous and the current UTC hour', () => {
    const now = new Date('2026-12-07T14:46:25.123Z');
    expect(hourStartOf(now).toISOString()).toBe('2026-12-07T14:00:00.000Z');
    const span = sweepSpanAt(now);
    expect([span.from.toISOString(), span.to.toISOString()]).toEqual([
      '2026-12-07T13:00:00.000Z',
      '2026-12-07T15:00:00.000Z',
    ]);
  });
});
