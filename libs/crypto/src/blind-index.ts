import { createHmac, hkdfSync } from 'node:crypto';

// Field names become HKDF info; keep them plain identifiers.
const FIELD = /^[a-z][a-z0-9_.]{0,62}$/;

/** The per-field subkey of a tenant index key: HKDF-SHA256(indexKey, info = field). */
export function blindIndexSubkey(indexKey: Buffer, field: string): Buffer {
  if (!FIELD.test(field)) throw new Error('Blind index field must match [a-z][a-z0-9_.]*');
  return Buffer.from(hkdfSync('sha256', indexKey, Buffer.alloc(0), `inbox:bidx:v1|${field}`, 32));
}

/**
 * Keyed blind index for equality lookup: HMAC-SHA256(subkey, normalized value), all 32 bytes.
 * The value must already be normalized (normalizePhone / normalizeEmail / normalizeName).
 */
export function computeBlindIndex(subkey: Buffer, normalizedValue: string): Buffer {
  return createHmac('sha256', subkey).update(normalizedValue, 'utf8').digest();
}
