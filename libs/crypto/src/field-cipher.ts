import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionError } from './errors.js';
import { isUuid } from '@app/database';
import { bytesToUuid, uuidToBytes } from './uuid-bytes.js';

/**
 * Field ciphertext (stored as bytea):
 *   0x01 | key id (16 bytes, the tenant_keys row uuid) | nonce (12) | GCM tag (16) | ciphertext
 * AES-256-GCM with a random 96-bit nonce. The additional authenticated data binds the format
 * version, the tenant, the field context (e.g. `contacts.name`) and the key id, so a ciphertext
 * copied to another tenant or another column does not open.
 */
export const FIELD_FORMAT_V1 = 0x01;
const KEY_ID_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MIN_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

// Contexts name a column; no separator characters so the AAD string stays unambiguous.
const CONTEXT = /^[a-z0-9_.:-]{1,100}$/i;

export interface FieldKey {
  /** The tenant_keys row id (uuid). */
  id: string;
  /** 32 raw bytes. */
  key: Buffer;
}

/** AADs built so far (not secret): a page of rows decrypts the same few columns over and over. */
const aads = new Map<string, Buffer>();
const AAD_CACHE_SIZE = 10_000;

export function fieldAad(tenantId: string, context: string, keyId: string): Buffer {
  const cacheKey = `${tenantId}|${context}|${keyId}`;
  const known = aads.get(cacheKey);
  if (known) return known;
  if (!isUuid(tenantId)) throw new Error('Encryption needs a tenant id (uuid)');
  if (!CONTEXT.test(context)) throw new Error('Encryption context must match [a-z0-9_.:-]{1,100}');
  const aad = Buffer.from(`inbox:v1|${tenantId.toLowerCase()}|${context}|${keyId.toLowerCase()}`, 'utf8');
  if (aads.size >= AAD_CACHE_SIZE) aads.delete(aads.keys().next().value!);
  aads.set(cacheKey, aad);
  return aad;
}

export function encryptField(
  key: FieldKey,
  tenantId: string,
  context: string,
  plaintext: string | Buffer,
): Buffer {
  const header = Buffer.concat([Buffer.of(FIELD_FORMAT_V1), uuidToBytes(key.id)]);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce);
  cipher.setAAD(fieldAad(tenantId, context, key.id));
  const body = Buffer.concat([
    cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
    cipher.final(),
  ]);
  return Buffer.concat([header, nonce, cipher.getAuthTag(), body]);
}

/** The key id a ciphertext was sealed with (readable without any key). */
export function ciphertextKeyId(blob: Buffer): string {
  return bytesToUuid(ciphertextKeyIdBytes(blob));
}

/** The 16 raw bytes of the key id a ciphertext names (a view into it): compared without a string per field. */
export function ciphertextKeyIdBytes(blob: Buffer): Buffer {
  if (!Buffer.isBuffer(blob) || blob.length < MIN_BYTES || blob[0] !== FIELD_FORMAT_V1) {
    throw new DecryptionError('malformed');
  }
  return blob.subarray(1, HEADER_BYTES);
}

/** Opens a ciphertext with the key it names (the caller looked it up by `ciphertextKeyId`). */
export function decryptField(key: FieldKey, tenantId: string, context: string, blob: Buffer): Buffer {
  if (ciphertextKeyId(blob) !== key.id.toLowerCase()) throw new DecryptionError('unknown_key');
  return openField(key.key, openingAad(tenantId, context, key.id), blob);
}

/** The AAD to open with; a tenant or context no ciphertext could be sealed for is "not authentic", as GCM would say. */
export function openingAad(tenantId: string, context: string, keyId: string): Buffer {
  try {
    return fieldAad(tenantId, context, keyId);
  } catch {
    throw new DecryptionError('authentication');
  }
}

/**
 * AES-256-GCM open of a well-formed ciphertext whose key id the caller has matched to `key`
 * and whose AAD it built with `openingAad` (decryptField, or a page decrypted column by column).
 */
export function openField(key: Buffer, aad: Buffer, blob: Buffer): Buffer {
  const nonce = blob.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
  const tag = blob.subarray(HEADER_BYTES + NONCE_BYTES, MIN_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plaintext = decipher.update(blob.subarray(MIN_BYTES));
    // GCM's final() checks the tag (throws unless authentic) and returns no bytes: no concat to copy into.
    decipher.final();
    return plaintext;
  } catch {
    // Deliberately no detail: GCM only says "not authentic".
    throw new DecryptionError('authentication');
  }
}
