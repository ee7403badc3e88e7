import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { generate } from 'otplib';
import pg from 'pg';
import { funnelQuery, responseTimesQuery, secureOpenRateQuery } from '@app/reports';
import { planAsTenant, sequentialScansOf } from '@app/testing';
import { seedLargeDataset } from '../seed/large-dataset.js';
import { startBuiltApiOn } from './api-process.js';
import { type Benchmark, type Latency, type Op, interleaved, round } from './harness.js';

const SECONDS = Number(process.env.BENCH_REPORTS_SECONDS ?? 8);
const LARGE = process.env.SEED_DATABASE ?? 'inbox_large';
const LARGE_SCALE = Number(process.env.BENCH_REPORTS_SCALE ?? 1);
const DAY = 86_400_000;

/** Mon-Fri 08:00-17:00 in New York with two holidays: the business-hours figures are computed too. */
const HOURS = {
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '17:00' }]]),
  ),
  closures: [{ date: '2026-11-26' }, { date: '2026-12-25' }],
};
const SCHEDULE = { timeZone: 'America/New_York', ...HOURS };

const qs = (r: { from: Date; to: Date }, extra = '') =>
  `from=${r.from.toISOString()}&to=${r.to.toISOString()}${extra}`;

/**
 * The reports on the 1M-message dataset (`npm run seed:large`), the busiest practice, its
 * business hours set: p50/p95/p99 of GET /v1/reports/response-times (30 and 90 days, all
 * channels and sms) and GET /v1/reports/funnel (30 and 90 days) through the built api with an
 * admin's token, next to the same SQL run directly through pg in a tenant transaction (the
 * floor), interleaved request by request.
 */
export const reportsBenchmark: Benchmark = {
  name: 'reports',
  description: `response-time and funnel reports vs raw SQL on ${LARGE_SCALE * 1_000_000} messages, ${SECONDS}s per case`,
  run: async () => {
    const data = await seedLargeDataset(LARGE, LARGE_SCALE);
    const owner = new pg.Client({ connectionString: data.ownerUrl });
    await owner.connect();
    // The practice's hours and SLA; an admin of its own for this run (reports are for owners and
    // admins), with the seeded staff password, MFA enrolled below as staff really do.
    const adminEmail = `bench.admin.${randomBytes(4).toString('hex')}@large.test`;
    try {
      await owner.query(
        `UPDATE practices SET settings = settings || jsonb_build_object('timeZone', 'America/New_York',
           'businessHours', $2::jsonb, 'slaMinutes', 60) WHERE id = $1`,
        [data.practiceId, JSON.stringify(HOURS)],
      );
      await owner.query(
        `INSERT INTO users (id, tenant_id, email, email_normalized, name, role, password_hash)
         SELECT gen_random_uuid(), tenant_id, $2, $2, 'Bench admin', 'admin', password_hash FROM users WHERE id = $1`,
        [data.staff.userId, adminEmail],
      );
      await owner.query(
        `INSERT INTO login_directory (email_normalized, user_id, tenant_id)
         SELECT email_normalized, id, tenant_id FROM users WHERE email_normalized = $1`,
        [adminEmail],
      );
    } finally {
      await owner.end();
    }

    const api = await startBuiltApiOn(data, 'reports');
    const pool = new pg.Pool({ connectionString: data.appUrl, max: 1 });
    const results: Record<
      string,
      { api: Latency; sql: Latency; ratioP95: number; indexes: string[]; figures: unknown }
    > = {};
    try {
      const login = await api.client.post('/v1/auth/login', {
        email: adminEmail,
        password: data.staff.password,
      });
      if (login.status !== 200) throw new Error(`reports bench: login answered ${login.status}`);
      const enrolling = {
        authorization: `Bearer ${(JSON.parse(login.body) as { accessToken: string }).accessToken}`,
      };
      const setup = JSON.parse((await api.client.post('/v1/auth/mfa/setup', {}, enrolling)).body) as {
        secret: string;
      };
      const enabled = await api.client.post(
        '/v1/auth/mfa/enable',
        { code: await generate({ secret: setup.secret }) },
        enrolling,
      );
      if (enabled.status !== 200) throw new Error(`reports bench: MFA enable answered ${enabled.status}`);
      const headers = {
        authorization: `Bearer ${(JSON.parse(enabled.body) as { accessToken: string }).accessToken}`,
      };

      const now = Date.now();
      const range = (days: number) => ({ from: new Date(now - days * DAY), to: new Date(now) });
      const cases: Array<{
        name: string;
        path: string;
        statements: Array<{ sql: string; params: unknown[] }>;
      }> = [
        {
          name: 'response-times 30d',
          path: `/v1/reports/response-times?${qs(range(30))}`,
          statements: [responseTimesQuery(data.practiceId, { ...range(30), schedule: SCHEDULE })],
        },
        {
          name: 'response-times 30d sms',
          path: `/v1/reports/response-times?${qs(range(30), '&channel=sms')}`,
          statements: [
            responseTimesQuery(data.practiceId, { ...range(30), channel: 'sms', schedule: SCHEDULE }),
          ],
        },
        {
          name: 'response-times 90d',
          path: `/v1/reports/response-times?${qs(range(90))}`,
          statements: [responseTimesQuery(data.practiceId, { ...range(90), schedule: SCHEDULE })],
        },
        {
          name: 'funnel 30d',
          path: `/v1/reports/funnel?${qs(range(30))}`,
          statements: [
            funnelQuery(data.practiceId, range(30)),
            secureOpenRateQuery(data.practiceId, range(30)),
          ],
        },
        {
          name: 'funnel 90d',
          path: `/v1/reports/funnel?${qs(range(90))}`,
          statements: [
            funnelQuery(data.practiceId, range(90)),
            secureOpenRateQuery(data.practiceId, range(90)),
          ],
        },
      ];
      for (const c of cases) {
        const check = await api.client.get(c.path, headers);
        if (check.status !== 200)
          throw new Error(`reports bench: ${c.path} answered ${check.status}: ${check.body}`);
        const apiOp: Op = async () => {
          const res = await api.client.get(c.path, headers);
          if (res.status !== 200) throw new Error(`reports bench: ${c.path} answered ${res.status}`);
        };
        // The floor: the same statements in the same kind of tenant transaction, nothing else.
        const sqlOp: Op = async () => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [data.practiceId]);
            for (const s of c.statements) await client.query(s.sql, s.params);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        };
        // The plans on this data, as the app role under RLS: no table the reports read is read
        // sequentially (the 1M-row counterpart of test/reports-explain.e2e-spec.ts).
        const plans = await Promise.all(
          c.statements.map((s) => planAsTenant(pool, data.practiceId, s.sql, s.params)),
        );
        const scanned = plans.flatMap((p) => sequentialScansOf(p, ['conversations', 'messages', 'contacts']));
        if (scanned.length > 0)
          throw new Error(`reports bench: ${c.name} reads ${scanned.join(', ')} sequentially`);
        const indexes = [...new Set(plans.flat().flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])))];
        const [apiLatency, sqlLatency] = await interleaved([apiOp, sqlOp], SECONDS, 10);
        results[c.name] = {
          api: apiLatency!,
          sql: sqlLatency!,
          ratioP95: round(apiLatency!.p95 / sqlLatency!.p95, 2),
          indexes,
          figures: JSON.parse(check.body) as unknown,
        };
        process.stderr.write(
          `bench: reports ${c.name}: api p95 ${apiLatency!.p95} ms, sql p95 ${sqlLatency!.p95} ms\n`,
        );
      }
    } finally {
      await pool.end();
      await api.stop();
    }
    const names = Object.keys(results);
    const worst = names.reduce((a, b) => (results[b]!.api.p95 > results[a]!.api.p95 ? b : a));
    return {
      benchmark: 'reports',
      unit: 'ms (api p95, slowest report case)',
      value: results[worst]!.api.p95,
      floor: { what: `the same SQL through pg, p95 (${worst})`, value: results[worst]!.sql.p95 },
      ratio: results[worst]!.ratioP95,
      goal: 'api p95 <= 200 ms and <= 2x raw SQL p95 for every case',
      details: {
        sizes: data.sizes,
        loadAverage: os.loadavg().map((l) => round(l, 2)),
        worstCase: worst,
        worstRatioP95: Math.max(...names.map((n) => results[n]!.ratioP95)),
        cases: results,
      },
    };
  },
};
