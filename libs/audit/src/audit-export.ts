import { z } from 'zod';
import { isUuid } from '@app/database';
import { type ChainCheck, ChainVerifier, type SealedAuditEvent } from './audit-chain.js';
import { checkCheckpoint } from './audit-checkpoint.js';
import type { AuditKeyRing } from './audit-keys.js';
import type { AuditExportLine } from './audit.service.js';

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const keyId = z.string().regex(/^[0-9a-f]{16}$/);
const text = z.string().nullable();

/** One NDJSON export line as read back from an untrusted file. */
const exportLineSchema = z.strictObject({
  tenantId: z.string().refine(isUuid),
  id: z.string(),
  seq: z.number().int().min(1),
  prevHash: hash.nullable(),
  hash,
  keyId: keyId.nullable(),
  occurredAt: z.iso.datetime(),
  actor: z.strictObject({ type: z.string(), id: z.string() }),
  action: z.string(),
  target: z.strictObject({ type: text, id: text }).nullable(),
  outcome: z.string(),
  ip: text,
  userAgent: text,
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
}) satisfies z.ZodType<AuditExportLine>;

export function eventFromExportLine(line: AuditExportLine): SealedAuditEvent {
  return {
    id: line.id,
    tenantId: line.tenantId,
    seq: line.seq,
    prevHash: line.prevHash === null ? null : Buffer.from(line.prevHash, 'hex'),
    hash: Buffer.from(line.hash, 'hex'),
    keyId: line.keyId,
    occurredAt: new Date(line.occurredAt),
    actorType: line.actor.type,
    actorId: line.actor.id,
    action: line.action,
    targetType: line.target?.type ?? null,
    targetId: line.target?.id ?? null,
    outcome: line.outcome,
    ip: line.ip,
    userAgent: line.userAgent,
    metadata: line.metadata,
  };
}

export interface ExportCheck {
  valid: boolean;
  /** What does not hold, for the operator (ids and seqs only: never event content). */
  problem?: string;
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  checkpoint: { tenantId: string; seq: number; at: string } | null;
  chain: ChainCheck | null;
}

/**
 * Verifies an NDJSON export offline against a signed checkpoint: the checkpoint's signature, each
 * event's HMAC with the key it names, every link (seq without gaps, prevHash = the previous
 * hash), and that the chain reaches the checkpoint's head with the same hash. An export that
 * starts after seq 1 (a time window) is checked from its first event on.
 */
export async function verifyExport(
  lines: AsyncIterable<string> | Iterable<string>,
  checkpointJson: unknown,
  keys: AuditKeyRing,
): Promise<ExportCheck> {
  const result: ExportCheck = {
    valid: false,
    events: 0,
    firstSeq: null,
    lastSeq: null,
    checkpoint: null,
    chain: null,
  };
  const cp = checkCheckpoint(checkpointJson, keys);
  if (!cp.ok) {
    const why = {
      malformed: 'is not a checkpoint',
      unknown_key: `is signed with audit key ${cp.keyId} (not configured)`,
      bad_signature: 'has a signature that does not verify',
    };
    return { ...result, problem: `the checkpoint ${why[cp.reason]}` };
  }
  const { checkpoint } = cp;
  result.checkpoint = { tenantId: checkpoint.tenantId, seq: checkpoint.seq, at: checkpoint.at };
  let verifier: ChainVerifier | undefined;
  let headSeen = false;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    if (raw.trim() === '') continue;
    const parsed = parseLine(raw);
    if (!parsed) return { ...result, problem: `line ${lineNo} is not an audit export line` };
    if (parsed.tenantId !== checkpoint.tenantId) {
      return { ...result, problem: `line ${lineNo} belongs to another practice than the checkpoint` };
    }
    const event = eventFromExportLine(parsed);
    verifier ??= new ChainVerifier(keys, {
      seq: event.seq - 1,
      hash: event.seq === 1 ? null : event.prevHash,
    });
    result.firstSeq ??= event.seq;
    result.events++;
    if (!verifier.push(event)) {
      return {
        ...result,
        chain: verifier.result(),
        problem: `the chain is broken at event ${event.id} (seq ${event.seq})`,
      };
    }
    result.lastSeq = event.seq;
    if (event.seq === checkpoint.seq) {
      if (event.hash.toString('hex') !== checkpoint.hash || event.keyId !== checkpoint.keyId) {
        return {
          ...result,
          chain: verifier.result(),
          problem: `event seq ${event.seq} differs from the checkpointed head: history was rewritten`,
        };
      }
      headSeen = true;
    }
  }
  result.chain = verifier?.result() ?? { valid: true, checked: 0 };
  if (!headSeen) {
    const span =
      result.firstSeq === null ? 'holds no event' : `covers seq ${result.firstSeq}..${result.lastSeq}`;
    return { ...result, problem: `the export ${span}, not the checkpointed head (seq ${checkpoint.seq})` };
  }
  return { ...result, valid: true };
}

function parseLine(raw: string): AuditExportLine | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = exportLineSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
