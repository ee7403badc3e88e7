import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '@app/database';
import { appDataSource, auditUrl, newTenantId, ownerPool, testAuditKeys } from '@app/testing';
import { type AuditCheckpoint, checkCheckpoint } from './audit-checkpoint.js';
import { AuditCheckpointSchedule } from './audit-checkpoint.schedule.js';
import { verifyExport } from './audit-export.js';
import { AuditKeyRing, deriveAuditKey } from './audit-keys.js';
import { type AuditExportLine, AuditService } from './audit.service.js';

/** The checkpoint files of one tenant among those a pass wrote. */
const mine = (paths: string[], tenantId: string) => paths.filter((p) => p.includes(tenantId));
const readCheckpoint = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as AuditCheckpoint;

describe('audit checkpoints and offline export verification', () => {
  let owner: pg.Pool;
  let ds: DataSource;
  let sealerDs: DataSource;
  let db: TenantDb;
  let audit: AuditService;
  let dir: string;
  let checkpoints: AuditCheckpointSchedule;
  const keys = testAuditKeys();

  beforeAll(async () => {
    owner = ownerPool();
    ds = await appDataSource(4);
    db = new TenantDb(ds);
    sealerDs = await new DataSource({ type: 'postgres', url: auditUrl(), extra: { max: 4 } }).initialize();
    audit = new AuditService(db, new TenantDb(sealerDs), keys);
    dir = await mkdtemp(join(tmpdir(), 'audit-checkpoints-'));
    checkpoints = new AuditCheckpointSchedule(sealerDs, keys, {
      AUDIT_CHECKPOINT_DIR: dir,
      AUDIT_CHECKPOINT_SECONDS: 300,
    });
  });
  afterAll(async () => {
    await audit.idle();
    await sealerDs.destroy();
    await ds.destroy();
    await owner.end();
    await rm(dir, { recursive: true, force: true });
  });

  async function newTenant(events: number): Promise<string> {
    const id = newTenantId();
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Checkpoint test')`, [id]);
    await append(id, events);
    return id;
  }

  async function append(tenantId: string, events: number): Promise<void> {
    for (let i = 0; i < events; i++) {
      await db.forTenant(tenantId, async (tx) => audit.record(tx, { action: 'test.event', metadata: { i } }));
    }
    await audit.idle();
  }

  async function exportLines(tenantId: string): Promise<string[]> {
    const lines: AuditExportLine[] = await db.forTenant(tenantId, (tx) =>
      audit.exportPage(tx, { afterSeq: 0, limit: 1000 }),
    );
    return lines.map((l) => JSON.stringify(l));
  }

  it('writes a signed checkpoint per tenant whose head moved, and none for a tenant whose head did not', async () => {
    const [t1, t2] = [await newTenant(3), await newTenant(2)];
    const first = await checkpoints.checkpoint();
    expect(mine(first, t1)).toHaveLength(1);
    expect(mine(first, t2)).toHaveLength(1);
    const cp = await readCheckpoint(mine(first, t1)[0]!);
    const { rows } = await owner.query(
      `SELECT hash, key_id FROM audit_events WHERE tenant_id = $1 AND seq = 3`,
      [t1],
    );
    expect(cp).toMatchObject({
      tenantId: t1,
      seq: 3,
      hash: rows[0].hash.toString('hex'),
      keyId: rows[0].key_id,
    });
    expect(checkCheckpoint(cp, keys)).toEqual({ ok: true, checkpoint: cp });

    await append(t1, 1);
    const second = await checkpoints.checkpoint();
    expect(mine(second, t1)).toHaveLength(1);
    expect(mine(second, t2)).toHaveLength(0);
    expect((await readCheckpoint(mine(second, t1)[0]!)).seq).toBe(4);
    // Atomic writes: only finished files in the tenant's directory.
    expect((await readdir(join(dir, t1))).every((f) => f.endsWith('.json') && !f.startsWith('.'))).toBe(true);
  });

  it('refuses a checkpoint whose head was edited or that another key signed', async () => {
    const tenant = await newTenant(2);
    const cp = await readCheckpoint(mine(await checkpoints.checkpoint(), tenant)[0]!);
    expect(checkCheckpoint({ ...cp, seq: 1 }, keys)).toEqual({ ok: false, reason: 'bad_signature' });
    const stranger = new AuditKeyRing(deriveAuditKey(randomBytes(32).toString('base64')));
    expect(checkCheckpoint(cp, stranger)).toMatchObject({ ok: false, reason: 'unknown_key' });
    expect(checkCheckpoint({ ...cp, extra: 1 }, keys)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts a genuine export against its checkpoint', async () => {
    const tenant = await newTenant(4);
    const cp = await readCheckpoint(mine(await checkpoints.checkpoint(), tenant)[0]!);
    await append(tenant, 2); // events after the checkpoint are checked too
    const result = await verifyExport(await exportLines(tenant), cp, keys);
    expect(result).toMatchObject({ valid: true, events: 6, firstSeq: 1, lastSeq: 6 });
  });

  it('rejects a tampered export: an edited event, a re-hashed one, a cut-off chain, another practice', async () => {
    const tenant = await newTenant(4);
    const cp = await readCheckpoint(mine(await checkpoints.checkpoint(), tenant)[0]!);
    const lines = await exportLines(tenant);
    const edit = (i: number, change: (l: AuditExportLine) => AuditExportLine) =>
      lines.map((l, j) => (j === i ? JSON.stringify(change(JSON.parse(l) as AuditExportLine)) : l));

    const edited = await verifyExport(
      edit(1, (l) => ({ ...l, action: 'consent.granted' })),
      cp,
      keys,
    );
    expect(edited).toMatchObject({ valid: false, problem: expect.stringMatching(/chain is broken .*seq 2/) });

    const rehashed = await verifyExport(
      edit(3, (l) => ({ ...l, hash: 'ab'.repeat(32) })),
      cp,
      keys,
    );
    expect(rehashed).toMatchObject({ valid: false, problem: expect.stringMatching(/seq 4/) });

    const cut = await verifyExport(lines.slice(0, 3), cp, keys);
    expect(cut).toMatchObject({ valid: false, problem: expect.stringMatching(/not the checkpointed head/) });

    const other = await verifyExport(await exportLines(await newTenant(4)), cp, keys);
    expect(other).toMatchObject({ valid: false, problem: expect.stringMatching(/another practice/) });

    const garbage = await verifyExport(['{"seq": 1}'], cp, keys);
    expect(garbage).toMatchObject({ valid: false, problem: 'line 1 is not an audit export line' });
  });
});
