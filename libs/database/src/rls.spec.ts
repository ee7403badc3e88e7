import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDataSource, appPool, countRoundTrips, newTenantId, ownerPool } from '@app/testing';
import { APP_TABLE_GRANTS } from './app-role.js';
import { PreparedSql } from './prepared-sql.js';
import { tenantScope } from './tenant-scope.js';
import { normalizeDatabaseError } from './database-error.js';
import { TenantContextMissingError, TenantDb } from './tenant-db.js';

/** The normalized error a piece of work failed with. */
async function refusalOf(work: Promise<unknown>) {
  return normalizeDatabaseError(await work.catch((e: unknown) => e));
}

// Row-level security, proven as the app role the api and worker connect as.
describe('tenant isolation (row-level security as the app role)', () => {
  let owner: pg.Pool;
  let app: pg.Pool;
  const a = { tenant: newTenantId(), contact: randomUUID(), conversation: randomUUID() };
  const b = { tenant: newTenantId(), contact: randomUUID(), conversation: randomUUID() };

  async function asTenant<T>(tenantId: string | null, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await app.connect();
    try {
      await client.query('BEGIN');
      if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await work(client);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    for (const t of [a, b]) {
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Practice')`, [t.tenant]);
      await owner.query(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [t.contact, t.tenant]);
      await owner.query(`INSERT INTO conversations (id, tenant_id, contact_id) VALUES ($1, $2, $3)`, [
        t.conversation,
        t.tenant,
        t.contact,
      ]);
    }
  });

  afterAll(async () => {
    await owner.end();
    await app.end();
  });

  it('connects as a role that is not superuser, not BYPASSRLS and owns no table', async () => {
    const { rows } = await app.query(`
      SELECT rolsuper, rolbypassrls,
             (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
      FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('forces RLS with a policy on every table the app role can touch', async () => {
    const { rows } = await owner.query(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c WHERE c.relname = ANY($1) ORDER BY c.relname`,
      [Object.keys(APP_TABLE_GRANTS)],
    );
    expect(rows).toHaveLength(Object.keys(APP_TABLE_GRANTS).length);
    for (const row of rows) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      expect(row.policies, row.relname).toBeGreaterThan(0);
    }
  });

  it('sees no tenant rows at all without a tenant context', async () => {
    await asTenant(null, async (c) => {
      for (const table of Object.keys(APP_TABLE_GRANTS)) {
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('tenant A reads only its own rows', async () => {
    await asTenant(a.tenant, async (c) => {
      const { rows } = await c.query('SELECT id FROM contacts');
      expect(rows.map((r) => r.id)).toEqual([a.contact]);
      const byId = await c.query('SELECT id FROM contacts WHERE id = $1', [b.contact]);
      expect(byId.rowCount).toBe(0);
      const practices = await c.query('SELECT id FROM practices');
      expect(practices.rows.map((r) => r.id)).toEqual([a.tenant]);
    });
  });

  it('tenant A cannot update tenant B rows (0 rows affected)', async () => {
    await asTenant(a.tenant, async (c) => {
      const res = await c.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [b.conversation]);
      expect(res.rowCount).toBe(0);
    });
    const { rows } = await owner.query('SELECT status FROM conversations WHERE id = $1', [b.conversation]);
    expect(rows[0].status).toBe('open');
  });

  it('tenant A cannot insert rows into tenant B', async () => {
    await expect(
      asTenant(a.tenant, (c) =>
        c.query(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [randomUUID(), b.tenant]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('tenant A cannot move its own row into tenant B', async () => {
    await expect(
      asTenant(a.tenant, (c) =>
        c.query(`UPDATE contacts SET tenant_id = $1 WHERE id = $2`, [b.tenant, a.contact]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('a row of tenant A cannot reference a parent of tenant B', async () => {
    // As owner (RLS off for superuser) to show the composite foreign key itself refuses it.
    await expect(
      owner.query(`INSERT INTO conversations (id, tenant_id, contact_id) VALUES ($1, $2, $3)`, [
        randomUUID(),
        a.tenant,
        b.contact,
      ]),
    ).rejects.toThrow(/foreign key/);
  });

  it('the media sweep setting shows pending attachment rows of every practice, nothing else, read-only', async () => {
    const rows: Record<string, string> = {};
    for (const [t, status] of [
      [a, 'pending'],
      [b, 'pending'],
      [a, 'failed'],
    ] as const) {
      const message = randomUUID();
      await owner.query(
        `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status)
         VALUES ($1, $2, $3, 'sms', 'inbound', 'message', 'received')`,
        [message, t.tenant, t.conversation],
      );
      const id = randomUUID();
      await owner.query(
        `INSERT INTO attachments (id, tenant_id, message_id, position, status, failure_reason)
         VALUES ($1, $2, $3, 0, $4, $5)`,
        [id, t.tenant, message, status, status === 'failed' ? 'fetch_failed' : null],
      );
      rows[`${t === a ? 'a' : 'b'}-${status}`] = id;
    }
    await asTenant(null, async (c) => {
      await c.query(`SELECT set_config('app.media_sweep', 'on', true)`);
      const { rows: seen } = await c.query(`SELECT id FROM attachments WHERE id = ANY($1::uuid[])`, [
        Object.values(rows),
      ]);
      expect(seen.map((r) => r.id).toSorted()).toEqual([rows['a-pending'], rows['b-pending']].toSorted());
      expect((await c.query(`SELECT count(*)::int AS n FROM messages`)).rows[0].n).toBe(0);
      const updated = await c.query(
        `UPDATE attachments SET status = 'failed', failure_reason = 'x' WHERE id = $1`,
        [rows['a-pending']],
      );
      expect(updated.rowCount).toBe(0);
    });
  });

  it('the upload sweep setting shows unclaimed stored uploads of every practice, not sent or inbound files, read-only', async () => {
    const rows: Record<string, string> = {};
    const add = async (key: string, tenant: string, opts: { message: boolean; status: string }) => {
      let message: string | null = null;
      if (opts.message) {
        message = randomUUID();
        await owner.query(
          `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status)
           VALUES ($1, $2, $3, 'sms', 'outbound', 'message', 'queued')`,
          [message, tenant, tenant === a.tenant ? a.conversation : b.conversation],
        );
      }
      const id = randomUUID();
      await owner.query(
        `INSERT INTO attachments (id, tenant_id, message_id, position, status, size_bytes, content_enc,
           failure_reason, uploaded_by)
         VALUES ($1, $2, $3, 0, $4, $5, $6, $7, $8)`,
        [
          id,
          tenant,
          message,
          opts.status,
          opts.status === 'stored' ? 1 : null,
          opts.status === 'stored' ? Buffer.from('x') : null,
          opts.status === 'failed' ? 'expired' : null,
          randomUUID(),
        ],
      );
      rows[key] = id;
    };
    await add('a-unclaimed', a.tenant, { message: false, status: 'stored' });
    await add('b-unclaimed', b.tenant, { message: false, status: 'stored' });
    await add('a-sent', a.tenant, { message: true, status: 'stored' });
    await add('a-emptied', a.tenant, { message: false, status: 'failed' });
    await asTenant(null, async (c) => {
      await c.query(`SELECT set_config('app.upload_sweep', 'on', true)`);
      const { rows: seen } = await c.query(`SELECT id FROM attachments WHERE id = ANY($1::uuid[])`, [
        Object.values(rows),
      ]);
      expect(seen.map((r) => r.id).toSorted()).toEqual([rows['a-unclaimed'], rows['b-unclaimed']].toSorted());
      const updated = await c.query(
        `UPDATE attachments SET status = 'failed', failure_reason = 'x', content_enc = NULL WHERE id = $1`,
        [rows['a-unclaimed']],
      );
      expect(updated.rowCount).toBe(0);
    });
    // A row is a message's attachment or a staff upload.
    await expect(
      owner.query(
        `INSERT INTO attachments (id, tenant_id, message_id, position, status, failure_reason)
         VALUES ($1, $2, NULL, 0, 'failed', 'x')`,
        [randomUUID(), a.tenant],
      ),
    ).rejects.toThrow(/attachments_message_or_upload/);
  });

  // Rows of the routed tables' parents, as the owner.
  const insertMessage = async (tenantId: string, conversationId: string) => {
    const id = randomUUID();
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, channel, direction, kind, status)
       VALUES ($1, $2, $3, 'sms', 'outbound', 'message', 'queued')`,
      [id, tenantId, conversationId],
    );
    return id;
  };
  const insertChannel = async (tenantId: string, type: string, publicKey: string | null) => {
    const id = randomUUID();
    await owner.query(
      `INSERT INTO channels (id, tenant_id, type, name, public_key) VALUES ($1, $2, $3, 'Channel', $4)`,
      [id, tenantId, type, publicKey],
    );
    await owner.query(
      `INSERT INTO channel_routes (channel_id, tenant_id, type, active, public_key) VALUES ($1, $2, $3, true, $4)`,
      [id, tenantId, type, publicKey],
    );
    return id;
  };

  // A patient-link table's row of tenant B (found by its token hash).
  const linkCase = (table: string, extra: string, extraValues: (string | Buffer)[]) => ({
    table,
    async insert(tenantId: string) {
      const hash = randomBytes(32);
      const messageId = await insertMessage(tenantId, b.conversation);
      await owner.query(
        `INSERT INTO ${table} (id, tenant_id, contact_id, message_id, address_enc, address_bidx, token_hash${extra ? `, ${extra}` : ''})
         VALUES ($1, $2, $3, $4, '\\x00', '\\x00', $5${extraValues.map((_, i) => `, $${i + 6}`).join('')})`,
        [randomUUID(), tenantId, b.contact, messageId, hash, ...extraValues],
      );
      return { key: 'token_hash', value: hash.toString('hex') };
    },
    setting: (value: string): [string, string] => ['app.route_link_token_hash', value],
    update: `UPDATE ${table} SET created_at = created_at WHERE token_hash = decode($1, 'hex')`,
  });

  describe('routed tables: a route setting shows a row of another practice, never lets it be changed', () => {
    // Each table whose policy lets a pre-tenant path read a row by a route setting: how to make a
    // row of tenant B, the setting that names it, and the write the app role would try.
    interface RoutedCase {
      table: string;
      insert: (tenantId: string) => Promise<{ key: string; value: string }>;
      setting: (value: string) => [string, string];
      update: string;
    }
    const cases: RoutedCase[] = [
      {
        table: 'delivery_outbox',
        async insert(tenantId) {
          const messageId = await insertMessage(tenantId, b.conversation);
          await owner.query(
            `INSERT INTO delivery_outbox (tenant_id, message_id, channel) VALUES ($1, $2, 'sms')`,
            [tenantId, messageId],
          );
          return { key: 'message_id', value: messageId };
        },
        setting: () => ['app.outbox_relay', 'on'],
        update: `UPDATE delivery_outbox SET relays = relays + 1 WHERE message_id = $1`,
      },
      {
        table: 'sms_inbound',
        async insert(tenantId) {
          const id = randomUUID();
          await owner.query(
            `INSERT INTO sms_inbound (id, tenant_id, channel_id, message_sid, payload) VALUES ($1, $2, $3, $4, '\\x00')`,
            [id, tenantId, randomUUID(), `SM${randomUUID().replaceAll('-', '')}`],
          );
          return { key: 'id', value: id };
        },
        setting: () => ['app.inbound_relay', 'on'],
        update: `UPDATE sms_inbound SET attempts = 99 WHERE id = $1`,
      },
      {
        table: 'channel_routes',
        async insert(tenantId) {
          return { key: 'channel_id', value: await insertChannel(tenantId, 'sms', null) };
        },
        setting: (value) => ['app.route_channel_id', value],
        update: `UPDATE channel_routes SET active = false WHERE channel_id = $1`,
      },
      {
        table: 'channel_routes',
        async insert(tenantId) {
          const publicKey = `wf_${randomBytes(16).toString('hex')}`;
          await insertChannel(tenantId, 'webform', publicKey);
          return { key: 'public_key', value: publicKey };
        },
        setting: (value) => ['app.route_public_key', value],
        update: `UPDATE channel_routes SET active = false WHERE public_key = $1`,
      },
      {
        table: 'chat_sessions',
        async insert(tenantId) {
          const channelId = await insertChannel(tenantId, 'chat', `ch_${randomBytes(16).toString('hex')}`);
          const id = randomUUID();
          await owner.query(
            `INSERT INTO chat_sessions (id, tenant_id, channel_id, contact_id, token_hash, expires_at)
             VALUES ($1, $2, $3, $4, $5, now() + interval '1 hour')`,
            [id, tenantId, channelId, b.contact, randomBytes(32)],
          );
          return { key: 'id', value: id };
        },
        setting: (value) => ['app.route_chat_session_id', value],
        update: `UPDATE chat_sessions SET expires_at = now() WHERE id = $1`,
      },
      {
        table: 'login_directory',
        async insert(tenantId) {
          const userId = randomUUID();
          const email = `${userId}@example.com`;
          await owner.query(
            `INSERT INTO users (id, tenant_id, email, email_normalized, name, role, password_hash)
             VALUES ($1, $2, $3, $3, 'Staff', 'owner', 'x')`,
            [userId, tenantId, email],
          );
          await owner.query(
            `INSERT INTO login_directory (email_normalized, user_id, tenant_id) VALUES ($1, $2, $3)`,
            [email, userId, tenantId],
          );
          return { key: 'email_normalized', value: email };
        },
        setting: (value) => ['app.login_email', value],
        update: `UPDATE login_directory SET created_at = now() WHERE email_normalized = $1`,
      },
      linkCase('secure_links', 'channel, expires_at', [
        'sms',
        new Date(Date.now() + 3_600_000).toISOString(),
      ]),
      linkCase('consent_requests', 'channel, disclosure_version, status, expires_at', [
        'sms',
        'v1',
        'live',
        new Date(Date.now() + 3_600_000).toISOString(),
      ]),
      linkCase('unsubscribe_links', '', []),
    ];

    it.each(cases.map((c) => [`${c.table} (${c.setting('x')[0]})`, c] as const))(
      '%s: tenant A reads it by its route, but cannot update or delete it',
      async (_name, c) => {
        const row = await c.insert(b.tenant);
        const [setting, value] = c.setting(row.value);
        const where = row.key === 'token_hash' ? `${row.key} = decode($1, 'hex')` : `${row.key} = $1`;
        const writes = APP_TABLE_GRANTS[c.table]!;
        await asTenant(a.tenant, async (client) => {
          await client.query(`SELECT set_config($1, $2, true)`, [setting, value]);
          // The routed read keeps working.
          expect((await client.query(`SELECT 1 FROM ${c.table} WHERE ${where}`, [row.value])).rowCount).toBe(
            1,
          );
          if (writes.includes('DELETE')) {
            const deleted = await client.query(`DELETE FROM ${c.table} WHERE ${where}`, [row.value]);
            expect(deleted.rowCount, 'DELETE').toBe(0);
          }
          if (writes.includes('UPDATE')) {
            expect((await client.query(c.update, [row.value])).rowCount, 'UPDATE').toBe(0);
          }
        });
        const { rows } = await owner.query(`SELECT to_jsonb(t) AS r FROM ${c.table} t WHERE ${where}`, [
          row.value,
        ]);
        expect(rows, 'the row is still there').toHaveLength(1);
      },
    );
  });

  describe('TenantDb', () => {
    let ds: DataSource;
    let db: TenantDb;
    beforeAll(async () => {
      ds = await appDataSource(4);
      db = new TenantDb(ds);
    });
    afterAll(() => ds.destroy());

    it('scopes a transaction to the tenant in the request context', async () => {
      const ids = await tenantScope.run({ tenantId: b.tenant }, () =>
        db.transaction((tx) => tx.query<{ id: string }>('SELECT id FROM contacts')),
      );
      expect(ids.map((r) => r.id)).toEqual([b.contact]);
    });

    it('refuses to run without a tenant in the context', async () => {
      await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(
        TenantContextMissingError,
      );
    });

    it('does not leak the tenant setting to the next user of the pooled connection', async () => {
      await db.forTenant(a.tenant, (tx) => tx.query('SELECT 1'));
      const rows = await ds.query(`SELECT count(*)::int AS n FROM contacts`);
      expect(rows[0].n).toBe(0);
    });

    it('runs before-commit hooks inside the transaction and rolls back with it', async () => {
      const id = randomUUID();
      await expect(
        db.forTenant(a.tenant, async (tx) => {
          await tx.query(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [id, a.tenant]);
          tx.beforeCommit(async () => {
            throw new Error('hook failed');
          });
        }),
      ).rejects.toThrow('hook failed');
      const { rowCount } = await owner.query('SELECT 1 FROM contacts WHERE id = $1', [id]);
      expect(rowCount).toBe(0);
    });

    it('rolls back a transaction whose only statements failed with its COMMIT, leaving the connection clean', async () => {
      const single = await appDataSource(1);
      try {
        const one = new TenantDb(single);
        await expect(
          one.forTenant(a.tenant, async (tx) => {
            tx.sendWithCommit(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [
              randomUUID(),
              b.tenant,
            ]);
          }),
        ).rejects.toThrow(/row-level security/);
        // The pool's one connection is usable again: not left inside the failed transaction.
        const ids = await one.forTenant(b.tenant, (tx) =>
          tx.query<{ id: string }>('SELECT id FROM contacts'),
        );
        expect(ids.map((r) => r.id)).toEqual([b.contact]);
      } finally {
        await single.destroy();
      }
    });

    it('refuses text with a NUL character as invalid_text, as the first statement or a later one', async () => {
      const nul = 'a\u0000b';
      // The first statement goes with BEGIN; a later one on its own.
      expect(
        await refusalOf(db.forTenant(a.tenant, (tx) => tx.query(`SELECT $1::text AS v`, [nul]))),
      ).toMatchObject({ code: 'invalid_text' });
      expect(
        await refusalOf(
          db.forTenant(a.tenant, async (tx) => {
            await tx.query('SELECT 1');
            return tx.query(`SELECT $1::text AS v`, [nul]);
          }),
        ),
      ).toMatchObject({ code: 'invalid_text' });
    });

    it('refuses a value pg cannot send before sending anything, leaving the connection usable, pipelined or not', async () => {
      const unsendable = {
        toPostgres: () => {
          throw new TypeError('no text for this value');
        },
      };
      const plain = ownerPool();
      const clients = [await app.connect(), await plain.connect()];
      try {
        for (const client of clients) {
          await expect(
            db.forTenantOn(client, a.tenant, (tx) => tx.query(`SELECT $1::text AS v`, [unsendable])),
          ).rejects.toThrow(/no text for this value/);
          const rows = await db.forTenantOn(client, a.tenant, (tx) => tx.query(`SELECT 1 AS one`));
          expect(rows).toEqual([{ one: 1 }]);
        }
      } finally {
        for (const client of clients) client.release();
        await plain.end();
      }
    });

    it("queryAndCommit returns the last statement's rows with the commit, after what rides with COMMIT", async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const rows = await db.forTenant(a.tenant, async (tx) => {
        tx.sendWithCommit(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [first, a.tenant]);
        const inserted = await tx.queryAndCommit<{ id: string; seen: number }>(
          `INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)
           RETURNING id, (SELECT count(*)::int FROM contacts WHERE id = $3) AS seen`,
          [second, a.tenant, first],
        );
        await expect(tx.query('SELECT 1')).rejects.toThrow(/already committed/);
        return inserted;
      });
      expect(rows).toEqual([{ id: second, seen: 1 }]);
      const { rowCount } = await owner.query('SELECT 1 FROM contacts WHERE id = ANY($1)', [[first, second]]);
      expect(rowCount).toBe(2);
    });

    it('queryEachAndCommit runs its statements in order, with COMMIT, and returns the rows of each', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const results = await db.forTenant(a.tenant, async (tx) => {
        const rows = await tx.queryEachAndCommit([
          [`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2) RETURNING id`, [first, a.tenant]],
          [
            `INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)
             RETURNING id, (SELECT count(*)::int FROM contacts WHERE id = $3) AS seen`,
            [second, a.tenant, first],
          ],
        ]);
        await expect(tx.query('SELECT 1')).rejects.toThrow(/already committed/);
        return rows;
      });
      expect(results).toEqual([[{ id: first }], [{ id: second, seen: 1 }]]);
      const { rowCount } = await owner.query('SELECT 1 FROM contacts WHERE id = ANY($1)', [[first, second]]);
      expect(rowCount).toBe(2);
    });

    it('queryAndCommit that fails leaves nothing written and the connection clean', async () => {
      const single = await appDataSource(1);
      try {
        const one = new TenantDb(single);
        const id = randomUUID();
        await expect(
          one.forTenant(a.tenant, async (tx) => {
            await tx.query(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [id, a.tenant]);
            return tx.queryAndCommit(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2) RETURNING id`, [
              randomUUID(),
              b.tenant,
            ]);
          }),
        ).rejects.toThrow(/row-level security/);
        expect((await owner.query('SELECT 1 FROM contacts WHERE id = $1', [id])).rowCount).toBe(0);
        const ids = await one.forTenant(b.tenant, (tx) =>
          tx.query<{ id: string }>('SELECT id FROM contacts'),
        );
        expect(ids.map((r) => r.id)).toEqual([b.contact]);
      } finally {
        await single.destroy();
      }
    });

    it('writeForTenants: each part writes as its tenant, all in one transaction; one refused part commits none', async () => {
      const [x, y, z] = [randomUUID(), randomUUID(), randomUUID()];
      const insert = `INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`;
      // A part sees only its own tenant's rows, not those of the part before it.
      const count = `INSERT INTO contacts (id, tenant_id, name_enc)
        SELECT $1, $2, convert_to((SELECT count(*) FROM contacts WHERE id = ANY($3))::text, 'UTF8')`;
      await db.writeForTenants([
        { tenantId: a.tenant, statements: [[insert, [x, a.tenant]]] },
        { tenantId: b.tenant, statements: [[count, [y, b.tenant, [x, b.contact]]]] },
      ]);
      const { rows } = await owner.query(
        `SELECT id, tenant_id, convert_from(name_enc, 'UTF8') AS seen FROM contacts WHERE id = ANY($1) ORDER BY tenant_id = $2 DESC`,
        [[x, y], a.tenant],
      );
      expect(rows).toEqual([
        { id: x, tenant_id: a.tenant, seen: null },
        { id: y, tenant_id: b.tenant, seen: '1' },
      ]);

      // The second part writes a row of the first part's tenant: refused, and the first part rolls back too.
      await expect(
        db.writeForTenants([
          { tenantId: a.tenant, statements: [[insert, [z, a.tenant]]] },
          { tenantId: b.tenant, statements: [[insert, [randomUUID(), a.tenant]]] },
        ]),
      ).rejects.toThrow(/row-level security/);
      expect((await owner.query('SELECT 1 FROM contacts WHERE id = $1', [z])).rowCount).toBe(0);
      await expect(db.writeForTenants([{ tenantId: 'not-a-uuid', statements: [] }])).rejects.toThrow(/UUID/);
    });

    describe('prepared statements and round trips', () => {
      const CONTACT_BY_ID = new PreparedSql(`SELECT id FROM contacts WHERE id = $1`);
      const INSERT_CONTACT = new PreparedSql(
        `INSERT INTO contacts (id, tenant_id) VALUES ($1, $2) RETURNING id`,
      );

      it('prepares a statement once per connection and runs it first, later, with COMMIT and as the last statement', async () => {
        const client = await app.connect();
        try {
          const [x, y, z] = [randomUUID(), randomUUID(), randomUUID()];
          const seen = await db.forTenantOn(client, a.tenant, async (tx) => {
            const first = await tx.query(CONTACT_BY_ID, [a.contact]);
            const later = await tx.query(CONTACT_BY_ID, [a.contact]);
            tx.sendWithCommit(INSERT_CONTACT, [x, a.tenant]);
            await tx.execute(INSERT_CONTACT, [y, a.tenant]);
            const last = await tx.queryAndCommit(INSERT_CONTACT, [z, a.tenant]);
            return [first, later, last];
          });
          expect(seen).toEqual([[{ id: a.contact }], [{ id: a.contact }], [{ id: z }]]);
          expect((await owner.query('SELECT 1 FROM contacts WHERE id = ANY($1)', [[x, y, z]])).rowCount).toBe(
            3,
          );
          const { rows } = await client.query(
            `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1`,
            [CONTACT_BY_ID.name],
          );
          expect(rows[0].n).toBe(1);
        } finally {
          client.release();
        }
      });

      it('keeps row-level security per transaction once Postgres reuses one plan for every tenant', async () => {
        const client = await app.connect();
        try {
          // Past the five custom plans after which Postgres may settle on a generic one.
          for (let i = 0; i < 8; i++) {
            const rows = await db.forTenantOn(client, a.tenant, (tx) => tx.query(CONTACT_BY_ID, [a.contact]));
            expect(rows).toEqual([{ id: a.contact }]);
          }
          expect(
            await db.forTenantOn(client, b.tenant, (tx) => tx.query(CONTACT_BY_ID, [a.contact])),
          ).toEqual([]);
          await expect(
            db.forTenantOn(client, b.tenant, (tx) =>
              tx.queryAndCommit(INSERT_CONTACT, [randomUUID(), a.tenant]),
            ),
          ).rejects.toThrow(/row-level security/);
        } finally {
          client.release();
        }
      });

      it('keeps a statement prepared in a transaction that rolled back (PREPARE is not transactional)', async () => {
        const client = await app.connect();
        try {
          const FAILING_FIRST_USE = new PreparedSql(
            `SELECT id, 1 / $2::int AS x FROM contacts WHERE id = $1`,
          );
          await expect(
            db.forTenantOn(client, a.tenant, (tx) => tx.query(FAILING_FIRST_USE, [a.contact, 0])),
          ).rejects.toThrow(/division by zero/);
          const rows = await db.forTenantOn(client, a.tenant, (tx) =>
            tx.query(FAILING_FIRST_USE, [a.contact, 1]),
          );
          expect(rows).toEqual([{ id: a.contact, x: 1 }]);
        } finally {
          client.release();
        }
      });

      it('sends a PreparedSql as text, preparing nothing, when prepared statements are off', async () => {
        const client = await app.connect();
        try {
          const unprepared = new TenantDb(ds, { DATABASE_PREPARED_STATEMENTS: false });
          const STATEMENT = new PreparedSql(`SELECT id, 'off' AS mode FROM contacts WHERE id = $1`);
          const rows = await unprepared.forTenantOn(client, a.tenant, async (tx) => [
            ...(await tx.query(STATEMENT, [a.contact])),
            ...(await tx.query(STATEMENT, [a.contact])),
            ...(await tx.queryAndCommit(STATEMENT, [a.contact])),
          ]);
          expect(rows).toEqual(Array.from({ length: 3 }, () => ({ id: a.contact, mode: 'off' })));
          const { rows: prepared } = await client.query(
            `SELECT 1 FROM pg_prepared_statements WHERE name = $1`,
            [STATEMENT.name],
          );
          expect(prepared).toEqual([]);
        } finally {
          client.release();
        }
      });

      it('queryEach: one round trip, and a later statement sees what committed while an earlier one waited', async () => {
        const lockKey = `test-${randomUUID()}`;
        const id = randomUUID();
        const holder = await owner.connect();
        try {
          await holder.query('BEGIN');
          await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lockKey]);
          await holder.query(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [id, a.tenant]);
          const read = db.forTenant(a.tenant, (tx) =>
            tx.queryEach([
              [`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lockKey]],
              [CONTACT_BY_ID, [id]],
            ]),
          );
          await new Promise((resolve) => setTimeout(resolve, 100));
          await holder.query('COMMIT');
          const [locked, contacts] = await read;
          expect(locked).toHaveLength(1);
          expect(contacts).toEqual([{ id }]);
        } finally {
          holder.release();
        }
      });

      it('sends BEGIN, the tenant and the first statement in one round trip, and COMMIT with what rides along in one', async () => {
        const client = await app.connect();
        const counter = countRoundTrips(client);
        const FIRST_USE = new PreparedSql(`SELECT id, 'first use' AS what FROM contacts WHERE id = $1`);
        try {
          const [x, y] = [randomUUID(), randomUUID()];
          const rows = await db.forTenantOn(client, a.tenant, async (tx) => {
            const found = await tx.query(FIRST_USE, [a.contact]);
            tx.sendWithCommit(INSERT_CONTACT, [x, a.tenant]);
            tx.sendWithCommit(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [y, a.tenant]);
            return found;
          });
          expect(rows).toEqual([{ id: a.contact, what: 'first use' }]);
          expect(counter.trips()).toBe(2);
          expect((await owner.query('SELECT 1 FROM contacts WHERE id = ANY($1)', [[x, y]])).rowCount).toBe(2);

          const before = counter.trips();
          const [z] = [randomUUID()];
          await db.forTenantOn(client, a.tenant, (tx) => {
            tx.releaseAdvisoryLocksWithCommit();
            return tx.queryAndCommit(INSERT_CONTACT, [z, a.tenant]);
          });
          expect(counter.trips() - before).toBe(1);
        } finally {
          counter.restore();
          client.release();
        }
      });

      it('releaseAdvisoryLocksWithCommit ends the session locks in the round trip of COMMIT', async () => {
        const lockKey = `test-${randomUUID()}`;
        const client = await app.connect();
        const isFree = async () =>
          (await owner.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS free`, [lockKey]))
            .rows[0].free as boolean;
        try {
          await db.forTenantOn(client, a.tenant, (tx) =>
            tx.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]),
          );
          expect(await isFree()).toBe(false);
          const id = randomUUID();
          const rows = await db.forTenantOn(client, a.tenant, (tx) => {
            tx.releaseAdvisoryLocksWithCommit();
            return tx.queryAndCommit(INSERT_CONTACT, [id, a.tenant]);
          });
          expect(rows).toEqual([{ id }]);
          expect(await isFree()).toBe(true);
        } finally {
          client.release();
        }
      });
    });
  });
});
