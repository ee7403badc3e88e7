import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, normalizeDatabaseError } from '@app/database';
import { PG_ADMIN_URL } from '@app/testing';

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
};

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
    expect(await checksums()).toEqual(before);
    const { rows } = await owner.query(`
      SELECT (SELECT relkind FROM pg_class WHERE relname = 'messages') AS messages,
             (SELECT relkind FROM pg_class WHERE relname = 'audit_events') AS audit_events,
             (SELECT count(*)::int FROM message_provider_ids) AS claims,
             (SELECT count(*)::int FROM messages WHERE provider_message_id IS NOT NULL) AS provider_ids`);
    expect(rows[0]).toMatchObject({ messages: 'p', audit_events: 'p' });
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

  it('enforces the foreign keys into messages and the one-message-per-provider-id rule', async () => {
    const [t] = tenants;
    const orphan = await refusalOf(
      owner.query(
        `INSERT INTO attachments (id, tenant_id, message_id, position, status) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 0, 'pending')`,
        [t],
      ),
    );
    expect(orphan?.code).toBe('foreign_key_violation');
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
      WHERE i.inhparent IN ('messages'::regclass, 'audit_events'::regclass)`);
    expect(rows.length).toBeGreaterThanOrEqual(10);
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
      await expect(c.query(`SELECT count(*) FROM messages_default`)).rejects.toThrow(/permission denied/);
    });
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
    expect(created.rows.map((r) => r.name)).toHaveLength(10); // months 4..8 ahead, of both tables
    const again = await app.query(`SELECT ensure_month_partitions(8) AS name`);
    expect(again.rows).toEqual([]);
    const { rows } = await owner.query(
      `SELECT tableoid::regclass::text AS part FROM messages WHERE id = $1`,
      [strayId],
    );
    expect(rows[0].part).toMatch(/^messages_y\d{4}m\d{2}$/);
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
      { parent: 'messages', n: 0 },
    ]);
  });
});
