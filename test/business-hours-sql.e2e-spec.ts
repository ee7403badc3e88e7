import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMillisBetween } from '@app/automation';
import { type BusinessHours, WEEKDAYS } from '@app/identity';
import { appPool } from '@app/testing';

/** A small seeded PRNG (mulberry32): the same cases on every run, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The DST change days of 2026 the cases crowd around (New York; London; Lord Howe's half hour). */
const CHANGE_DAYS = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04'];
const ZONES = [
  'America/New_York',
  'America/New_York',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
];

/** A random valid schedule: up to 3 non-overlapping ranges a day (some about the change hours, some to 24:00), closures. */
function randomSchedule(rand: () => number): BusinessHours {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const weekly: BusinessHours['weekly'] = {};
  for (const day of WEEKDAYS) {
    const count = Math.floor(rand() * 4);
    const cuts = new Set<number>();
    while (cuts.size < count * 2) {
      // Quarter hours, with a bias to the night hours where clocks change.
      const minute = rand() < 0.3 ? 60 + Math.floor(rand() * 12) * 15 : Math.floor(rand() * 97) * 15;
      cuts.add(Math.min(minute, 1440));
    }
    const sorted = [...cuts].toSorted((x, y) => x - y);
    const ranges = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      ranges.push({ from: hhmm(sorted[i]!), to: hhmm(sorted[i + 1]!) });
    if (ranges.length) weekly[day] = ranges.filter((r) => r.from !== '24:00');
  }
  const closures = CHANGE_DAYS.filter(() => rand() < 0.25).map((date) => ({ date }));
  if (rand() < 0.3) closures.push({ date: '2026-12-25' });
  return { timeZone: pick(ZONES), weekly, closures };
}

/** Instants near a change day (most), or anywhere in 2026, to the millisecond. */
function randomPair(rand: () => number): [Date, Date] {
  const near = rand() < 0.7;
  const base = near
    ? Date.parse(`${CHANGE_DAYS[Math.floor(rand() * CHANGE_DAYS.length)]}T00:00:00Z`) - 2 * 86_400_000
    : Date.parse('2026-01-01T00:00:00Z');
  const span = near ? 5 * 86_400_000 : 365 * 86_400_000;
  const a = base + Math.floor(rand() * span);
  const length = rand() < 0.5 ? Math.floor(rand() * 36 * 3_600_000) : Math.floor(rand() * 20 * 86_400_000);
  return rand() < 0.05 ? [new Date(a), new Date(a - length)] : [new Date(a), new Date(a + length)];
}

// Issue 23: the SQL business-hours functions of the reports agree with libs/automation's schedule.ts.
describe('business hours in SQL', () => {
  let db: pg.Pool;

  beforeAll(() => {
    db = appPool();
  });
  afterAll(async () => {
    await db?.end();
  });

  it('a wall time on the New York change days: the jump for a skipped time, the first of a repeated one', async () => {
    const { rows } = await db.query(
      `SELECT business_instant('2026-03-08', 150, 'America/New_York') AS skipped,
              business_instant('2026-11-01', 90, 'America/New_York') AS repeated,
              business_instant('2026-03-08', 1440, 'America/New_York') AS midnight,
              business_open_seconds($1::jsonb, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00') AS short_day,
              business_open_seconds($1::jsonb, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00') AS long_day`,
      [
        JSON.stringify({
          timeZone: 'America/New_York',
          weekly: { sun: [{ from: '00:00', to: '24:00' }] },
          closures: [],
        }),
      ],
    );
    expect(rows[0]).toEqual({
      skipped: new Date('2026-03-08T07:00:00Z'),
      repeated: new Date('2026-11-01T05:30:00Z'),
      midnight: new Date('2026-03-09T04:00:00Z'),
      short_day: 23 * 3600,
      long_day: 25 * 3600,
    });
  });

  it('open seconds between random instants agree with openMillisBetween for random schedules (pairwise and cumulative)', async () => {
    const rand = prng(23);
    let compared = 0;
    let open = 0;
    for (let s = 0; s < 40; s++) {
      const hours = randomSchedule(rand);
      const pairs = Array.from({ length: 60 }, () => randomPair(rand));
      const expected = pairs.map(([a, b]) => openMillisBetween(hours, a, b) / 1000);
      const schedule = JSON.stringify(hours);
      const { rows } = await db.query<{ pairwise: number; cumulative: number }>(
        `WITH p AS (SELECT a, b, ord FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS p(a, b, ord)),
         iv AS (
           SELECT coalesce(array_agg(opens ORDER BY opens), '{}') AS s, coalesce(array_agg(closes ORDER BY opens), '{}') AS e,
                  coalesce(array_agg(cum ORDER BY opens), '{}') AS k
           FROM (SELECT opens, closes, coalesce(sum(extract(epoch FROM closes - opens)) OVER (
                          ORDER BY opens ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::float8 AS cum
                 FROM business_open_intervals($1::jsonb, (SELECT min(a) FROM p), (SELECT max(b) FROM p))) x)
         SELECT business_open_seconds($1::jsonb, a, b) AS pairwise,
                CASE WHEN b > a THEN business_cumulative_seconds(iv.s, iv.e, iv.k, b)
                                     - business_cumulative_seconds(iv.s, iv.e, iv.k, a) ELSE 0 END AS cumulative
         FROM p, iv ORDER BY ord`,
        [schedule, pairs.map(([a]) => a), pairs.map(([, b]) => b)],
      );
      rows.forEach((row, i) => {
        const label = `${schedule} ${pairs[i]![0].toISOString()} -> ${pairs[i]![1].toISOString()}`;
        expect(row.pairwise, label).toBeCloseTo(expected[i]!, 3);
        expect(row.cumulative, label).toBeCloseTo(expected[i]!, 3);
        compared += 1;
        if (expected[i]! > 0) open += 1;
      });
    }
    expect(compared).toBe(2400);
    // Most cases do have open time to count (not a comparison of zeros).
    expect(open).toBeGreaterThan(1200);
  });
});
