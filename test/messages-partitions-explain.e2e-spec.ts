import { randomUUID, randomUUIDv7 } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesQuery } from '@app/conversations';
import { uuidV7Sql } from '@app/database';
import {
  appPool,
  isSmallPartition,
  ownerPool,
  partitionsRead,
  type PlanNode,
  planAsTenant,
  sequentialScansOf,
} from '@app/testing';
import { DISPATCH_READ } from '../libs/delivery/src/outbound/dispatch-read.js';
import { FINISH_ACCEPTED, FINISH_ATTEMPT } from '../libs/delivery/src/outbound/outbound-messages.js';

const CONVERSATIONS = 300;
const MESSAGES_PER_CONVERSATION = 40;

/**
 * The index a scan reads: its own, or its bitmap index scan's (the planner's pick for a partition
 * that other tests fill, as this month's is in a shared run database).
 */
const indexOf = (scan: PlanNode) =>
  scan['Index Name'] ??
  scan.Plans?.find((child) => child['Node Type'] === 'Bitmap Index Scan')?.['Index Name'];

/**
 * Partition pruning of `messages` (partitioned by UUIDv7 id range, one partition per month): a
 * practice whose messages span this month and the two before (ids of their created_at, as the
 * app and the seed write them), plus one legacy (v4) message in the default partition, ANALYZEd;
 * plans asked as the app role under RLS.
 */
describe('messages partitions: pruning by id, index-based pages', () => {
  let owner: pg.Pool;
  let app: pg.Pool;
  const tenant = randomUUID();
  let conversationId: string;
  /** A message of two months ago, and the partition holding it. */
  let old: { id: string; partition: string };
  let legacyId: string;
  let monthPartitions: string[];

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    await owner.query(
      `SELECT create_month_partition('messages', m::date) AS name
       FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '2 months',
                            date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') m`,
    );
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Pruning')`, [tenant]);
    await owner.query(
      `INSERT INTO contacts (id, tenant_id) SELECT gen_random_uuid(), $1 FROM generate_series(1, $2)`,
      [tenant, CONVERSATIONS],
    );
    await owner.query(
      `INSERT INTO conversations (id, tenant_id, contact_id, last_message_at)
       SELECT gen_random_uuid(), tenant_id, id, now() FROM contacts WHERE tenant_id = $1`,
      [tenant],
    );
    // Spread from the start of the month before last until now: three months, whatever today is.
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, status, body_enc, created_at)
       SELECT ${uuidV7Sql('t.at')}, c.tenant_id, c.id, c.contact_id, 'sms', 'inbound', 'message', 'received',
              '\\x01'::bytea, t.at
       FROM conversations c CROSS JOIN generate_series(1, $2) g
       CROSS JOIN LATERAL (SELECT m0 + (now() - m0) * ((g - random()) / $2) AS at
                           FROM (SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '2 months')
                                          AT TIME ZONE 'UTC' AS m0) s) t
       WHERE c.tenant_id = $1`,
      [tenant, MESSAGES_PER_CONVERSATION],
    );
    const { rows: conversation } = await owner.query(
      `SELECT id FROM conversations WHERE tenant_id = $1 LIMIT 1`,
      [tenant],
    );
    conversationId = conversation[0].id;
    legacyId = randomUUID();
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status, created_at)
       VALUES ($1, $2, $3, 'sms', 'inbound', 'message', 'received', now() - interval '400 days')`,
      [legacyId, tenant, conversationId],
    );
    await owner.query(
      `INSERT INTO attachments (id, tenant_id, message_id, position, status, content_type, size_bytes, content_enc)
       SELECT gen_random_uuid(), tenant_id, id, 0, 'stored', 'image/jpeg', 1, '\\x01'::bytea
       FROM messages WHERE tenant_id = $1 AND random() < 0.2`,
      [tenant],
    );
    // One attempt per message (its attempts' month sits beside its month), ids random as the app's.
    await owner.query(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
       SELECT gen_random_uuid(), tenant_id, id, 1, 'plain' FROM messages WHERE tenant_id = $1`,
      [tenant],
    );
    await owner.query('ANALYZE messages, attachments, conversations, delivery_attempts');
    const { rows: oldest } = await owner.query(
      `SELECT id, tableoid::regclass::text AS partition FROM messages
       WHERE tenant_id = $1 AND created_at < date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month'
       LIMIT 1`,
      [tenant],
    );
    old = oldest[0];
    const { rows: parts } = await owner.query(
      `SELECT DISTINCT tableoid::regclass::text AS p FROM messages WHERE tenant_id = $1 ORDER BY 1`,
      [tenant],
    );
    monthPartitions = parts.map((r) => r.p).filter((p: string) => p !== 'messages_default');
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await owner?.end();
  });

  const plan = (sql: string, params: unknown[]) => planAsTenant(app, tenant, sql, params);

  it('puts each UUIDv7 message in the partition of its month', async () => {
    expect(monthPartitions).toHaveLength(3);
    expect(old.partition).toBe(monthPartitions[0]);
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM messages
       WHERE tenant_id = $1 AND tableoid::regclass::text <> 'messages_' || to_char(created_at AT TIME ZONE 'UTC', '"y"YYYY"m"MM')
         AND id <> $2`,
      [tenant, legacyId],
    );
    expect(rows[0].n).toBe(0);
  });

  it.each([
    ['a read by id', `SELECT id, status FROM messages WHERE tenant_id = $1 AND id = $2`],
    ['a status update by id', `UPDATE messages SET status = 'read' WHERE tenant_id = $1 AND id = $2`],
    [
      'a lock by channel and id',
      `SELECT id FROM messages WHERE tenant_id = $1 AND channel = 'sms' AND id = $2 FOR UPDATE`,
    ],
  ])('%s reads only the partition of that id', async (_name, sql) => {
    expect(partitionsRead(await plan(sql, [tenant, old.id]), 'messages')).toEqual([old.partition]);
    expect(partitionsRead(await plan(sql, [tenant, legacyId]), 'messages')).toEqual(['messages_default']);
    // A new id (this month) prunes to this month's partition, which exists.
    const fresh = partitionsRead(await plan(sql, [tenant, randomUUIDv7()]), 'messages');
    expect(fresh).toEqual([monthPartitions[2]]);
  });

  it('prunes by id in a generic plan too (a prepared statement after its first runs), at executor start', async () => {
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await c.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await c.query(`PREPARE by_id (uuid, uuid) AS SELECT id FROM messages WHERE tenant_id = $1 AND id = $2`);
      const { rows } = await c.query(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) EXECUTE by_id('${tenant}', '${old.id}')`,
      );
      const top = (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode & { 'Subplans Removed'?: number } }>)[0]!
        .Plan;
      const append = [top, ...(top.Plans ?? [])].find((n) => n['Node Type'] === 'Append') as
        (PlanNode & { 'Subplans Removed'?: number }) | undefined;
      expect(append?.['Subplans Removed']).toBeGreaterThan(0);
      const read = (n: PlanNode): string[] => [
        ...(n['Relation Name'] ? [n['Relation Name']] : []),
        ...(n.Plans ?? []).flatMap(read),
      ];
      expect(read(append!)).toEqual([old.partition]);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it.each([
    ['first page', undefined],
    ['next page', { micros: String((Date.now() - 30 * 86_400_000) * 1000), id: randomUUID() }],
  ])(
    'the messages page (%s) reads each partition by messages_conversation, none sequentially',
    async (_n, after) => {
      const { sql, params } = messagesQuery(tenant, conversationId, { after, limit: 50 });
      const p = await plan(sql, params);
      expect(sequentialScansOf(p, ['messages', 'attachments'])).toEqual([]);
      const scans = p.filter((n) => n['Relation Name']?.startsWith('messages_') && !isSmallPartition(n));
      expect(scans.length).toBeGreaterThanOrEqual(2);
      for (const scan of scans) expect(indexOf(scan), scan['Relation Name']).toBe('messages_conversation');
    },
  );

  it("reads a long thread's page in index order up to its limit, not whole and sorted (the planner knows which conversation)", async () => {
    // One conversation far longer than the average: estimated through a join on conversations,
    // the planner took it for a few rows and sorted the whole thread (50 ms for 14k messages).
    const { rows } = await owner.query(
      `WITH contact AS (INSERT INTO contacts (id, tenant_id) VALUES (gen_random_uuid(), $1) RETURNING id, tenant_id)
       INSERT INTO conversations (id, tenant_id, contact_id, last_message_at)
       SELECT gen_random_uuid(), tenant_id, id, now() FROM contact
       RETURNING id`,
      [tenant],
    );
    const long = rows[0].id as string;
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status, body_enc, created_at)
       SELECT ${uuidV7Sql('t.at')}, $1, $2, 'sms', 'inbound', 'message', 'received', '\\x01'::bytea, t.at
       FROM generate_series(1, 4000) g
       CROSS JOIN LATERAL (SELECT now() - g * interval '1 second' AS at) t`,
      [tenant, long],
    );
    await owner.query('ANALYZE messages');
    const { sql, params } = messagesQuery(tenant, long, { limit: 50 });
    const p = await plan(sql, params);
    expect(p.filter((n) => n['Node Type'] === 'Sort')).toEqual([]);
    expect(p.some((n) => n['Node Type'] === 'Limit')).toBe(true);
  });

  it('the messages page is the same rows in the same order as the unpartitioned order says', async () => {
    const { sql, params } = messagesQuery(tenant, conversationId, { limit: 100 });
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      const page = (await c.query(sql, params)).rows.map((r) => r.id);
      const all = (
        await c.query(
          `SELECT id FROM messages WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC`,
          [conversationId],
        )
      ).rows.map((r) => r.id);
      expect(page).toEqual(all);
      expect(page).toContain(legacyId);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  /**
   * The partitions of delivery_attempts a statement actually read (EXPLAIN ANALYZE, rolled back):
   * pruned at plan time, at executor start (a generic plan) or per row of the outer query (the
   * lateral reads of the dispatch batch) alike, a partition it did not read has no loop.
   */
  async function attemptPartitionsRun(
    sql: string,
    params: unknown[],
    generic: boolean,
    before?: [string, unknown[]],
  ): Promise<string[]> {
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      if (generic) await c.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      if (before) await c.query(before[0], before[1]);
      await c.query(`PREPARE attempt_plan AS ${sql}`);
      const args = params.map((p) =>
        p === null ? 'NULL' : `'${Array.isArray(p) ? `{${p.join(',')}}` : String(p)}'`,
      );
      const { rows } = await c.query(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) EXECUTE attempt_plan(${args.join(', ')})`,
      );
      const all = (
        n: PlanNode & { 'Actual Loops'?: number },
      ): Array<PlanNode & { 'Actual Loops'?: number }> => [n, ...(n.Plans ?? []).flatMap(all)];
      const top = (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan;
      return [
        ...new Set(
          all(top)
            .filter(
              (n) => n['Relation Name']?.startsWith('delivery_attempts_') && (n['Actual Loops'] ?? 0) > 0,
            )
            .map((n) => n['Relation Name']!),
        ),
      ].toSorted();
    } finally {
      await c.query('ROLLBACK');
      await c.query('DEALLOCATE attempt_plan').catch(() => undefined);
      c.release();
    }
  }

  const attemptOf = async (messageId: string): Promise<{ id: string; partition: string }> =>
    (
      await owner.query(
        `SELECT id, tableoid::regclass::text AS partition FROM delivery_attempts WHERE tenant_id = $1 AND message_id = $2`,
        [tenant, messageId],
      )
    ).rows[0];

  it('keeps each attempt beside its message: the month of its message id, the default for a legacy id', async () => {
    expect((await attemptOf(old.id)).partition).toBe(old.partition.replace('messages', 'delivery_attempts'));
    expect((await attemptOf(legacyId)).partition).toBe('delivery_attempts_default');
  });

  it.each([
    ['custom', false],
    ['generic', true],
  ])(
    "the worker's attempt reads and updates read one partition of delivery_attempts (%s plan)",
    async (_name, generic) => {
      for (const messageId of [old.id, legacyId]) {
        const attempt = await attemptOf(messageId);
        expect(
          await attemptPartitionsRun(
            FINISH_ATTEMPT.text,
            [tenant, messageId, attempt.id, 'accepted', null],
            generic,
          ),
          'finishAttempt',
        ).toEqual([attempt.partition]);
        expect(
          await attemptPartitionsRun(
            FINISH_ACCEPTED.text,
            [tenant, messageId, attempt.id, 'accepted'],
            generic,
          ),
          'markAccepted',
        ).toEqual([attempt.partition]);
        expect(
          // (as an outbound message waiting to be sent, in the rolled-back transaction)
          await attemptPartitionsRun(DISPATCH_READ.text, [tenant, [messageId]], generic, [
            `UPDATE messages SET direction = 'outbound', status = 'queued' WHERE tenant_id = $1 AND id = $2`,
            [tenant, messageId],
          ]),
          'the dispatch read',
        ).toEqual([attempt.partition]);
      }
    },
  );
});
