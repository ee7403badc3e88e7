import { createHmac, hkdfSync } from 'node:crypto';

/** The key that seals (HMACs) audit events and signs checkpoints. Never stored in the database. */
export interface AuditKey {
  /** Fingerprint stored with every event it sealed (`audit_events.key_id`), never the key. */
  id: string;
  key: Buffer;
}

/** Where the audit keys come from: the master keys (current and previous) and retired audit keys. */
export interface AuditKeySource {
  MASTER_KEY: string;
  MASTER_KEY_PREVIOUS?: readonly string[];
  /** Audit keys (base64) of master keys no longer configured, kept to verify what they sealed. */
  AUDIT_KEYS_PREVIOUS?: readonly string[];
}

const KEY_BYTES = 32;

/** A short, stable, one-way identifier of an audit key: HMAC of a fixed label, 16 hex chars. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('inbox:audit-key-id:v1').digest('hex').slice(0, 16);
}

/**
 * The audit key of a master key: HKDF-SHA256 with its own purpose, so it reveals nothing about
 * the master key and an auditor who holds it can verify (not decrypt) anything.
 */
export function deriveAuditKey(masterKeyBase64: string): AuditKey {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length !== KEY_BYTES) throw new Error('A master key must be 32 bytes (base64)');
  return auditKey(
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'inbox:audit-chain:v1', KEY_BYTES)),
  );
}

/** An audit key given as such (base64), e.g. one of AUDIT_KEYS_PREVIOUS. */
export function auditKeyFromBase64(base64: string): AuditKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) throw new Error('An audit key must be 32 bytes (base64)');
  return auditKey(key);
}

function auditKey(key: Buffer): AuditKey {
  return { id: auditKeyId(key), key };
}

/**
 * The audit keys a process knows: the current one (of MASTER_KEY) seals; every one verifies
 * what it sealed. Rotating MASTER_KEY rotates the audit key; events keep the id of theirs.
 */
export class AuditKeyRing {
  readonly current: AuditKey;
  private readonly byKeyId = new Map<string, AuditKey>();

  constructor(current: AuditKey, previous: readonly AuditKey[] = []) {
    this.current = current;
    for (const key of [current, ...previous]) this.byKeyId.set(key.id, key);
  }

  static fromConfig(config: AuditKeySource): AuditKeyRing {
    return new AuditKeyRing(deriveAuditKey(config.MASTER_KEY), [
      ...(config.MASTER_KEY_PREVIOUS ?? []).map(deriveAuditKey),
      ...(config.AUDIT_KEYS_PREVIOUS ?? []).map(auditKeyFromBase64),
    ]);
  }

  get(id: string): AuditKey | undefined {
    return this.byKeyId.get(id);
  }
}
