import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ciphertextKeyId,
  DecryptionError,
  KeyRingService,
  type KeyRingConfig,
  masterKeyId,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  rewrapTenantKeys,
  type TenantCipher,
  UnknownMasterKeyError,
} from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { appDataSource, newTenantId, ownerPool } from '@app/testing';

// Invariant 6 against real Postgres: PHI columns hold only ciphertext, bound to tenant and column,
// readable across tenant-key and master-key rotations; phone/email lookups by keyed blind index.

interface ContactInput {
  name: string;
  phone: string;
  email: string;
  dateOfBirth: string;
}

const config = (masterKey: string, previous: string[] = [], seconds = 300): KeyRingConfig => ({
  MASTER_KEY: masterKey,
  MASTER_KEY_PREVIOUS: previous,
  DATA_KEY_CACHE_SECONDS: seconds,
});
const newMasterKey = () => randomBytes(32).toString('base64');
const jane: ContactInput = {
  name: 'Jane Quinn Patient',
  phone: '5551234567',
  email: 'Jane.Patient@Example.com',
  dateOfBirth: '1980-02-29',
};

async function writeContact(tx: TenantTx, cipher: TenantCipher, input: ContactInput): Promise<string> {
  const id = randomUUID();
  const phone = normalizePhone(input.phone, 'US')!;
  const email = normalizeEmail(input.email)!;
  await tx.query(
    `INSERT INTO contacts (id, tenant_id, name_enc, phone_enc, email_enc, date_of_birth_enc, name_bidx, phone_bidx, email_bidx)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      tx.tenantId,
      cipher.encrypt('contacts.name', input.name),
      cipher.encrypt('contacts.phone', phone),
      cipher.encrypt('contacts.email', email),
      cipher.encrypt('contacts.date_of_birth', input.dateOfBirth),
      cipher.blindIndex('name', normalizeName(input.name)!),
      cipher.blindIndex('phone', phone),
      cipher.blindIndex('email', email),
    ],
  );
  return id;
}

async function readContact(tx: TenantTx, cipher: TenantCipher, id: string) {
  const [row] = await tx.query<Record<string, Buffer>>(`SELECT * FROM contacts WHERE id = $1`, [id]);
  if (!row) throw new Error('contact not found');
  return {
    name: await cipher.decryptString('contacts.name', row.name_enc!),
    phone: await cipher.decryptString('contacts.phone', row.phone_enc!),
    email: await cipher.decryptString('contacts.email', row.email_enc!),
    dateOfBirth: await cipher.decryptNullable('contacts.date_of_birth', row.date_of_birth_enc),
  };
}

describe('encryption at rest (invariant 6)', () => {
  let ds: DataSource;
  let db: TenantDb;
  let owner: pg.Pool;
  let keyRing: KeyRingService;

  /** A practice with its keys, created through the app role exactly as signup would. */
  async function newPractice(ring = keyRing): Promise<string> {
    const tenantId = newTenantId();
    await db.forTenant(tenantId, async (tx) => {
      await tx.query(`INSERT INTO practices (id, name) VALUES ($1, 'Practice')`, [tenantId]);
      await ring.createTenantKeys(tx);
    });
    return tenantId;
  }

  const write = (tenantId: string, input = jane, ring = keyRing) =>
    db.forTenant(tenantId, async (tx) => writeContact(tx, await ring.forTenant(tx), input));
  const read = (tenantId: string, id: string, ring = keyRing) =>
    db.forTenant(tenantId, async (tx) => readContact(tx, await ring.forTenant(tx), id));
  const rawRow = async (id: string) =>
    (await owner.query('SELECT * FROM contacts WHERE id = $1', [id])).rows[0];
  const lookup = (tenant: string, field: 'phone' | 'email', value: string) =>
    db.forTenant(tenant, async (tx) => {
      const cipher = await keyRing.forTenant(tx);
      const rows = await tx.query<{ id: string }>(`SELECT id FROM contacts WHERE ${field}_bidx = $1`, [
        cipher.blindIndex(field, value),
      ]);
      return rows.map((r) => r.id);
    });

  beforeAll(async () => {
    ds = await appDataSource(4);
    db = new TenantDb(ds);
    owner = ownerPool();
    keyRing = new KeyRingService(config(process.env.MASTER_KEY!));
  });

  afterAll(async () => {
    await ds?.destroy();
    await owner?.end();
  });

  it('round-trips a contact through the cipher as the app role', async () => {
    const tenant = await newPractice();
    const id = await write(tenant);
    expect(await read(tenant, id)).toEqual({
      name: jane.name,
      phone: '+15551234567',
      email: 'jane.patient@example.com',
      dateOfBirth: jane.dateOfBirth,
    });
  });

  it('stores only ciphertext: raw rows contain no plaintext name, phone, email or date of birth', async () => {
    const tenant = await newPractice();
    const id = await write(tenant);
    const row = await rawRow(id);
    const plaintexts = [
      jane.name,
      'Jane',
      'Patient',
      '5551234567',
      '+15551234567',
      'jane.patient@example.com',
      'example.com',
      jane.dateOfBirth,
    ];
    for (const column of [
      'name_enc',
      'phone_enc',
      'email_enc',
      'date_of_birth_enc',
      'name_bidx',
      'phone_bidx',
      'email_bidx',
    ]) {
      const bytes: Buffer = row[column];
      expect(Buffer.isBuffer(bytes), column).toBe(true);
      for (const text of plaintexts)
        expect(bytes.includes(Buffer.from(text, 'utf8')), `${column} ~ ${text}`).toBe(false);
    }
    const { rows: keyRows } = await owner.query(
      'SELECT id FROM tenant_keys WHERE tenant_id = $1 AND status = $2 AND purpose = $3',
      [tenant, 'active', 'data'],
    );
    expect(ciphertextKeyId(row.name_enc)).toBe(keyRows[0].id);
  });

  it("refuses tenant A's ciphertext copied into tenant B's row", async () => {
    const [a, b] = [await newPractice(), await newPractice()];
    const idA = await write(a);
    const idB = await write(b, { ...jane, name: 'Bob Other' });
    await owner.query(
      'UPDATE contacts SET name_enc = (SELECT name_enc FROM contacts WHERE id = $1) WHERE id = $2',
      [idA, idB],
    );
    await expect(read(b, idB)).rejects.toBeInstanceOf(DecryptionError);
    expect((await read(a, idA)).name).toBe(jane.name);
  });

  it('refuses a ciphertext moved to another column of the same row', async () => {
    const tenant = await newPractice();
    const id = await write(tenant);
    await owner.query('UPDATE contacts SET email_enc = name_enc WHERE id = $1', [id]);
    await expect(read(tenant, id)).rejects.toBeInstanceOf(DecryptionError);
  });

  it('refuses a tampered ciphertext (one byte changed in the database)', async () => {
    const tenant = await newPractice();
    const id = await write(tenant);
    const original: Buffer = (await rawRow(id)).name_enc;
    const tampered = Buffer.from(original);
    tampered[tampered.length - 1]! ^= 0x01;
    await owner.query('UPDATE contacts SET name_enc = $1 WHERE id = $2', [tampered, id]);
    await expect(read(tenant, id)).rejects.toThrow(DecryptionError);
    await owner.query('UPDATE contacts SET name_enc = $1 WHERE id = $2', [original, id]);
    expect((await read(tenant, id)).name).toBe(jane.name);
  });

  it('finds a contact by phone and email blind index as the app role, only within its tenant', async () => {
    const [a, b] = [await newPractice(), await newPractice()];
    const id = await write(a);
    await write(b); // same phone in another practice: different index, invisible anyway
    expect(await lookup(a, 'phone', normalizePhone('+1 (555) 123-4567', 'US')!)).toEqual([id]);
    expect(await lookup(a, 'email', normalizeEmail('  JANE.PATIENT@example.COM ')!)).toEqual([id]);
    expect(await lookup(a, 'phone', normalizePhone('+1 (555) 123-4568', 'US')!)).toEqual([]);
    const { rows } = await owner.query(
      'SELECT tenant_id, phone_bidx FROM contacts WHERE tenant_id = ANY($1)',
      [[a, b]],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].phone_bidx.equals(rows[1].phone_bidx)).toBe(false);
  });

  describe('tenant key rotation', () => {
    it('keeps old rows readable and seals new writes with the new key', async () => {
      const tenant = await newPractice();
      const oldId = await write(tenant);
      const oldKeyId = ciphertextKeyId((await rawRow(oldId)).name_enc);
      const rotated = await db.forTenant(tenant, (tx) => keyRing.rotateTenantDataKey(tx));
      expect(rotated).toMatchObject({ version: 2, retiredKeyId: oldKeyId });

      const newId = await write(tenant);
      expect(ciphertextKeyId((await rawRow(newId)).name_enc)).toBe(rotated.keyId);
      expect((await read(tenant, oldId)).name).toBe(jane.name);
      expect((await read(tenant, newId)).name).toBe(jane.name);
      const { rows } = await owner.query(
        `SELECT version, status, retired_at IS NOT NULL AS retired FROM tenant_keys WHERE tenant_id = $1 AND purpose = 'data' ORDER BY version`,
        [tenant],
      );
      expect(rows).toEqual([
        { version: 1, status: 'retired', retired: true },
        { version: 2, status: 'active', retired: false },
      ]);
    });

    it('does not cache a key from a rotation that rolled back', async () => {
      const tenant = await newPractice();
      const before = await db.forTenant(tenant, async (tx) => (await keyRing.forTenant(tx)).activeKeyId);
      await expect(
        db.forTenant(tenant, async (tx) => {
          await keyRing.rotateTenantDataKey(tx);
          await keyRing.forTenant(tx); // reads the uncommitted key
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      const id = await write(tenant);
      expect(ciphertextKeyId((await rawRow(id)).name_enc)).toBe(before);
      keyRing.clearCache();
      expect((await read(tenant, id)).name).toBe(jane.name);
    });

    it('a second process with a warm cache reads rows sealed with a key the first one rotated in', async () => {
      const tenant = await newPractice();
      const other = new KeyRingService(config(process.env.MASTER_KEY!));
      const first = await write(tenant);
      expect((await read(tenant, first, other)).name).toBe(jane.name); // warms `other`
      const rotated = await db.forTenant(tenant, (tx) => keyRing.rotateTenantDataKey(tx));
      const second = await write(tenant, { ...jane, name: 'After Rotation' });
      expect(ciphertextKeyId((await rawRow(second)).name_enc)).toBe(rotated.keyId);
      expect((await read(tenant, second, other)).name).toBe('After Rotation');
      // The reload refreshed `other`'s cache: it now seals with the new key too.
      const third = await write(tenant, jane, other);
      expect(ciphertextKeyId((await rawRow(third)).name_enc)).toBe(rotated.keyId);
    });

    it('a warm cache picks up the new active key when DATA_KEY_CACHE_SECONDS expire (an entry lives at least 90% of them)', async () => {
      let now = 0;
      const clocked = new KeyRingService(config(process.env.MASTER_KEY!, [], 60), () => now);
      const tenant = await newPractice();
      const activeKey = () => db.forTenant(tenant, async (tx) => (await clocked.forTenant(tx)).activeKeyId);
      const original = await activeKey();
      const rotated = await db.forTenant(tenant, (tx) => keyRing.rotateTenantDataKey(tx));
      now += 53_999;
      expect(await activeKey()).toBe(original);
      now += 6_001;
      expect(await activeKey()).toBe(rotated.keyId);
    });
  });

  describe('master key rotation', () => {
    it('re-wraps every tenant key under the new master key; readers with only the new key still decrypt', async () => {
      const [k1, k2] = [newMasterKey(), newMasterKey()];
      const underK1 = new KeyRingService(config(k1));
      const tenant = await newPractice(underK1);
      const id = await write(tenant, jane, underK1);
      await db.forTenant(tenant, (tx) => underK1.rotateTenantDataKey(tx)); // a retired key must survive too
      const onlyK2 = new KeyRingService(config(k2));
      await expect(read(tenant, id, onlyK2)).rejects.toBeInstanceOf(UnknownMasterKeyError);

      // During the rotation the app runs with K2 current and K1 previous: both kinds of rows read.
      const duringRotation = new KeyRingService(config(k2, [k1]));
      expect((await read(tenant, id, duringRotation)).name).toBe(jane.name);

      const before = (
        await owner.query('SELECT id, wrapped_key FROM tenant_keys WHERE tenant_id = $1', [tenant])
      ).rows;
      const result = await rewrapTenantKeys(owner, { masterKey: k2, previousKeys: [k1], batchSize: 2 });
      expect(result.masterKeyId).toBe(masterKeyId(Buffer.from(k2, 'base64')));
      expect(result.rewrapped).toBe(3); // data v1, data v2, index v1 (other tests' keys use other master keys)

      const { rows } = await owner.query(
        'SELECT id, master_key_id, wrapped_key FROM tenant_keys WHERE tenant_id = $1',
        [tenant],
      );
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row.master_key_id).toBe(result.masterKeyId);
        expect(row.wrapped_key.equals(before.find((b) => b.id === row.id).wrapped_key)).toBe(false);
      }
      expect((await read(tenant, id, onlyK2)).name).toBe(jane.name);
      await expect(read(tenant, id, new KeyRingService(config(k1)))).rejects.toBeInstanceOf(
        UnknownMasterKeyError,
      );

      const again = await rewrapTenantKeys(owner, { masterKey: k2, previousKeys: [k1] });
      expect(again.rewrapped).toBe(0);
    });

    it('refuses to run as a role bound by row-level security', async () => {
      await expect(rewrapTenantKeys(ds, { masterKey: newMasterKey(), previousKeys: [] })).rejects.toThrow(
        /row-level security/,
      );
    });
  });
});
