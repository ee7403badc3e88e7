import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TenantTx } from '@app/database';
import { DecryptionError } from './errors.js';
import { encryptField } from './field-cipher.js';
import { generateKey, toMasterKey, wrapKey } from './key-wrap.js';
import { KeyRingService, MAX_CACHED_TENANTS } from './key-ring.service.js';

// A stand-in for a tenant transaction that serves tenant_keys rows from memory and counts reads.
class FakeKeyTable {
  readonly rows = new Map<string, Array<Record<string, unknown>>>();
  loads = 0;

  constructor(private readonly masterBase64: string) {}

  addKey(tenantId: string, purpose: 'data' | 'index', status: 'active' | 'retired' = 'active') {
    const master = toMasterKey(this.masterBase64);
    const id = randomUUID();
    const key = generateKey();
    const list = this.rows.get(tenantId) ?? [];
    list.push({
      id,
      purpose,
      status,
      version: list.length + 1,
      master_key_id: master.id,
      wrapped_key: wrapKey(master, { tenantId, keyId: id, purpose }, key),
    });
    this.rows.set(tenantId, list);
    return { id, key };
  }

  addTenant(tenantId = randomUUID()) {
    this.addKey(tenantId, 'index');
    return { tenantId, data: this.addKey(tenantId, 'data') };
  }

  /** Retires the active data key and adds a new one, as another process would. */
  rotate(tenantId: string) {
    for (const row of this.rows.get(tenantId) ?? []) if (row.purpose === 'data') row.status = 'retired';
    return this.addKey(tenantId, 'data');
  }

  tx(tenantId: string): TenantTx {
    const locals = new Map<symbol, unknown>();
    return {
      tenantId,
      query: async (sql: string) => {
        if (!/FROM tenant_keys WHERE tenant_id = \$1 ORDER BY/.test(sql))
          throw new Error(`unexpected SQL: ${sql}`);
        this.loads++;
        return structuredClone(this.rows.get(tenantId) ?? []).map((r) => ({
          ...r,
          wrapped_key: Buffer.from(r.wrapped_key as Uint8Array),
        }));
      },
      local: <T>(key: symbol, init: () => T): T => {
        if (!locals.has(key)) locals.set(key, init());
        return locals.get(key) as T;
      },
    } as unknown as TenantTx;
  }
}

function setup(cacheSeconds = 60, maxTenants?: number) {
  const MASTER_KEY = randomBytes(32).toString('base64');
  let now = 0;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const table = new FakeKeyTable(MASTER_KEY);
  const ring = new KeyRingService(
    {
      MASTER_KEY,
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: cacheSeconds,
      DATA_KEY_CACHE_MAX_TENANTS: maxTenants,
    },
    clock.now,
  );
  return { table, ring, clock };
}

describe('KeyRingService key cache', () => {
  it('serves a tenant from memory for at least 90% of DATA_KEY_CACHE_SECONDS, and reloads once they have passed', async () => {
    const { table, ring, clock } = setup(60);
    const { tenantId } = table.addTenant();
    await ring.forTenant(table.tx(tenantId));
    clock.advance(53_999);
    await ring.forTenant(table.tx(tenantId));
    expect(table.loads).toBe(1);
    clock.advance(6_001);
    await ring.forTenant(table.tx(tenantId));
    expect(table.loads).toBe(2);
  });

  it('picks up a key rotated elsewhere once the cache expires', async () => {
    const { table, ring, clock } = setup(60);
    const { tenantId, data } = table.addTenant();
    expect((await ring.forTenant(table.tx(tenantId))).activeKeyId).toBe(data.id);
    const rotated = table.rotate(tenantId);
    expect((await ring.forTenant(table.tx(tenantId))).activeKeyId).toBe(data.id);
    clock.advance(60_000);
    expect((await ring.forTenant(table.tx(tenantId))).activeKeyId).toBe(rotated.id);
  });

  it('keeps at most DATA_KEY_CACHE_MAX_TENANTS tenants, evicting the least recently used', async () => {
    const max = 300;
    const { table, ring } = setup(60, max);
    const tenants = Array.from({ length: max + 1 }, () => table.addTenant().tenantId);
    for (const t of tenants) await ring.forTenant(table.tx(t));
    expect(table.loads).toBe(max + 1);
    await ring.forTenant(table.tx(tenants[max]!)); // newest: still cached
    await ring.forTenant(table.tx(tenants[1]!)); // second oldest: still cached
    expect(table.loads).toBe(max + 1);
    await ring.forTenant(table.tx(tenants[0]!)); // oldest: evicted
    expect(table.loads).toBe(max + 2);
  });

  it(`keeps ${MAX_CACHED_TENANTS} tenants unless configured (10,000 practices round-robin: no reload)`, async () => {
    const { table, ring } = setup();
    const tenants = Array.from({ length: 10_000 }, () => table.addTenant().tenantId);
    for (const t of tenants) await ring.forTenant(table.tx(t));
    for (const t of tenants) await ring.forTenant(table.tx(t));
    expect(MAX_CACHED_TENANTS).toBe(20_000);
    expect(table.loads).toBe(10_000);
  });

  it('clearCache forgets every tenant', async () => {
    const { table, ring } = setup();
    const { tenantId } = table.addTenant();
    await ring.forTenant(table.tx(tenantId));
    ring.clearCache();
    await ring.forTenant(table.tx(tenantId));
    expect(table.loads).toBe(2);
  });

  it('returns one cipher per transaction', async () => {
    const { table, ring } = setup();
    const { tenantId } = table.addTenant();
    const tx = table.tx(tenantId);
    expect(await ring.forTenant(tx)).toBe(await ring.forTenant(tx));
  });
});

describe('TenantCipher from the key ring', () => {
  it('decrypts a ciphertext sealed by a key rotated elsewhere by reloading once', async () => {
    const { table, ring } = setup();
    const { tenantId } = table.addTenant();
    await ring.forTenant(table.tx(tenantId)); // warm cache with the old keys
    const rotated = table.rotate(tenantId);
    const blob = encryptField(rotated, tenantId, 'messages.body', 'hello');
    const cipher = await ring.forTenant(table.tx(tenantId));
    expect(table.loads).toBe(1);
    expect(await cipher.decryptString('messages.body', blob)).toBe('hello');
    expect(table.loads).toBe(2);
    expect(cipher.activeKeyId).toBe(rotated.id);
  });

  it('fails with DecryptionError after one reload if the key id is still unknown', async () => {
    const { table, ring } = setup();
    const { tenantId } = table.addTenant();
    const cipher = await ring.forTenant(table.tx(tenantId));
    const foreign = encryptField({ id: randomUUID(), key: generateKey() }, tenantId, 'contacts.name', 'x');
    await expect(cipher.decrypt('contacts.name', foreign)).rejects.toBeInstanceOf(DecryptionError);
    await expect(cipher.decrypt('contacts.name', foreign)).rejects.toBeInstanceOf(DecryptionError);
    expect(table.loads).toBe(2); // the first load plus exactly one reload
  });

  it('encrypts with the active key and still decrypts retired-key ciphertext', async () => {
    const { table, ring } = setup();
    const { tenantId, data } = table.addTenant();
    const old = encryptField(data, tenantId, 'contacts.email', 'a@example.com');
    const rotated = table.rotate(tenantId);
    const cipher = await ring.forTenant(table.tx(tenantId));
    expect(await cipher.decryptString('contacts.email', old)).toBe('a@example.com');
    const fresh = cipher.encrypt('contacts.email', 'b@example.com');
    expect(fresh.subarray(1, 17).toString('hex')).toBe(rotated.id.replace(/-/g, ''));
    const reencrypted = await cipher.reencrypt('contacts.email', old);
    expect(reencrypted.subarray(1, 17).toString('hex')).toBe(rotated.id.replace(/-/g, ''));
    expect(await cipher.decryptString('contacts.email', reencrypted)).toBe('a@example.com');
  });

  it('decrypts a column of a page like decryptNullable per field, across keys, nulls and a rotation elsewhere', async () => {
    const { table, ring } = setup();
    const { tenantId, data } = table.addTenant();
    const cipher = await ring.forTenant(table.tx(tenantId));
    const old = encryptField(data, tenantId, 'messages.body', 'first');
    const rotated = table.rotate(tenantId); // not yet known to this cipher: one reload
    const fresh = encryptField(rotated, tenantId, 'messages.body', 'second');
    const page = [old, null, fresh, old];
    expect(await cipher.decryptColumn('messages.body', page)).toEqual(['first', null, 'second', 'first']);
    expect(table.loads).toBe(2);
    const tampered = Buffer.from(fresh);
    tampered[tampered.length - 1]! ^= 1;
    await expect(cipher.decryptColumn('messages.body', [old, tampered])).rejects.toBeInstanceOf(
      DecryptionError,
    );
    await expect(cipher.decryptColumn('contacts.name', [old])).rejects.toBeInstanceOf(DecryptionError);
    await expect(cipher.decryptColumn('messages.body', [Buffer.from('x')])).rejects.toBeInstanceOf(
      DecryptionError,
    );
  });

  it('maps null to null for optional columns and refuses an empty blind-index value', async () => {
    const { table, ring } = setup();
    const { tenantId } = table.addTenant();
    const cipher = await ring.forTenant(table.tx(tenantId));
    expect(cipher.encryptNullable('contacts.email', null)).toBeNull();
    expect(await cipher.decryptNullable('contacts.email', null)).toBeNull();
    const blob = cipher.encryptNullable('contacts.email', 'a@example.com');
    expect(await cipher.decryptNullable('contacts.email', blob)).toBe('a@example.com');
    expect(() => cipher.blindIndex('email', '')).toThrow(/non-empty/);
  });

  it('gives tenants different blind indexes for the same value', async () => {
    const { table, ring } = setup();
    const a = await ring.forTenant(table.tx(table.addTenant().tenantId));
    const b = await ring.forTenant(table.tx(table.addTenant().tenantId));
    expect(a.blindIndex('phone', '+15551234567')).toEqual(a.blindIndex('phone', '+15551234567'));
    expect(a.blindIndex('phone', '+15551234567')).not.toEqual(b.blindIndex('phone', '+15551234567'));
  });
});
