import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { UnknownMasterKeyError } from './errors.js';

/**
 * Tenant keys at rest: each 32-byte key is wrapped (AES-256-GCM) by a master key.
 *   wrapped = 0x01 | nonce (12) | tag (16) | encrypted key (32)
 * The AAD binds tenant, key row id and purpose, so a wrapped key moved to another row or
 * tenant does not unwrap.
 */
export type KeyPurpose = 'data' | 'index';

export interface WrapBinding {
  tenantId: string;
  keyId: string;
  purpose: KeyPurpose;
}

export interface MasterKey {
  /** Fingerprint stored in tenant_keys.master_key_id (never the key itself). */
  id: string;
  key: Buffer;
}

const WRAP_FORMAT_V1 = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export const generateKey = (): Buffer => randomBytes(KEY_BYTES);

/** A short, stable, one-way identifier of a master key: HMAC of a fixed label, 16 hex chars. */
export function masterKeyId(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('inbox:master-key-id:v1').digest('hex').slice(0, 16);
}

/** Parses base64 master keys (as configured) into keys with their ids. */
export function toMasterKey(base64: string): MasterKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) throw new Error('A master key must be 32 bytes (base64)');
  return { id: masterKeyId(key), key };
}

function wrapAad({ tenantId, keyId, purpose }: WrapBinding): Buffer {
  return Buffer.from(`inbox:key-wrap:v1|${tenantId.toLowerCase()}|${keyId.toLowerCase()}|${purpose}`, 'utf8');
}

export function wrapKey(master: MasterKey, binding: WrapBinding, key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('A tenant key must be 32 bytes');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master.key, nonce);
  cipher.setAAD(wrapAad(binding));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([Buffer.of(WRAP_FORMAT_V1), nonce, cipher.getAuthTag(), body]);
}

export class KeyUnwrapError extends Error {
  constructor() {
    super('A tenant key could not be unwrapped (wrong master key or corrupted row)');
    this.name = 'KeyUnwrapError';
  }
}

export function unwrapKey(master: MasterKey, binding: WrapBinding, wrapped: Buffer): Buffer {
  if (wrapped.length !== 1 + NONCE_BYTES + TAG_BYTES + KEY_BYTES || wrapped[0] !== WRAP_FORMAT_V1) {
    throw new KeyUnwrapError();
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', master.key, wrapped.subarray(1, 1 + NONCE_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(wrapAad(binding));
    decipher.setAuthTag(wrapped.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new KeyUnwrapError();
  }
}

/**
 * The configured master keys: the current one (wraps everything new) and earlier ones that
 * are still accepted for unwrapping while a rotation runs.
 */
export class MasterKeyRing {
  readonly current: MasterKey;
  private readonly byId = new Map<string, MasterKey>();

  constructor(currentBase64: string, previousBase64: readonly string[] = []) {
    this.current = toMasterKey(currentBase64);
    for (const key of [this.current, ...previousBase64.map(toMasterKey)]) {
      if (!this.byId.has(key.id)) this.byId.set(key.id, key);
    }
  }

  get(id: string): MasterKey {
    const key = this.byId.get(id);
    if (!key) throw new UnknownMasterKeyError(id);
    return key;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Ids of every configured master key, the current one first. */
  get ids(): string[] {
    return [...this.byId.keys()];
  }
}
