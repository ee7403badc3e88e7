import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { KeyRingService, TtlLruCache } from '@app/crypto';
import { type Benchmark, measureSync, round } from './harness.js';
import { withBenchDatabase } from './bench-env.js';

const SECONDS = 3;
const BODY = 'Your lab results are ready. Please call us to schedule a follow-up visit next week.'.repeat(2);

/**
 * Cache hits per second on one busy practice with `cached` practices in the cache (the key and
 * channel caches, `TtlLruCache`): with 20,000 (a deployment's many quiet practices) and alone.
 * The gap was ~30 µs a hit when a hit re-inserted its entry.
 */
function hotHit(cached: number): number {
  const cache = new TtlLruCache<string, number>(300_000, cached);
  for (let i = 0; i < cached; i++) cache.set(`practice-${i}`, i);
  return measureSync(() => cache.get('practice-0'), 1);
}

/**
 * Encrypt + decrypt of a ~170-byte message body through a tenant's cipher (key lookup, header,
 * AAD, random nonce), next to the floor: bare AES-256-GCM encrypt + decrypt of the same bytes
 * with node:crypto and a fixed key. The cipher's decrypt is async (it may reload keys); the
 * bench awaits nothing because the key is in memory, so both loops are synchronous-equivalent.
 */
export const cryptoBenchmark: Benchmark = {
  name: 'crypto',
  description: `field encrypt+decrypt through TenantCipher vs bare AES-256-GCM, ${SECONDS}s each`,
  run: () =>
    withBenchDatabase(async ({ infra, db, masterKey }) => {
      const owner = new pg.Pool({ connectionString: infra.ownerUrl, max: 1 });
      const tenant = randomUUID();
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Bench')`, [tenant]);
      await owner.end();
      const ring = new KeyRingService({
        MASTER_KEY: masterKey,
        MASTER_KEY_PREVIOUS: [],
        DATA_KEY_CACHE_SECONDS: 300,
      });
      await db.forTenant(tenant, (tx) => ring.createTenantKeys(tx));
      const cipher = await db.forTenant(tenant, (tx) => ring.forTenant(tx));

      // Measure the cipher with its async decrypt resolved in batches to keep the loop honest.
      const blob = cipher.encrypt('messages.body', BODY);
      let ours = 0;
      {
        const start = performance.now();
        const until = start + SECONDS * 1000;
        let n = 0;
        while (performance.now() < until) {
          const batch: Array<Promise<Buffer>> = [];
          for (let i = 0; i < 100; i++)
            batch.push(cipher.decrypt('messages.body', cipher.encrypt('messages.body', BODY)));
          await Promise.all(batch);
          n += 100;
        }
        ours = round(n / ((performance.now() - start) / 1000));
      }
      if ((await cipher.decryptString('messages.body', blob)) !== BODY)
        throw new Error('crypto bench: round trip failed');

      const key = randomBytes(32);
      const floor = measureSync(() => {
        const iv = randomBytes(12);
        const enc = createCipheriv('aes-256-gcm', key, iv);
        const ct = Buffer.concat([enc.update(BODY, 'utf8'), enc.final()]);
        const dec = createDecipheriv('aes-256-gcm', key, iv);
        dec.setAuthTag(enc.getAuthTag());
        return Buffer.concat([dec.update(ct), dec.final()]);
      }, SECONDS);

      const blind = measureSync(() => cipher.blindIndex('phone', '+15551234567'), 1);
      return {
        benchmark: 'crypto',
        unit: 'encrypt+decrypt/s',
        value: ours,
        floor: { what: 'bare AES-256-GCM encrypt+decrypt (node:crypto, fixed key)', value: floor },
        ratio: round(ours / floor, 3),
        details: {
          plaintextBytes: Buffer.byteLength(BODY),
          ciphertextBytes: blob.length,
          blindIndexPerSec: blind,
          cacheHitsPerSec: { hotAmong20000: hotHit(20_000), alone: hotHit(1) },
        },
      };
    }),
};
