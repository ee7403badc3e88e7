import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import argon2 from 'argon2';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { KeyRingService, type TenantCipher } from '@app/crypto';
import { REPORT_FACTS_BACKFILL_SQL, TenantDb, migrate, uuidV7Sql } from '@app/database';

/** Full size: 20 practices, 100k contacts, 200k conversations, 1M messages. */
export const FULL = { practices: 20, contacts: 100_000, conversations: 200_000, messages: 1_000_000 };

export interface SeededDataset {
  database: string;
  ownerUrl: string;
  appUrl: string;
  /** Master key the tenant keys are wrapped with (bench data only, kept beside it in .seed/). */
  masterKey: string;
  /** The busiest practice and a front-desk login of it (MFA not required for that role). */
  practiceId: string;
  staff: { email: string; password: string; userId: string };
  /** A conversation of that practice with many messages (the messages page to time). */
  busyConversationId: string;
  sizes: { practices: number; contacts: number; conversations: number; messages: number };
  seconds: number;
}

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAMES = [
  'Ana Lopez',
  'Ben Carter',
  'Chloe Ng',
  'Dev Patel',
  'Eli Moss',
  'Fay Wong',
  'Gus Hale',
  'Hana Ito',
];
const BODIES = [
  'Hi, can I move my appointment to Thursday afternoon?',
  'Thanks, see you then.',
  'Is the clinic open on Saturday?',
  'I got a bill I do not understand, can someone call me?',
  'Please send the forms again, the link expired.',
  'Running 10 minutes late, sorry!',
];
const BODY_POOL = 200;

function urlFor(database: string, user?: string, password?: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  if (user) u.username = user;
  if (password) u.password = password;
  return u.toString();
}

/** Zipf-like shares: practice i gets 1/(i+1) of the weight, so a few practices are much busier. */
function shares(total: number, practices: number): number[] {
  const weights = Array.from({ length: practices }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(1, Math.round((total * w) / sum)));
}

/**
 * The dataset described by `scale` (1 = FULL) in database `database`, generated unless the
 * `.seed/<database>.json` of an earlier run says it exists. Contacts, conversations and
 * messages are written by generate_series/unnest as the owner, with triggers off (counters
 * and tag rows are rebuilt in one statement each at the end). Every PHI column holds real
 * ciphertext of the practice's key; bodies, previews and names come from a small pool per
 * practice encrypted once and reused (fine for a benchmark; phone numbers are unique).
 */
export async function seedLargeDataset(database: string, scale = 1): Promise<SeededDataset> {
  const metaFile = `.seed/${database}.json`;
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as SeededDataset;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    await admin.end();
    if (rowCount) return meta;
  }
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(database)) throw new Error(`seed: unusual database name ${database}`);
  const started = performance.now();
  const size = {
    practices: FULL.practices,
    contacts: Math.round(FULL.contacts * scale),
    conversations: Math.round(FULL.conversations * scale),
    messages: Math.round(FULL.messages * scale),
  };
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const ownerUrl = urlFor(database);
  const appUrl = urlFor(database, `${database}_app`, randomBytes(12).toString('hex'));
  await migrate({ ownerUrl, appUrl });

  const masterKey = randomBytes(32).toString('base64');
  const ds = await new DataSource({ type: 'postgres', url: ownerUrl, extra: { max: 2 } }).initialize();
  const db = new TenantDb(ds);
  const ring = new KeyRingService({
    MASTER_KEY: masterKey,
    MASTER_KEY_PREVIOUS: [],
    DATA_KEY_CACHE_SECONDS: 3600,
  });
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const password = `Bench-Staff-${randomBytes(6).toString('hex')}`;
  const passwordHash = await argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
  });
  const contacts = shares(size.contacts, size.practices);
  const conversations = shares(size.conversations, size.practices);
  const messages = shares(size.messages, size.practices);
  let first: Pick<SeededDataset, 'practiceId' | 'staff'> | null = null;
  try {
    // Triggers (counters, tag rows, lead-stage copies) per row would dominate: off, rebuilt below.
    await owner.query(`SET session_replication_role = replica`);
    await owner.query(`SET maintenance_work_mem = '512MB'`);
    // Messages' ids are UUIDv7 of their created_at: each lands in its month's partition, which
    // must exist first (the migration makes this month's and the next; the data spans a year).
    await owner.query(
      `SELECT create_month_partition('messages', m::date)
       FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '13 months',
                            date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') m`,
    );
    // Secondary indexes are built once after the load instead of updated row by row.
    const deferred = await dropSecondaryIndexes(owner, ['contacts', 'conversations', 'messages']);
    for (let i = 0; i < size.practices; i++) {
      const practiceId = randomUUID();
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [
        practiceId,
        `Large Practice ${i + 1}`,
      ]);
      await db.forTenant(practiceId, (tx) => ring.createTenantKeys(tx));
      const cipher = await db.forTenant(practiceId, (tx) => ring.forTenant(tx));
      const staff = await insertStaff(owner, practiceId, i, passwordHash);
      first ??= { practiceId, staff: { email: staff.email, password, userId: staff.ids[0]! } };
      await insertContacts(owner, cipher, practiceId, contacts[i]!, i);
      await insertConversations(owner, cipher, practiceId, conversations[i]!, staff.ids);
      await insertMessages(owner, cipher, practiceId, messages[i]!, staff.ids[0]!);
      process.stderr.write(
        `seed: practice ${i + 1}/${size.practices}: ${contacts[i]} contacts, ${conversations[i]} conversations, ${messages[i]} messages\n`,
      );
    }
    for (const [k, def] of deferred.entries()) {
      process.stderr.write(`seed: index ${k + 1}/${deferred.length}\n`);
      await owner.query(def);
    }
    await owner.query(`SET session_replication_role = origin`);
    // Statistics before the backfill joins below: partitions filled in one go have none yet, and
    // the planner would take each for a few rows (nested loops over a million).
    await owner.query(`ANALYZE contacts, conversations, messages`);
    // The report facts (first inbound, first staff reply, waiting episodes, contact sources), as
    // the migration fills them for existing rows; then ~5% of the waiting ones marked over SLA.
    await owner.query(REPORT_FACTS_BACKFILL_SQL);
    await owner.query(
      `UPDATE conversations SET sla_breached_at = waiting_since + interval '1 hour'
       WHERE waiting_since IS NOT NULL AND status = 'open' AND random() < 0.05`,
    );
    await owner.query(`
      INSERT INTO conversation_counts (tenant_id, status, assignee_id, n)
        SELECT tenant_id, status, assignee_id, count(*) FROM conversations GROUP BY 1, 2, 3;
      INSERT INTO conversation_tags (tenant_id, tag, conversation_id, last_message_at)
        SELECT tenant_id, unnest(tags), id, last_message_at FROM conversations`);
    await owner.query(`VACUUM ANALYZE`);
    const [busy] = (
      await owner.query<{ id: string }>(
        `SELECT conversation_id AS id FROM messages WHERE tenant_id = $1
         GROUP BY conversation_id ORDER BY count(*) DESC LIMIT 1`,
        [first!.practiceId],
      )
    ).rows;
    const seeded: SeededDataset = {
      database,
      ownerUrl,
      appUrl,
      masterKey,
      ...first!,
      busyConversationId: busy!.id,
      sizes: size,
      seconds: Math.round((performance.now() - started) / 1000),
    };
    mkdirSync('.seed', { recursive: true });
    writeFileSync(metaFile, `${JSON.stringify(seeded, null, 2)}\n`, { mode: 0o600 });
    return seeded;
  } finally {
    await owner.end();
    await ds.destroy();
  }
}

/**
 * Drops the indexes of `tables` that back no constraint (keys and the foreign keys that need
 * them stay); returns their definitions, to run once the rows are in.
 */
async function dropSecondaryIndexes(owner: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await owner.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const { name } of rows) await owner.query(`DROP INDEX ${name}`);
  // A partitioned table's index reads `ON ONLY` (the parent alone, left invalid): build it on
  // every partition.
  return rows.map((r) => r.def.replace(/ ON ONLY /, ' ON '));
}

async function insertStaff(owner: pg.Client, tenantId: string, practice: number, passwordHash: string) {
  const ids = Array.from({ length: 6 }, () => randomUUID());
  const email = `frontdesk.${practice + 1}.${randomBytes(3).toString('hex')}@large.test`;
  const roles = ['front_desk', 'provider', 'provider', 'front_desk', 'billing', 'admin'];
  await owner.query(
    `INSERT INTO users (id, tenant_id, email, email_normalized, name, role, password_hash)
     SELECT id, $2, e, e, 'Staff ' || ord, role, $3
     FROM unnest($1::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS s(id, e, role, ord)`,
    [
      ids,
      tenantId,
      passwordHash,
      ids.map((_, k) => (k === 0 ? email : `staff${k}.${randomBytes(3).toString('hex')}@large.test`)),
      roles,
    ],
  );
  await owner.query(
    `INSERT INTO login_directory (email_normalized, user_id, tenant_id)
     SELECT email_normalized, id, tenant_id FROM users WHERE tenant_id = $1`,
    [tenantId],
  );
  return { ids, email };
}

async function insertContacts(
  owner: pg.Client,
  cipher: TenantCipher,
  tenantId: string,
  n: number,
  practice: number,
) {
  const names = NAMES.map((name) => cipher.encrypt('contacts.name', name));
  const batch = 10_000;
  for (let start = 0; start < n; start += batch) {
    const count = Math.min(batch, n - start);
    const phones = Array.from(
      { length: count },
      (_, k) => `+1555${String(practice).padStart(2, '0')}${String(start + k).padStart(5, '0')}`,
    );
    await owner.query(
      `INSERT INTO contacts (id, tenant_id, name_enc, phone_enc, phone_bidx, lead_stage, last_activity_at, created_at)
       SELECT gen_random_uuid(), $1, ($2::bytea[])[1 + (ord % $5)], p_enc, p_bidx,
              (ARRAY[NULL, NULL, NULL, 'new', 'contacted', 'scheduled', 'patient', 'lost'])[1 + ord % 8],
              now() - random() * interval '365 days', now() - power(random(), 2) * interval '365 days'
       FROM unnest($3::bytea[], $4::bytea[]) WITH ORDINALITY AS s(p_enc, p_bidx, ord)`,
      [
        tenantId,
        names,
        phones.map((p) => cipher.encrypt('contacts.phone', p)),
        phones.map((p) => cipher.blindIndex('phone', p)),
        names.length,
      ],
    );
  }
}

/**
 * Conversations over the practice's contacts (a contact's second one is an older, closed one:
 * one not-closed conversation per contact); recency skewed (most activity is recent); ~80%
 * closed overall; 40% unassigned; 10% tagged billing, 2% follow-up.
 */
async function insertConversations(
  owner: pg.Client,
  cipher: TenantCipher,
  tenantId: string,
  n: number,
  staffIds: string[],
) {
  const previews = BODIES.map((b) => cipher.encrypt('conversations.last_message_preview', b));
  await owner.query(`DROP TABLE IF EXISTS seed_contacts`);
  await owner.query(
    `CREATE TEMP TABLE seed_contacts AS
     SELECT row_number() OVER () - 1 AS n, id, lead_stage FROM contacts WHERE tenant_id = $1`,
    [tenantId],
  );
  await owner.query(`CREATE UNIQUE INDEX ON seed_contacts (n)`);
  const contacts = Number(
    (await owner.query<{ c: string }>(`SELECT count(*) AS c FROM seed_contacts`)).rows[0]!.c,
  );
  await owner.query(
    `INSERT INTO conversations (id, tenant_id, contact_id, status, snoozed_until, assignee_id, tags, lead_stage,
       last_message_at, last_message_preview_enc, last_channel, unread_count, created_at, closed_at)
     SELECT gen_random_uuid(), $1, k.id, s.status,
            CASE WHEN s.status = 'snoozed' THEN now() + random() * interval '7 days' END,
            CASE WHEN g % 5 < 2 THEN NULL ELSE ($3::uuid[])[1 + g % cardinality($3::uuid[])] END,
            CASE WHEN g % 10 = 0 THEN ARRAY['billing'] WHEN g % 50 = 1 THEN ARRAY['follow-up'] ELSE '{}' END,
            k.lead_stage, t.at, ($2::bytea[])[1 + g % cardinality($2::bytea[])],
            (ARRAY['sms', 'sms', 'sms', 'email', 'email', 'webform', 'chat'])[1 + g % 7],
            CASE WHEN s.status = 'closed' THEN 0 ELSE g % 4 END, t.at - interval '3 days',
            CASE WHEN s.status = 'closed' THEN t.at END
     -- random() in a subquery's select list runs per row (an uncorrelated LATERAL would run once).
     FROM (SELECT g, now() - power(random(), 3) * interval '365 days' AS at FROM generate_series(1, $4) g) t
     JOIN seed_contacts k ON k.n = (g - 1) % $5
     CROSS JOIN LATERAL (SELECT CASE WHEN g > $5 OR g % 25 < 15 THEN 'closed' WHEN g % 25 < 20 THEN 'open'
                                     WHEN g % 25 < 23 THEN 'pending' ELSE 'snoozed' END AS status) s`,
    [tenantId, previews, staffIds, n, contacts],
  );
  await owner.query(`DROP TABLE seed_contacts`);
  // The bench user has read about half of what it sees.
  await owner.query(
    `INSERT INTO conversation_reads (tenant_id, user_id, conversation_id, read_up_to)
     SELECT tenant_id, $2, id, last_message_at FROM conversations WHERE tenant_id = $1 AND random() < 0.5`,
    [tenantId, staffIds[0]],
  );
}

/**
 * Messages spread over the practice's conversations with a power law (a few long threads,
 * many short ones), each at or before its conversation's last activity; 1 in 20 is a note; 1 in
 * 30 is a secure message (half of those read).
 */
async function insertMessages(
  owner: pg.Client,
  cipher: TenantCipher,
  tenantId: string,
  n: number,
  authorId: string,
) {
  const bodies = Array.from({ length: BODY_POOL }, (_, k) =>
    cipher.encrypt('messages.body', `${BODIES[k % BODIES.length]} (#${k})`),
  );
  await owner.query(`DROP TABLE IF EXISTS seed_conv`);
  await owner.query(
    `CREATE TEMP TABLE seed_conv AS
     SELECT row_number() OVER (ORDER BY last_message_at DESC) - 1 AS n, id, contact_id, last_channel, last_message_at
     FROM conversations WHERE tenant_id = $1`,
    [tenantId],
  );
  await owner.query(`CREATE UNIQUE INDEX ON seed_conv (n)`);
  const { rows } = await owner.query<{ count: string }>(`SELECT count(*) FROM seed_conv`);
  const conversations = Number(rows[0]!.count);
  const batch = 100_000;
  for (let start = 0; start < n; start += batch) {
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, body_enc, status,
         author_user_id, delivery_route, created_at)
       SELECT ${uuidV7Sql('t.at')}, $1, c.id, c.contact_id, c.last_channel, d.direction, d.kind,
              ($2::bytea[])[1 + (g % $5)], d.status, CASE WHEN d.direction = 'outbound' THEN $6::uuid END,
              CASE WHEN d.kind = 'message' AND d.direction = 'outbound'
                   THEN CASE WHEN g % 30 = 3 THEN 'secure_link' ELSE 'plain' END END,
              t.at
       FROM (SELECT g, floor($4 * power(random(), 2.5))::bigint AS n FROM generate_series(1, $3) g) pick
       JOIN seed_conv c ON c.n = pick.n
       -- The message's time, which its id carries.
       CROSS JOIN LATERAL (SELECT c.last_message_at - (g % 97) * interval '17 minutes'
                                  - random() * interval '1 minute' AS at) t
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 = 0 THEN 'note' ELSE 'message' END AS kind,
                                  CASE WHEN g % 3 = 0 OR g % 20 = 0 THEN 'outbound' ELSE 'inbound' END AS direction,
                                  CASE WHEN g % 20 = 0 THEN 'internal' WHEN g % 60 = 3 THEN 'read'
                                       WHEN g % 3 = 0 THEN 'delivered' ELSE 'received' END AS status) d`,
      [tenantId, bodies, Math.min(batch, n - start), conversations, BODY_POOL, authorId],
    );
  }
  await owner.query(`DROP TABLE seed_conv`);
}
