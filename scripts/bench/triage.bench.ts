import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type InboxFilter, inboxQuery, messagesQuery } from '@app/conversations';
import { type SeededDataset, seedLargeDataset } from '../seed/large-dataset.js';
import { startBuiltApi } from './api-process.js';
import { type Benchmark, measure, round } from './harness.js';

const SECONDS = Number(process.env.BENCH_TRIAGE_SECONDS ?? 3);
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

interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

/** Every case through the built api (staff token, one request at a time) and as raw SQL through pg. */
async function measureDataset(data: SeededDataset) {
  const api = await startBuiltApi({
    infra: {
      database: data.database,
      appRole: `${data.database}_app`,
      ownerUrl: data.ownerUrl,
      appUrl: data.appUrl,
      redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisPrefix: `{bench_triage_${randomBytes(3).toString('hex')}}`,
    },
    masterKey: data.masterKey,
  });
  const pool = new pg.Pool({ connectionString: data.appUrl, max: 1 });
  try {
    const login = await api.client.post('/v1/auth/login', {
      email: data.staff.email,
      password: data.staff.password,
    });
    if (login.status !== 200) throw new Error(`triage bench: login answered ${login.status}: ${login.body}`);
    const headers = {
      authorization: `Bearer ${(JSON.parse(login.body) as { accessToken: string }).accessToken}`,
    };

    const results: Record<string, { api: Latency; sql: Latency; rows: number; ratioP95: number }> = {};
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
      const rows = (JSON.parse(check.body) as { data: unknown[] }).data.length;

      // The floor: the same statement in the same kind of tenant transaction, nothing else.
      const rawSql = async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [data.practiceId]);
          await client.query(sql, params);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      };
      const sqlStats = await measure(rawSql, { seconds: SECONDS, concurrency: 1 });
      const apiStats = await measure(
        async () => {
          const res = await api.client.get(path, headers);
          if (res.status !== 200) throw new Error(`triage bench: ${path} answered ${res.status}`);
        },
        { seconds: SECONDS, concurrency: 1 },
      );
      const pick = (s: Latency): Latency => ({ p50: s.p50, p95: s.p95, p99: s.p99 });
      results[c.name] = {
        api: pick(apiStats),
        sql: pick(sqlStats),
        rows,
        ratioP95: round(apiStats.p95 / sqlStats.p95, 2),
      };
      process.stderr.write(
        `bench: triage ${data.database} ${c.name}: api p95 ${apiStats.p95} ms, sql p95 ${sqlStats.p95} ms\n`,
      );
    }
    return results;
  } finally {
    await pool.end();
    await api.stop();
  }
}

/**
 * Inbox pages on generated data (`npm run seed:large`): p50/p95/p99 of the default list page
 * (limit 50), of each filter and of a busy conversation's messages page, through the built
 * api with a staff token, next to the same SQL run directly through pg (the floor); at 10k
 * and at 1M messages, to show the pages stay flat as data grows.
 */
export const triageBenchmark: Benchmark = {
  name: 'triage',
  description: `inbox list/filters/messages pages vs raw SQL, at 10k and ${LARGE_SCALE * 1_000_000} messages, ${SECONDS}s per case`,
  run: async () => {
    const small = await seedLargeDataset(SMALL, SMALL_SCALE);
    const large = await seedLargeDataset(LARGE, LARGE_SCALE);
    const atSmall = await measureDataset(small);
    const atLarge = await measureDataset(large);
    const names = Object.keys(atLarge);
    const worstApiP95 = Math.max(...names.map((n) => atLarge[n]!.api.p95));
    const worstRatio = Math.max(...names.map((n) => atLarge[n]!.ratioP95));
    const growth = Object.fromEntries(
      names.map((n) => [n, round(atLarge[n]!.api.p95 / atSmall[n]!.api.p95, 2)]),
    );
    const def = atLarge.default!;
    return {
      benchmark: 'triage',
      unit: 'ms (api p95, default list page, large dataset)',
      value: def.api.p95,
      floor: { what: 'the same SQL through pg, p95', value: def.sql.p95 },
      ratio: def.ratioP95,
      goal: 'api p95 <= 20 ms and <= 2x raw SQL p95 for every case; p95 at 1M within 1.5x of p95 at 10k',
      details: {
        sizes: { small: small.sizes, large: large.sizes },
        worstApiP95,
        worstRatioP95: worstRatio,
        p95LargeOverSmall: growth,
        large: atLarge,
        small: atSmall,
      },
    };
  },
};
