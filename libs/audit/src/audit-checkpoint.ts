import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isUuid } from '@app/database';
import type { AuditKey, AuditKeyRing } from './audit-keys.js';

export const CHECKPOINT_FORMAT = 'inbox.audit-checkpoint.v1';

/**
 * A signed statement, kept outside Postgres, that a tenant's chain had this head at `at`: an
 * export verified against it proves nothing before the head was dropped or rewritten.
 */
export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  tenantId: string;
  seq: number;
  /** Hex hash of the head event. */
  hash: string;
  /** Audit key that sealed the head event (null: a legacy event). */
  keyId: string | null;
  at: string;
  /** Audit key the signature is made with (the current one when it was written). */
  signatureKeyId: string;
  /** Hex HMAC-SHA256 of the fields above. */
  signature: string;
}

export interface ChainHead {
  tenantId: string;
  seq: number;
  hash: Buffer;
  keyId: string | null;
}

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/);

export const checkpointSchema = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  tenantId: z.string().refine(isUuid, 'must be a uuid'),
  seq: z.number().int().min(1),
  hash: hex(32),
  keyId: keyIdSchema.nullable(),
  at: z.iso.datetime(),
  signatureKeyId: keyIdSchema,
  signature: hex(32),
});

function checkpointMac(cp: Omit<AuditCheckpoint, 'signature'>, key: AuditKey): Buffer {
  const canonical = JSON.stringify([
    CHECKPOINT_FORMAT,
    cp.signatureKeyId,
    cp.tenantId,
    cp.seq,
    cp.hash,
    cp.keyId,
    cp.at,
  ]);
  return createHmac('sha256', key.key).update(canonical).digest();
}

export function signCheckpoint(head: ChainHead, key: AuditKey, at: Date): AuditCheckpoint {
  const unsigned = {
    format: CHECKPOINT_FORMAT,
    tenantId: head.tenantId,
    seq: head.seq,
    hash: head.hash.toString('hex'),
    keyId: head.keyId,
    at: at.toISOString(),
    signatureKeyId: key.id,
  } as const;
  return { ...unsigned, signature: checkpointMac(unsigned, key).toString('hex') };
}

export type CheckpointCheck =
  | { ok: true; checkpoint: AuditCheckpoint }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature'; keyId?: string };

/** Parses an untrusted checkpoint and checks its signature with the audit key it names. */
export function checkCheckpoint(input: unknown, keys: AuditKeyRing): CheckpointCheck {
  const parsed = checkpointSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const cp = parsed.data;
  const key = keys.get(cp.signatureKeyId);
  if (!key) return { ok: false, reason: 'unknown_key', keyId: cp.signatureKeyId };
  const expected = checkpointMac(cp, key);
  const given = Buffer.from(cp.signature, 'hex');
  return timingSafeEqual(expected, given)
    ? { ok: true, checkpoint: cp }
    : { ok: false, reason: 'bad_signature' };
}

/**
 * Writes `<dir>/<tenantId>/<at>-seq<seq>.json` atomically (a temp file renamed into place, so a
 * reader never sees half a checkpoint); returns its path.
 */
export async function writeCheckpointFile(dir: string, cp: AuditCheckpoint): Promise<string> {
  const tenantDir = join(dir, cp.tenantId);
  await mkdir(tenantDir, { recursive: true, mode: 0o750 });
  const name = `${cp.at.replace(/[:.]/g, '-')}-seq${cp.seq}.json`;
  const path = join(tenantDir, name);
  const temp = join(tenantDir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(cp, null, 2)}\n`, { mode: 0o640, flush: true });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return path;
}
