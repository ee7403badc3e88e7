import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';
import { appDataSource, newTenantId, ownerPool } from '@app/testing';
import { ContactRepository } from './contact.repository.js';

describe('ContactRepository (encrypted PHI, blind-index lookups)', () => {
  let owner: pg.Pool;
  let ds: DataSource;
  let db: TenantDb;
  let keys: KeyRingService;
  let contacts: ContactRepository;
  const [a, b] = [newTenantId(), newTenantId()];

  beforeAll(async () => {
    owner = ownerPool();
    ds = await appDataSource(4);
    db = new TenantDb(ds);
    keys = new KeyRingService({
      MASTER_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: 60,
    });
    contacts = new ContactRepository(keys, { DEFAULT_PHONE_REGION: 'US' });
    for (const t of [a, b]) {
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Contacts test')`, [t]);
      await db.forTenant(t, (tx) => keys.createTenantKeys(tx));
    }
  });
  afterAll(async () => {
    await ds.destroy();
    await owner.end();
  });

  it('stores PHI only as ciphertext and reads it back', async () => {
    const created = await db.forTenant(a, (tx) =>
      contacts.create(tx, {
        name: 'Maria Lopez',
        phone: '5551234567',
        email: ' Maria.Lopez@Example.com ',
        dateOfBirth: '1984-03-09',
      }),
    );
    expect(created).toMatchObject({
      name: 'Maria Lopez',
      phone: '+15551234567',
      email: 'maria.lopez@example.com',
      dateOfBirth: '1984-03-09',
    });

    const { rows } = await owner.query(`SELECT * FROM contacts WHERE id = $1`, [created.id]);
    // Every stored column except the random ids (a uuid may contain "555" or "1984" by chance).
    const { id: _id, tenant_id: _tenant, ...stored } = rows[0];
    const raw = Object.values(stored)
      .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : JSON.stringify(v)))
      .join('|');
    for (const plain of ['Maria', 'Lopez', '5551234567', '555', 'example.com', '1984'])
      expect(raw).not.toContain(plain);

    const read = await db.forTenant(a, (tx) => contacts.get(tx, created.id));
    expect(read).toEqual(created);
  });

  it('finds "+1 (555) 123-4567" stored as "5551234567", and by email and name in any spelling', async () => {
    const stored = await db.forTenant(a, (tx) =>
      contacts.create(tx, { name: 'José Álvarez', phone: '5559876543', email: 'jose@example.org' }),
    );
    await db.forTenant(a, async (tx) => {
      expect((await contacts.findByPhone(tx, '+1 (555) 987-6543')).map((c) => c.id)).toEqual([stored.id]);
      expect((await contacts.findByEmail(tx, 'JOSE@example.org ')).map((c) => c.id)).toEqual([stored.id]);
      expect((await contacts.findByName(tx, '  jose   ALVAREZ')).map((c) => c.id)).toEqual([stored.id]);
      expect(await contacts.findByPhone(tx, '+1 555 000 0000')).toEqual([]);
    });
  });

  it('does not find another tenant’s contact by the same phone', async () => {
    await db.forTenant(a, (tx) => contacts.create(tx, { phone: '555-222-3333' }));
    const found = await db.forTenant(b, (tx) => contacts.findByPhone(tx, '5552223333'));
    expect(found).toEqual([]);
  });
});
