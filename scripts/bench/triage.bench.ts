import os from 'node:os';
import pg from 'pg';
import { type InboxFilter, inboxQuery, messagesQuery } from '@app/conversations';
import { type SeededDataset, seedLargeDataset } from '../seed/large-dataset.js';
import { startBuiltApiOn } from './api-process.js';
import { type Benchmark, type Latency, type Op, interleaved, round } from './harness.js';

const SECONDS = Number(process.env.BENCH_TRIAGE_SECONDS ?? 8);
const LARGE = process.env.SEED_DATABASE ?? 'inbox_large';
/** Scale of the large dataset when it has to be generated (1 = 1M messages; see docs/operations.md). */
const LARGE_SCALE = Number(process.env.BENCH_TRIAGE_SCALE ?? 1);
/** The same shape at 10k messages: the flatness reference. */
const SMALL = 'inbox_triage_small';
const SMALL_SCALE = 0.01;
const LIMIT = 50;

type Case = { name: string; query: string; filter: Omit<InboxFilter, 'limit'> } | { name: 'messages page' };

function cases(staffId: string): Case[] {
  return [
    { name: 'default', query: '', filter: {} },
    { name: 'status=open', query: 'status=open', filter: { status: 'open' } },
    { name: 'channel=sms', query: 'channel=sms', filter: { channel: 'sms' } },
    { name: 'assignee=me', query: 'assignee=me', filter: { assignee: staffId } },
    { name: 'assignee=unassigned', query: 'assignee=unassigned', filter: { assignee: 'unassigned' } },
    { name: 'tag=billing', query: 'tag=billing', filter: { tag: 'billing' } },
    { name: 'tag=follow-up', query: 'tag=follow-up', filter: { tag: 'follow-up' } },
    { name: 'unread=true', query: 'unread=true', filter: { unread: true } },
    { name: 'leadStage=scheduled', query: 'leadStage=scheduled', filter: { leadStage: 'scheduled' } },
    { name: 'messages page' },
  ];
}

/** An api on one dataset, and the ops that time each case through it and as raw SQL. */
async function prepare(data: SeededDataset) {
  const api = await startBuiltApiOn(data, 'triage');
  const pool = new pg.Pool({ connectionString: data.appUrl, max: 1 });
  const login = await api.client.post('/v1/auth/login', {
    email: data.staff.email,
    password: data.staff.password,
  });
  if (login.status !== 200) throw new Error(`triage bench: login answered ${login.status}: ${login.body}`);
  const headers = {
    authorization: `Bearer ${(JSON.parse(login.body) as { accessToken: string }).accessToken}`,
  };

  const ops = new Map<string, { api: Op; sql: Op; rows: number }>();
  let apiRequests = 0;
  for (const c of cases(data.staff.userId)) {
    const path =
      'filter' in c
        ? `/v1/conversations?limit=${LIMIT}${c.query ? `&${c.query}` : ''}`
        : `/v1/conversations/${data.busyConversationId}/messages?limit=${LIMIT}`;
    const { sql, params } =
      'filter' in c
        ? inboxQuery(data.practiceId, data.staff.userId, { ...c.filter, limit: LIMIT })
        : messagesQuery(data.practiceId, data.busyConversationId, { limit: LIMIT });
    const check = await api.client.get(path, headers);
    if (check.status !== 200)
      throw new Error(`triage bench: ${path} answered ${check.status}: ${check.body}`);
    ops.set(c.name, {
      rows: (JSON.parse(check.body) as { data: unknown[] }).data.length,
      api: async () => {
        apiRequests++;
        const res = await api.client.get(path, headers);
        if (res.status !== 200) throw new Error(`triage bench: ${path} answered ${res.status}`);
      },
      // The floor: the same statement in the same kind of tenant transaction, nothing else.
      sql: async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [data.practiceId]);
          await client.query(sql, params);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      },
    });
  }
  return {
    ops,
    /** Requests sent so far and the api's CPU seconds so far: CPU per request is load-independent. */
    usage: () => ({ requests: apiRequests, cpuSeconds: api.cpuSeconds() }),
    stop: async () => {
      await pool.end();
      await api.stop();
    },
  };
}

/**
 * Inbox pages on generated data (`npm run seed:large`): p50/p95/p99 of the default list page
 * (limit 50), of each filter and of a busy conversation's messages page, through the built
 * api with a staff token, next to the same SQL run directly through pg (the floor); at 10k
 * and at 1M messages, to show the pages stay flat as data grows. The four measurements of a
 * case (api and SQL, 10k and 1M) are interleaved request by request.
 */
export const triageBenchmark: Benchmark = {
  name: 'triage',
  description: `inbox list/filters/messages pages vs raw SQL, at 10k and ${LARGE_SCALE * 1_000_000} messages, ${SECONDS}s per case`,
  run: async () => {
    const small = await seedLargeDataset(SMALL, SMALL_SCALE);
    const large = await seedLargeDataset(LARGE, LARGE_SCALE);
    const atSmall = await prepare(small);
    const atLarge = await prepare(large);
    type CaseResult = { api: Latency; sql: Latency; rows: number; ratioP95: number };
    const results: Record<'small' | 'large', Record<string, CaseResult>> = { small: {}, large: {} };
    const usageBefore = atLarge.usage();
    let apiCpuMsPerRequest: number | null = null;
    try {
      for (const name of atLarge.ops.keys()) {
        const s = atSmall.ops.get(name)!;
        const l = atLarge.ops.get(name)!;
        const [sApi, sSql, lApi, lSql] = await interleaved([s.api, s.sql, l.api, l.sql], SECONDS);
        results.small[name] = {
          api: sApi!,
          sql: sSql!,
          rows: s.rows,
          ratioP95: round(sApi!.p95 / sSql!.p95, 2),
        };
        results.large[name] = {
          api: lApi!,
          sql: lSql!,
          rows: l.rows,
          ratioP95: round(lApi!.p95 / lSql!.p95, 2),
        };
        process.stderr.write(
          `bench: triage ${name}: api p95 ${lApi!.p95} ms (10k: ${sApi!.p95}), sql p95 ${lSql!.p95} ms (10k: ${sSql!.p95})\n`,
        );
      }
      const usageAfter = atLarge.usage();
      if (usageBefore.cpuSeconds !== null && usageAfter.cpuSeconds !== null)
        apiCpuMsPerRequest = round(
          ((usageAfter.cpuSeconds - usageBefore.cpuSeconds) * 1000) /
            (usageAfter.requests - usageBefore.requests),
          3,
        );
    } finally {
      await atSmall.stop();
      await atLarge.stop();
    }
    const names = Object.keys(results.large);
    const def = results.large.default!;
    return {
      benchmark: 'triage',
      unit: 'ms (api p95, default list page, large dataset)',
      value: def.api.p95,
      floor: { what: 'the same SQL through pg, p95', value: def.sql.p95 },
      ratio: def.ratioP95,
      goal: 'api p95 <= 20 ms and <= 2x raw SQL p95 for every case; p95 at 1M within 1.5x of p95 at 10k',
      details: {
        sizes: { small: small.sizes, large: large.sizes },
        loadAverage: os.loadavg().map((l) => round(l, 2)),
        apiCpuMsPerRequest,
        worstApiP95: Math.max(...names.map((n) => results.large[n]!.api.p95)),
        worstRatioP95: Math.max(...names.map((n) => results.large[n]!.ratioP95)),
        p95LargeOverSmall: Object.fromEntries(
          names.map((n) => [n, round(results.large[n]!.api.p95 / results.small[n]!.api.p95, 2)]),
        ),
        large: results.large,
        small: results.small,
      },
    };
  },
};
