import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, normalizeDatabaseError } from '@app/database';
import { PG_ADMIN_URL } from '@app/testing';
import { RECORD_SIGHTING } from '../libs/channels/src/email/sendgrid-event.repository.js';

const PRACTICES = 3;
const CONVERSATIONS_PER_PRACTICE = 40;
const MESSAGES_PER_CONVERSATION = 25;
const AUDIT_EVENTS_PER_PRACTICE = 300;

/** Every table whose rows the conversion must keep, with the order its checksum reads them in. */
const CHECKED: Record<string, string> = {
  messages: 'id',
  audit_events: 'id',
  attachments: 'id',
  delivery_attempts: 'id',
  delivery_outbox: 'message_id',
  secure_links: 'id',
  sendgrid_events: 'sg_event_id',
};

const SENDGRID_EVENTS_PER_PRACTICE = 320;

function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) u.username = user;
  if (password) u.password = password;
  return u.toString();
}

async function refusalOf(work: Promise<unknown>) {
  return normalizeDatabaseError(await work.catch((e: unknown) => e));
}

/** Ends a transaction the test left open, and gives its connection back. */
async function end(c: pg.PoolClient, how: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  try {
    await c.query(how);
  } finally {
    c.release();
  }
}

/** Where the conversion sits among the migrations (everything before it fills the "old" database). */
function conversionIndex(): number {
  const at = MIGRATIONS.findIndex((m) => m.name === 'MonthlyPartitions1766800000000');
  if (at < 0) throw new Error('the conversion migration is not in MIGRATIONS');
  return at;
}

/**
 * The conversion to monthly partitions on a populated database: a private database migrated to
 * the migration before it, filled (random v4 message ids, as every existing database has, one of
 * them inside a future month's id range; audit events over the last months), then migrated.
 */
describe('monthly partitions: converting a populated database (migration 1766800000000)', () => {
  const id = `partmig_${process.pid}_${randomBytes(3).toString('hex')}`;
  const database = `inbox_${id}`;
  const appRole = `inbox_${id}_app`;
  const ownerUrl = withDatabase(PG_ADMIN_URL, database);
  const appUrl = withDatabase(PG_ADMIN_URL, database, appRole, randomBytes(12).toString('hex'));
  let owner: pg.Pool;
  let app: pg.Pool;
  let tenants: string[];
  /** A legacy (v4) message whose id falls in the range of the month 7 months from now. */
  let strayId: string;
  let before: Record<string, { n: number; sum: string }>;

  async function checksums(): Promise<Record<string, { n: number; sum: string }>> {
    const out: Record<string, { n: number; sum: string }> = {};
    for (const [table, order] of Object.entries(CHECKED)) {
      const { rows } = await owner.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t.${order}), '')) AS sum FROM ${table} t`,
      );
      out[table] = rows[0];
    }
    return out;
  }

  async function asApp<T>(tenantId: string, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await work(c);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  }

  /** A transaction of the app role for the tenant, left open for the caller to end. */
  async function openAppTx(tenantId: string): Promise<pg.PoolClient> {
    const c = await app.connect();
    await c.query('BEGIN');
    await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return c;
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const previous = new DataSource({
      type: 'postgres',
      url: ownerUrl,
      // Every migration before the conversion (later ones run after the fill, as on a live database).
      migrations: MIGRATIONS.slice(0, conversionIndex()),
      migrationsTableName: 'schema_migrations',
      migrationsTransactionMode: 'each',
      logging: false,
    });
    await previous.initialize();
    await previous.runMigrations({ transaction: 'each' });
    await previous.destroy();

    owner = new pg.Pool({ connectionString: ownerUrl, max: 2 });
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO practices (id, name) SELECT gen_random_uuid(), 'Practice ' || g FROM generate_series(1, $1) g RETURNING id`,
      [PRACTICES],
    );
    tenants = rows.map((r) => r.id);
    await owner.query(
      `INSERT INTO contacts (id, tenant_id) SELECT gen_random_uuid(), p.id FROM practices p, generate_series(1, $1)`,
      [CONVERSATIONS_PER_PRACTICE],
    );
    await owner.query(
      `INSERT INTO conversations (id, tenant_id, contact_id) SELECT gen_random_uuid(), tenant_id, id FROM contacts`,
    );
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, status, body_enc,
         provider_message_id, created_at)
       SELECT gen_random_uuid(), c.tenant_id, c.id, c.contact_id, 'sms',
              CASE WHEN g % 3 = 0 THEN 'outbound' ELSE 'inbound' END, 'message',
              CASE WHEN g % 3 = 0 THEN 'sent' ELSE 'received' END, '\\x01'::bytea,
              'SM' || md5(c.id::text || g), now() - g * interval '7 hours'
       FROM conversations c, generate_series(1, $1) g`,
      [MESSAGES_PER_CONVERSATION],
    );
    // A v4 id is random: about 9 per million fall in any given month's UUIDv7 range.
    const stray = await owner.query<{ id: string }>(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, status, body_enc)
       SELECT (lpad(to_hex(floor(extract(epoch FROM
                 date_trunc('month', now() AT TIME ZONE 'UTC') + interval '7 months 3 days') * 1000)::bigint), 12, '0')
               || '4' || substr(md5('stray'), 1, 19))::uuid,
              c.tenant_id, c.id, c.contact_id, 'sms', 'inbound', 'message', 'received', '\\x02'::bytea
       FROM (SELECT * FROM conversations LIMIT 1) c
       RETURNING id`,
    );
    strayId = stray.rows[0]!.id;
    await owner.query(
      `INSERT INTO attachments (id, tenant_id, message_id, position, status)
       SELECT gen_random_uuid(), tenant_id, id, 0, 'pending' FROM messages
       WHERE direction = 'inbound' AND id <> $1 AND random() < 0.3
       UNION ALL SELECT gen_random_uuid(), tenant_id, id, 0, 'pending' FROM messages WHERE id = $1`,
      [strayId],
    );
    await owner.query(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
       SELECT gen_random_uuid(), tenant_id, id, 1, 'plain' FROM messages WHERE direction = 'outbound'`,
    );
    // The stray legacy message has an attempt too: it moves beside its message (maintenance test).
    await owner.query(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
       SELECT gen_random_uuid(), tenant_id, id, 1, 'plain' FROM messages WHERE id = $1`,
      [strayId],
    );
    await owner.query(
      `INSERT INTO channels (id, tenant_id, type, name) SELECT gen_random_uuid(), id, 'email', 'Mail' FROM practices`,
    );
    // SendGrid event ids over the last 40 days (two or three months), and a few from 75 days ago
    // (a held practice's, say: older than any month the conversion makes).
    await owner.query(
      `INSERT INTO sendgrid_events (tenant_id, sg_event_id, channel_id, received_at)
       SELECT c.tenant_id, 'ev-' || md5(c.tenant_id::text || g), c.id, now() - g * interval '3 hours'
       FROM channels c, generate_series(1, $1) g
       UNION ALL
       SELECT c.tenant_id, 'old-' || md5(c.tenant_id::text || g), c.id, now() - interval '75 days' - g * interval '1 hour'
       FROM channels c, generate_series(1, 5) g`,
      [SENDGRID_EVENTS_PER_PRACTICE],
    );
    await owner.query(
      `INSERT INTO delivery_outbox (tenant_id, message_id, channel)
       SELECT tenant_id, id, 'sms' FROM messages WHERE direction = 'outbound' AND random() < 0.2`,
    );
    await owner.query(
      `INSERT INTO secure_links (id, tenant_id, contact_id, message_id, channel, address_enc, address_bidx, token_hash, expires_at)
       SELECT gen_random_uuid(), m.tenant_id, m.contact_id, m.id, 'sms', '\\x01'::bytea, '\\x01'::bytea,
              sha256(m.id::text::bytea), now() + interval '1 day'
       FROM messages m WHERE m.direction = 'outbound' AND random() < 0.1`,
    );
    // Audit events over the last ~100 days (several months), a chain of seqs per practice.
    await owner.query(
      `INSERT INTO audit_events (id, tenant_id, seq, prev_hash, hash, occurred_at, actor_type, actor_id, action, outcome)
       SELECT gen_random_uuid(), p.id, g, CASE WHEN g > 1 THEN sha256((g - 1)::text::bytea) END, sha256(g::text::bytea),
              now() - ($1 - g) * interval '8 hours', 'system', 'system', 'test.event', 'success'
       FROM practices p, generate_series(1, $1) g`,
      [AUDIT_EVENTS_PER_PRACTICE],
    );
    before = await checksums();
    await migrate({ ownerUrl, appUrl });
    app = new pg.Pool({ connectionString: appUrl, max: 2 });
    // The database is dropped WITH (FORCE) at the end: an idle client's termination is no error.
    app.on('error', () => undefined);
    owner.on('error', () => undefined);
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await owner?.end();
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS "${appRole}"`);
    await admin.query(`DROP ROLE IF EXISTS "${appRole}_audit"`);
    await admin.query(`DROP ROLE IF EXISTS "${appRole}_reader"`);
    await admin.end();
  });

  it('keeps every row: counts and checksums of messages, audit events and referencing tables are unchanged', async () => {
    expect(before.messages!.n).toBe(PRACTICES * CONVERSATIONS_PER_PRACTICE * MESSAGES_PER_CONVERSATION + 1);
    expect(before.audit_events!.n).toBe(PRACTICES * AUDIT_EVENTS_PER_PRACTICE);
    expect(before.sendgrid_events!.n).toBe(PRACTICES * (SENDGRID_EVENTS_PER_PRACTICE + 5));
    expect(before.delivery_attempts!.n).toBeGreaterThan(PRACTICES * CONVERSATIONS_PER_PRACTICE * 8);
    expect(await checksums()).toEqual(before);
    const { rows } = await owner.query(`
      SELECT (SELECT relkind FROM pg_class WHERE relname = 'messages') AS messages,
             (SELECT relkind FROM pg_class WHERE relname = 'audit_events') AS audit_events,
             (SELECT relkind FROM pg_class WHERE relname = 'delivery_attempts') AS delivery_attempts,
             (SELECT relkind FROM pg_class WHERE relname = 'sendgrid_events') AS sendgrid_events,
             (SELECT count(*)::int FROM message_provider_ids) AS claims,
             (SELECT count(*)::int FROM messages WHERE provider_message_id IS NOT NULL) AS provider_ids`);
    expect(rows[0]).toMatchObject({
      messages: 'p',
      audit_events: 'p',
      delivery_attempts: 'p',
      sendgrid_events: 'p',
    });
    expect(rows[0].claims).toBe(rows[0].provider_ids);
  });

  it('places audit events in their months and legacy message ids in the default partition (a rare one in a month its random id falls in)', async () => {
    const { rows } = await owner.query(`
      SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM audit_events GROUP BY 1 ORDER BY 1`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.map((r) => r.part)).not.toContain('audit_events_default');
    const messages = await owner.query(
      `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM messages GROUP BY 1`,
    );
    // A random (v4) id falls in a given month's UUIDv7 range about 9 times per million: with the
    // months the conversion makes, about 1 run in 10 sees one of its 3,001 legacy ids there.
    const inDefault = messages.rows.find((r) => r.part === 'messages_default')?.n ?? 0;
    const inMonths = messages.rows.filter((r) => r.part !== 'messages_default');
    expect(inDefault + inMonths.reduce((sum, r) => sum + r.n, 0)).toBe(before.messages!.n);
    expect(inDefault).toBeGreaterThanOrEqual(before.messages!.n - 3);
  });

  it('puts each attempt in the month of its message (the default beside the default), SendGrid events in their months', async () => {
    const apart = await owner.query(`
      SELECT count(*)::int AS n FROM delivery_attempts a JOIN messages m ON m.tenant_id = a.tenant_id AND m.id = a.message_id
      WHERE substring(a.tableoid::regclass::text FROM '_(y\\d{4}m\\d{2}|default)$')
            IS DISTINCT FROM substring(m.tableoid::regclass::text FROM '_(y\\d{4}m\\d{2}|default)$')`);
    expect(apart.rows[0].n).toBe(0);
    const events = await owner.query(`
      SELECT tableoid::regclass::text AS part, count(*)::int AS n,
             bool_and(received_at >= date_trunc('month', (now() - interval '7 days') AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS recent
      FROM sendgrid_events GROUP BY 1 ORDER BY 1`);
    const byPart = Object.fromEntries(events.rows.map((r) => [r.part, r]));
    // Rows older than every month made (the month 7 days ago is the first) stay in the default:
    // the 75-day-old ones, and those of the 40 days before the month 7 days ago.
    expect(byPart.sendgrid_events_default).toMatchObject({ recent: false });
    expect(byPart.sendgrid_events_default.n).toBeGreaterThanOrEqual(PRACTICES * 5);
    const months = events.rows.filter((r) => r.part !== 'sendgrid_events_default');
    expect(months.length).toBeGreaterThanOrEqual(2);
    for (const m of months)
      expect(m, m.part).toMatchObject({ part: expect.stringMatching(/_y\d{4}m\d{2}$/), recent: true });
    // The keys: (tenant_id, message_id, attempt) and (tenant_id, sg_event_id, received_at), and
    // one id per practice in each SendGrid partition.
    const keys = await owner.query(`
      SELECT conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype = 'p' AND conrelid IN ('delivery_attempts'::regclass, 'sendgrid_events'::regclass) ORDER BY 1`);
    expect(keys.rows).toEqual([
      { tbl: 'delivery_attempts', def: 'PRIMARY KEY (tenant_id, message_id, attempt)' },
      { tbl: 'sendgrid_events', def: 'PRIMARY KEY (tenant_id, sg_event_id, received_at)' },
    ]);
    const unique = await owner.query(`
      SELECT c.relname, (SELECT count(*)::int FROM pg_index x JOIN pg_class ix ON ix.oid = x.indexrelid
                         WHERE x.indrelid = c.oid AND x.indisunique AND ix.relname = c.relname || '_event') AS n
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'sendgrid_events'::regclass`);
    expect(unique.rows.length).toBeGreaterThanOrEqual(5);
    for (const row of unique.rows) expect(row, row.relname).toMatchObject({ n: 1 });
  });

  it('enforces the foreign keys into messages and the one-message-per-provider-id rule', async () => {
    const [t] = tenants;
    const orphan = await refusalOf(
      owner.query(
        `INSERT INTO attachments (id, tenant_id, message_id, position, status) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 0, 'pending')`,
        [t],
      ),
    );
    expect(orphan?.code).toBe('foreign_key_violation');
    // A UUIDv7 message id of this month (a month partition) that no message has.
    const orphanAttempt = await refusalOf(
      owner.query(
        `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
         VALUES (gen_random_uuid(), $1, uuid_v7_floor(now()), 1, 'plain')`,
        [t],
      ),
    );
    expect(orphanAttempt?.code).toBe('foreign_key_violation');
    const orphanLegacy = await refusalOf(
      owner.query(
        `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 1, 'plain')`,
        [t],
      ),
    );
    expect(orphanLegacy?.code).toBe('foreign_key_violation');
    const otherChannel = await refusalOf(
      owner.query(
        `INSERT INTO sendgrid_events (tenant_id, sg_event_id, channel_id) VALUES ($1, 'orphan', gen_random_uuid())`,
        [t],
      ),
    );
    expect(otherChannel?.code).toBe('foreign_key_violation');
    const referenced = await refusalOf(
      owner.query(`DELETE FROM messages WHERE id = (SELECT message_id FROM delivery_attempts LIMIT 1)`),
    );
    expect(referenced?.code).toBe('foreign_key_violation');
    const { rows } = await owner.query(
      `SELECT * FROM messages WHERE provider_message_id IS NOT NULL LIMIT 1`,
    );
    const duplicate = await refusalOf(
      owner.query(
        `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status, provider_message_id)
         VALUES (gen_random_uuid(), $1, $2, $3, 'inbound', 'message', 'received', $4)`,
        [rows[0].tenant_id, rows[0].conversation_id, rows[0].channel, rows[0].provider_message_id],
      ),
    );
    expect(duplicate).toMatchObject({ code: 'unique_violation', constraint: 'messages_provider_id' });
  });

  it('forces row-level security with the tenant policy on every partition, and the app role cannot name one', async () => {
    const { rows } = await owner.query(`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation') AS policies
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent IN ('messages'::regclass, 'audit_events'::regclass,
                            'delivery_attempts'::regclass, 'sendgrid_events'::regclass)`);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) {
      expect(row, row.relname).toMatchObject({
        relrowsecurity: true,
        relforcerowsecurity: true,
        policies: 1,
      });
    }
    const [a, b] = tenants as [string, string];
    await asApp(a, async (c) => {
      const seen = await c.query(`SELECT tenant_id, count(*)::int AS n FROM messages GROUP BY 1`);
      expect(seen.rows).toEqual([{ tenant_id: a, n: expect.any(Number) }]);
      const events = await c.query(`SELECT DISTINCT tenant_id FROM audit_events`);
      expect(events.rows).toEqual([{ tenant_id: a }]);
      for (const table of ['delivery_attempts', 'sendgrid_events']) {
        const own = await c.query(`SELECT DISTINCT tenant_id FROM ${table}`);
        expect(own.rows, table).toEqual([{ tenant_id: a }]);
      }
      await expect(c.query(`SELECT count(*) FROM messages_default`)).rejects.toThrow(/permission denied/);
    });
    for (const part of ['delivery_attempts_default', 'sendgrid_events_default']) {
      await asApp(a, async (c) => {
        await expect(c.query(`SELECT count(*) FROM ${part}`), part).rejects.toThrow(/permission denied/);
      });
    }
    // A role granted a partition itself is filtered by the partition's own policy.
    const reader = `${appRole}_reader`;
    await owner.query(`CREATE ROLE "${reader}" NOLOGIN`);
    await owner.query(`GRANT SELECT ON messages_default TO "${reader}"`);
    await owner.query(`GRANT EXECUTE ON FUNCTION app_current_tenant() TO "${reader}"`);
    const c = await owner.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL ROLE "${reader}"`);
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [b]);
      const { rows: seen } = await c.query(`SELECT DISTINCT tenant_id FROM messages_default`);
      expect(seen).toEqual([{ tenant_id: b }]);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit events on a partition, as on the table', async () => {
    const { rows } = await owner.query(
      `SELECT tableoid::regclass::text AS part, id FROM audit_events LIMIT 1`,
    );
    const { part, id: eventId } = rows[0];
    for (const sql of [
      `UPDATE ${part} SET action = 'test.rewritten' WHERE id = $1`,
      `DELETE FROM ${part} WHERE id = $1`,
      `UPDATE audit_events SET action = 'test.rewritten' WHERE id = $1`,
    ]) {
      await expect(owner.query(sql, [eventId]), sql).rejects.toThrow(/append-only/);
    }
    await expect(owner.query(`TRUNCATE ${part}`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE audit_events_default`)).rejects.toThrow(/append-only/);
  });

  it('the maintenance creates months ahead, moving a legacy id out of the default partition, and loses nothing', async () => {
    const created = await app.query<{ name: string }>(`SELECT ensure_month_partitions(8) AS name`);
    // months 4..8 ahead, of the four tables (the stray's month brings its attempts' month along)
    expect(created.rows.map((r) => r.name)).toHaveLength(20);
    const again = await app.query(`SELECT ensure_month_partitions(8) AS name`);
    expect(again.rows).toEqual([]);
    const { rows } = await owner.query(
      `SELECT tableoid::regclass::text AS part FROM messages WHERE id = $1`,
      [strayId],
    );
    expect(rows[0].part).toMatch(/^messages_y\d{4}m\d{2}$/);
    const attempt = await owner.query(
      `SELECT tableoid::regclass::text AS part FROM delivery_attempts WHERE message_id = $1`,
      [strayId],
    );
    expect(attempt.rows).toEqual([{ part: rows[0].part.replace('messages', 'delivery_attempts') }]);
    const attached = await owner.query(
      `SELECT count(*)::int AS n FROM pg_class c WHERE c.relname ~ '^delivery_attempts_y' AND NOT c.relispartition`,
    );
    expect(attached.rows[0].n).toBe(0);
    const notValid = await owner.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE confrelid = 'messages'::regclass AND NOT convalidated`,
    );
    expect(notValid.rows[0].n).toBeGreaterThan(0);
    const validated = await app.query(`SELECT validate_partition_foreign_keys() AS name`);
    expect(validated.rows.length).toBe(notValid.rows[0].n);
    const after = await owner.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE confrelid = 'messages'::regclass AND NOT convalidated`,
    );
    expect(after.rows[0].n).toBe(0);
    // The moved message is still referenced, and still protected by the keys.
    const referenced = await refusalOf(owner.query(`DELETE FROM messages WHERE id = $1`, [strayId]));
    expect(referenced?.code).toBe('foreign_key_violation');
    expect(await checksums()).toEqual(before);
    const misplaced = await app.query(
      `SELECT parent, misplaced::int AS n FROM partition_default_rows() ORDER BY 1`,
    );
    expect(misplaced.rows).toEqual([
      { parent: 'audit_events', n: 0 },
      { parent: 'delivery_attempts', n: 0 },
      { parent: 'messages', n: 0 },
      { parent: 'sendgrid_events', n: 0 },
    ]);
  });

  it('keeps a SendGrid event retried across a month boundary a no-op, also while its first sighting has not committed', async () => {
    const [t] = tenants as [string];
    const { rows } = await owner.query(
      `SELECT (SELECT id FROM channels WHERE tenant_id = $1) AS channel,
              date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '2 months' AS boundary`,
      [t],
    );
    const channel = rows[0].channel as string;
    const boundary = new Date(rows[0].boundary);
    const lastMinute = new Date(boundary.getTime() - 60_000);
    const nextHour = new Date(boundary.getTime() + 3_600_000);
    const sight = async (c: pg.PoolClient, eventId: string, at: Date): Promise<boolean> =>
      (await c.query(RECORD_SIGHTING.text, [t, eventId, channel, at])).rows[0].first;
    const committed = async (eventId: string, at: Date): Promise<boolean> => {
      const c = await openAppTx(t);
      const first = await sight(c, eventId, at);
      await end(c, 'COMMIT');
      return first;
    };

    expect(await committed('straddle-1', lastMinute)).toBe(true);
    expect(await committed('straddle-1', nextHour)).toBe(false); // the retry, in the next month
    expect(await committed('straddle-1', new Date(lastMinute.getTime() + 30_000))).toBe(false);
    expect(await committed('straddle-1', new Date(boundary.getTime() + 2 * 86_400_000))).toBe(false);
    expect(await committed('straddle-other', nextHour)).toBe(true);
    expect(await committed('straddle-other', new Date(nextHour.getTime() + 86_400_000))).toBe(false);

    // The first sighting is still in flight when the retry arrives in the next month: the retry
    // waits for it, then finds the id taken.
    const first = await openAppTx(t);
    expect(await sight(first, 'straddle-2', lastMinute)).toBe(true);
    const retry = await openAppTx(t);
    const retried = sight(retry, 'straddle-2', nextHour);
    for (;;) {
      const waiting = await owner.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'`,
        [appRole],
      );
      if (waiting.rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await end(first, 'COMMIT');
    expect(await retried).toBe(false);
    await end(retry, 'COMMIT');
    // Two claims at most: the first sighting's and the retry's own in its month (harmless).
    const stored = await owner.query(
      `SELECT tableoid::regclass::text AS part FROM sendgrid_events WHERE sg_event_id = 'straddle-2' ORDER BY 1`,
    );
    expect(stored.rows.length).toBeLessThanOrEqual(2);
  });

  it('drops a month of SendGrid events once it ended 7 days ago, auditing each practice its count; a held practice keeps its rows', async () => {
    const [a, b, held] = tenants as [string, string, string];
    const { rows: made } = await owner.query(
      `SELECT create_month_partition('sendgrid_events', date_trunc('month', (now() - interval '75 days') AT TIME ZONE 'UTC')::date) AS name`,
    );
    const old = made[0].name as string;
    const counts = async (): Promise<Record<string, number>> => {
      const { rows } = await owner.query(`SELECT tenant_id, count(*)::int AS n FROM ${old} GROUP BY 1`);
      return Object.fromEntries(rows.map((r) => [r.tenant_id, r.n]));
    };
    const inOld = await counts();
    expect(inOld[a]).toBeGreaterThanOrEqual(5);
    const { rows: users } = await owner.query(
      `INSERT INTO users (id, tenant_id, email, email_normalized, name, role)
       VALUES (gen_random_uuid(), $1, 'hold@example.test', 'hold@example.test', 'Hold', 'owner') RETURNING id`,
      [held],
    );
    await owner.query(
      `INSERT INTO legal_holds (id, tenant_id, placed_by) VALUES (gen_random_uuid(), $1, $2)`,
      [held, users[0].id],
    );
    const heldRows = await owner.query(
      `SELECT sg_event_id, received_at FROM ${old} WHERE tenant_id = $1 ORDER BY 1`,
      [held],
    );
    const total = (await owner.query(`SELECT count(*)::int AS n FROM sendgrid_events`)).rows[0].n;

    // Asked for a younger bound, the function still keeps 7 days: only the old month goes.
    const { rows: dropped } = await app.query(
      `SELECT partition, tenant_id, purged::int AS purged FROM drop_expired_sendgrid_event_partitions(now())
       ORDER BY tenant_id`,
    );
    expect(dropped).toEqual(
      [a, b].toSorted().map((tenantId) => ({ partition: old, tenant_id: tenantId, purged: inOld[tenantId] })),
    );
    const gone = await owner.query(`SELECT to_regclass($1) AS t`, [old]);
    expect(gone.rows[0].t).toBeNull();
    const after = (await owner.query(`SELECT count(*)::int AS n FROM sendgrid_events`)).rows[0].n;
    expect(after).toBe(total - inOld[a]! - inOld[b]!);
    const kept = await owner.query(
      `SELECT tableoid::regclass::text AS part, sg_event_id FROM sendgrid_events
       WHERE tenant_id = $1 AND sg_event_id = ANY($2::text[]) ORDER BY 2`,
      [held, heldRows.rows.map((r) => r.sg_event_id)],
    );
    expect(kept.rows.map((r) => r.sg_event_id)).toEqual(heldRows.rows.map((r) => r.sg_event_id));
    for (const row of kept.rows) expect(row.part).toBe('sendgrid_events_default');
    const audit = await owner.query(
      `SELECT tenant_id, actor_type, actor_id, action, target_type, target_id, metadata FROM audit_outbox
       WHERE action = 'retention.purged' ORDER BY tenant_id`,
    );
    expect(audit.rows).toEqual(
      [a, b].toSorted().map((tenantId) => ({
        tenant_id: tenantId,
        actor_type: 'system',
        actor_id: 'retention_sweep',
        action: 'retention.purged',
        target_type: 'practice',
        target_id: tenantId,
        metadata: { kind: 'partitions', sendgridEvents: inOld[tenantId] },
      })),
    );
    const again = await app.query(
      `SELECT * FROM drop_expired_sendgrid_event_partitions(now() - interval '7 days')`,
    );
    expect(again.rows).toEqual([]);
    const misplaced = await app.query(
      `SELECT misplaced::int AS n FROM partition_default_rows() WHERE parent = 'sendgrid_events'`,
    );
    expect(misplaced.rows).toEqual([{ n: 0 }]);
  });
});
