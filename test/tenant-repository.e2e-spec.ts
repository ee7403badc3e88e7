import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource, EntitySchema, Repository } from 'typeorm';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ContactEntity } from '@app/contacts';
import { TenantDb, type TenantRepository, type TenantValues, type TenantWhere } from '@app/database';
import {
  appDataSource,
  appPool,
  countRoundTrips,
  ENTITY_SCHEMAS,
  newTenantId,
  ownerPool,
} from '@app/testing';

type Contact = ContactEntity;
const ContactSchema = ENTITY_SCHEMAS.find((s) => s.options.name === 'contacts') as EntitySchema<Contact>;

// TenantTx.repository: TypeORM's repositories inside the one tenant transaction mechanism.
describe('TenantTx.repository (entities inside a tenant transaction)', () => {
  let owner: pg.Pool;
  let app: pg.Pool;
  let ds: DataSource;
  let db: TenantDb;
  const a = { tenant: newTenantId(), contact: randomUUID() };
  const b = { tenant: newTenantId(), contact: randomUUID() };
  const exists = async (id: string) =>
    (await owner.query('SELECT 1 FROM contacts WHERE id = $1', [id])).rowCount === 1;

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    ds = await appDataSource(2);
    db = new TenantDb(ds);
    for (const t of [a, b]) {
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Practice')`, [t.tenant]);
      await owner.query(`INSERT INTO contacts (id, tenant_id) VALUES ($1, $2)`, [t.contact, t.tenant]);
    }
  });

  afterAll(async () => {
    await ds.destroy();
    await app.end();
    await owner.end();
  });

  it("reads and writes the transaction's tenant only", async () => {
    const seen = await db.forTenant(a.tenant, async (tx) => {
      const contacts = tx.repository(ContactSchema);
      return {
        all: (await contacts.find({})).map((c) => c.id),
        other: await contacts.findOne({ id: b.contact }),
        updated: await contacts.update({ id: b.contact }, { lead_stage: 'new' }),
      };
    });
    expect(seen).toEqual({ all: [a.contact], other: null, updated: [] });
    expect(await exists(b.contact)).toBe(true);
  });

  it('still runs under row-level security: even an unscoped TypeORM read sees one tenant', async () => {
    const ids = await db.forTenant(b.tenant, async (tx) => {
      // The repository always adds the tenant; reach past it to show RLS applies to its statements.
      const orm = (tx.repository(ContactSchema) as unknown as { orm: Repository<Contact> }).orm;
      return (await orm.find()).map((c) => c.id);
    });
    expect(ids).toEqual([b.contact]);
  });

  it('inserts with the tenant and returns the stored rows; updates return the rows as updated', async () => {
    const id = randomUUID();
    const { inserted, updated } = await db.forTenant(a.tenant, async (tx) => {
      const contacts: TenantRepository<Contact> = tx.repository(ContactSchema);
      const [row] = await contacts.insert({ id });
      const [after] = await contacts.update({ id }, { lead_stage: 'new', updated_at: () => 'now()' });
      return { inserted: row!, updated: after! };
    });
    // The tenant is the repository's: a condition or a row cannot name one.
    expectTypeOf<TenantWhere<Contact>>().not.toHaveProperty('tenant_id');
    expectTypeOf<TenantValues<Contact>>().not.toHaveProperty('tenant_id');
    expect(inserted).toMatchObject({ id, tenant_id: a.tenant, lead_stage: null });
    expect(inserted.updated_at).toBeInstanceOf(Date);
    expect(updated).toMatchObject({ id, tenant_id: a.tenant, lead_stage: 'new' });
    const { rows } = await owner.query('SELECT tenant_id, lead_stage FROM contacts WHERE id = $1', [id]);
    expect(rows).toEqual([{ tenant_id: a.tenant, lead_stage: 'new' }]);
  });

  it('rolls a repository write back with the transaction, and runs after-commit hooks only after COMMIT', async () => {
    const id = randomUUID();
    const hooks: string[] = [];
    await expect(
      db.forTenant(a.tenant, async (tx) => {
        await tx.repository(ContactSchema).insert({ id });
        tx.afterCommit(() => hooks.push('rolled back'));
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await exists(id)).toBe(false);

    await db.forTenant(a.tenant, async (tx) => {
      await tx.repository(ContactSchema).insert({ id });
      tx.afterCommit(() => hooks.push(`committed ${String(tx.isFinished)}`));
    });
    expect(await exists(id)).toBe(true);
    expect(hooks).toEqual(['committed true']);
  });

  it('keeps the lazy BEGIN: the first repository statement rides with BEGIN and the tenant, TypeORM opens no transaction', async () => {
    const client = await app.connect();
    const counter = countRoundTrips(client);
    try {
      await db.forTenantOn(client, a.tenant, async (tx) => {
        tx.repository(ContactSchema);
      });
      expect(counter.trips(), 'a repository that runs nothing costs nothing').toBe(0);

      const id = randomUUID();
      const found = await db.forTenantOn(client, a.tenant, async (tx) => {
        const contacts = tx.repository(ContactSchema);
        await contacts.insert({ id });
        return contacts.exists({ id });
      });
      expect(found).toBe(true);
      // BEGIN + tenant + INSERT; SELECT; COMMIT. A transaction of TypeORM's own would add trips (and is refused).
      expect(counter.trips()).toBe(3);
      const { rows } = await client.query(`SELECT current_setting('app.tenant_id', true) AS tenant`);
      expect(rows[0].tenant || null, 'the tenant setting ended with the transaction').toBeNull();
    } finally {
      counter.restore();
      client.release();
    }
  });

  it('fails a statement as the pipeline does (the transaction ends; the error carries no values)', async () => {
    const err = await db
      .forTenant(a.tenant, (tx) => tx.repository(ContactSchema).insert({ id: a.contact }))
      .then(
        () => ({}) as { driverError?: { code?: string }; parameters?: unknown[] },
        (e: unknown) => e as { driverError?: { code?: string }; parameters?: unknown[] },
      );
    expect(err.driverError?.code).toBe('23505');
    expect(err.parameters).toEqual([]);
    expect(await db.forTenant(a.tenant, (tx) => tx.repository(ContactSchema).exists({ id: a.contact }))).toBe(
      true,
    );
  });
});
