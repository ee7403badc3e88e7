import { createHash, createHmac } from 'node:crypto';
import type { AuditKey, AuditKeyRing } from './audit-keys.js';

/** One audit event exactly as stored; `hash` covers every other field and the previous hash. */
export interface ChainedAuditEvent {
  id: string;
  tenantId: string;
  seq: number;
  prevHash: Buffer | null;
  occurredAt: Date;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  metadata: Record<string, AuditMetadataValue>;
}

export type AuditMetadataValue = string | number | boolean | null;

/** A stored event with its link: `keyId` null for a legacy (plain SHA-256, unkeyed) event. */
export type SealedAuditEvent = ChainedAuditEvent & { hash: Buffer; keyId: string | null };

/** Sorted keys, so the jsonb round trip (which reorders keys) hashes the same. */
function canonicalMetadata(
  metadata: Record<string, AuditMetadataValue>,
): Array<[string, AuditMetadataValue]> {
  return Object.keys(metadata)
    .toSorted()
    .map((k) => [k, metadata[k] ?? null]);
}

function canonicalFields(e: ChainedAuditEvent): unknown[] {
  return [
    e.id,
    e.tenantId,
    e.seq,
    e.prevHash ? e.prevHash.toString('hex') : null,
    e.occurredAt.toISOString(),
    e.actorType,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.outcome,
    e.ip,
    e.userAgent,
    canonicalMetadata(e.metadata),
  ];
}

/**
 * The link of events sealed before the chain was keyed: plain SHA-256, which anyone who can
 * write the table can recompute. Only verified, never written any more.
 */
export function legacyHashAuditEvent(e: ChainedAuditEvent): Buffer {
  return createHash('sha256')
    .update(JSON.stringify(['audit:v1', ...canonicalFields(e)]))
    .digest();
}

/** The link of a sealed event: HMAC-SHA256 under an audit key the database never holds; binds the key id. */
export function sealAuditEvent(e: ChainedAuditEvent, key: AuditKey): Buffer {
  return createHmac('sha256', key.key)
    .update(JSON.stringify(['audit:v2', key.id, ...canonicalFields(e)]))
    .digest();
}

export interface ChainCheck {
  valid: boolean;
  checked: number;
  firstBrokenId?: string;
  /** The broken event names an audit key this process does not hold (configure it to verify). */
  unknownKeyId?: string;
  /** Events sealed before the chain was keyed (plain SHA-256): intact, but not proof against a database owner. */
  legacyEvents?: number;
}

/** Where a walk starts: before seq 1 by default, or after a known link (a partial export). */
export interface ChainStart {
  seq: number;
  hash: Buffer | null;
}

/**
 * Walks events in seq order and reports the first link that does not hold: a recomputed HMAC
 * that differs (altered or forged row), a prev_hash that is not the previous row's hash
 * (reordered or forged row), a gap in seq (deleted row), or an unkeyed (legacy) event after
 * a keyed one (a forger without the key).
 */
export class ChainVerifier {
  private prev: ChainStart;
  private keyedSeen = false;
  private legacy = 0;
  private unknownKeyId: string | undefined;
  checked = 0;
  firstBrokenId: string | undefined;

  constructor(
    private readonly keys: AuditKeyRing,
    start: ChainStart = { seq: 0, hash: null },
  ) {
    this.prev = start;
  }

  /** Returns false once the chain is broken (stop feeding it). */
  push(event: SealedAuditEvent): boolean {
    if (this.firstBrokenId) return false;
    this.checked++;
    const linked =
      event.seq === this.prev.seq + 1 &&
      (this.prev.hash ? !!event.prevHash && event.prevHash.equals(this.prev.hash) : event.prevHash === null);
    if (!linked || !this.intact(event)) {
      this.firstBrokenId = event.id;
      return false;
    }
    this.prev = { seq: event.seq, hash: event.hash };
    return true;
  }

  private intact(event: SealedAuditEvent): boolean {
    if (event.keyId === null) {
      const intact = !this.keyedSeen && legacyHashAuditEvent(event).equals(event.hash);
      if (intact) this.legacy++;
      return intact;
    }
    this.keyedSeen = true;
    const key = this.keys.get(event.keyId);
    if (!key) {
      this.unknownKeyId = event.keyId;
      return false;
    }
    return sealAuditEvent(event, key).equals(event.hash);
  }

  /** The last link checked intact (the head, once every event was pushed). */
  head(): ChainStart {
    return this.prev;
  }

  result(): ChainCheck {
    const legacy = this.legacy > 0 ? { legacyEvents: this.legacy } : {};
    if (!this.firstBrokenId) return { valid: true, checked: this.checked, ...legacy };
    const unknown = this.unknownKeyId ? { unknownKeyId: this.unknownKeyId } : {};
    return { valid: false, checked: this.checked, firstBrokenId: this.firstBrokenId, ...unknown, ...legacy };
  }
}
