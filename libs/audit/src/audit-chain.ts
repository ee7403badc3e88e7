import { createHash } from 'node:crypto';

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

/** Sorted keys, so the jsonb round trip (which reorders keys) hashes the same. */
function canonicalMetadata(
  metadata: Record<string, AuditMetadataValue>,
): Array<[string, AuditMetadataValue]> {
  return Object.keys(metadata)
    .toSorted()
    .map((k) => [k, metadata[k] ?? null]);
}

export function hashAuditEvent(e: ChainedAuditEvent): Buffer {
  const canonical = JSON.stringify([
    'audit:v1',
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
  ]);
  return createHash('sha256').update(canonical).digest();
}

export interface ChainCheck {
  valid: boolean;
  checked: number;
  firstBrokenId?: string;
}

/**
 * Walks events in seq order and reports the first link that does not hold: a recomputed hash
 * that differs (altered row), a prev_hash that is not the previous row's hash (reordered or
 * forged row), or a gap in seq (deleted row).
 */
export class ChainVerifier {
  private prev: { seq: number; hash: Buffer } | null = null;
  checked = 0;
  firstBrokenId: string | undefined;

  /** Returns false once the chain is broken (stop feeding it). */
  push(event: ChainedAuditEvent & { hash: Buffer }): boolean {
    if (this.firstBrokenId) return false;
    const expectedSeq = this.prev ? this.prev.seq + 1 : 1;
    const linked = this.prev
      ? !!event.prevHash && event.prevHash.equals(this.prev.hash)
      : event.prevHash === null;
    const intact = hashAuditEvent(event).equals(event.hash);
    this.checked++;
    if (event.seq !== expectedSeq || !linked || !intact) {
      this.firstBrokenId = event.id;
      return false;
    }
    this.prev = { seq: event.seq, hash: event.hash };
    return true;
  }

  result(): ChainCheck {
    return this.firstBrokenId
      ? { valid: false, checked: this.checked, firstBrokenId: this.firstBrokenId }
      : { valid: true, checked: this.checked };
  }
}
