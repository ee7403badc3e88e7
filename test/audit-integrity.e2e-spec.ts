import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditCheckpointSchedule } from '@app/audit';
import type { AuditEventEntity } from '@app/audit';
import { appPool, ownerPool, StaffClient, type StaffMember, startApi, startWorker } from '@app/testing';

/** A stored audit row as a forger reads it. */
type Row = Omit<AuditEventEntity, 'metadata' | 'key_id'> & { metadata: Record<string, unknown> };

/** The forger's tool: the published plain SHA-256 link (no key), exactly as the chain was first built. */
function plainSha256(e: Omit<Row, 'hash'>): Buffer {
  const metadata = Object.keys(e.metadata)
    .toSorted()
    .map((k) => [k, e.metadata[k] ?? null]);
  const canonical = JSON.stringify([
    'audit:v1',
    e.id,
    e.tenant_id,
    Number(e.seq),
    e.prev_hash ? e.prev_hash.toString('hex') : null,
    e.occurred_at.toISOString(),
    e.actor_type,
    e.actor_id,
    e.action,
    e.target_type,
    e.target_id,
    e.outcome,
    e.ip,
    e.user_agent,
    metadata,
  ]);
  return createHash('sha256').update(canonical).digest();
}

const INSERT_FORGED = `INSERT INTO audit_events
  (id, tenant_id, seq, prev_hash, hash, occurred_at, actor_type, actor_id, action, target_type, target_id, outcome, ip, user_agent, metadata)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

/** The next event after the tenant's head, chained with plain SHA-256: what an attacker without the key can make. */
function forgedAfter(head: Row): Row {
  const event = {
    id: randomUUID(),
    tenant_id: head.tenant_id,
    seq: String(Number(head.seq) + 1),
    prev_hash: head.hash,
    occurred_at: new Date(),
    actor_type: 'user',
    actor_id: head.actor_id,
    action: 'consent.granted',
    target_type: 'contact',
    target_id: randomUUID(),
    outcome: 'success',
    ip: null,
    user_agent: null,
    metadata: { method: 'verbal' },
  };
  return { ...event, hash: plainSha256(event) };
}

const forgedValues = (e: Row) => [
  e.id,
  e.tenant_id,
  e.seq,
  e.prev_hash,
  e.hash,
  e.occurred_at,
  e.actor_type,
  e.actor_id,
  e.action,
  e.target_type,
  e.target_id,
  e.outcome,
  e.ip,
  e.user_agent,
  JSON.stringify(e.metadata),
];

/** `npm run audit -- verify-export ...`, run from source with this run's MASTER_KEY. */
function auditCli(...args: string[]) {
  return spawnSync('node_modules/.bin/tsx', ['libs/audit/src/cli/audit.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env },
  });
}

describe('audit chain integrity (breach 5: a forgeable chain)', () => {
  let app: INestApplication;
  let worker: INestApplication;
  let files: string;
  let owner: pg.Pool;
  let appRole: pg.Pool;
  let staff: StaffClient;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    worker = await startWorker();
    files = await mkdtemp(join(tmpdir(), 'audit-export-'));
    owner = ownerPool();
    appRole = appPool();
    staff = new StaffClient(app);
  });
  afterAll(async () => {
    await app.close();
    await worker.close();
    await rm(files, { recursive: true, force: true });
    await owner.end();
    await appRole.end();
  });

  /** A fresh practice whose chain is sealed and verified intact. */
  async function practice(): Promise<StaffMember> {
    const admin = await staff.signupPractice({ enrolMfa: true });
    const res = await staff.get('/v1/audit-events/verify', admin.accessToken).expect(200);
    expect(res.body.valid).toBe(true);
    return admin;
  }

  async function chain(tenantId: string): Promise<Row[]> {
    const { rows } = await owner.query<Row>(`SELECT * FROM audit_events WHERE tenant_id = $1 ORDER BY seq`, [
      tenantId,
    ]);
    return rows;
  }

  it('refuses the app role an INSERT into audit_events, even of a correctly chained event', async () => {
    const admin = await practice();
    const head = (await chain(admin.practiceId)).at(-1)!;
    const forged = forgedAfter(head);
    const c = await appRole.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [admin.practiceId]);
      await expect(c.query(INSERT_FORGED, forgedValues(forged))).rejects.toThrow(/permission denied/);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
    expect((await chain(admin.practiceId)).some((e) => e.id === forged.id)).toBe(false);
  });

  it('reports an event the owner appended with a correct plain SHA-256 link as broken', async () => {
    const admin = await practice();
    const forged = forgedAfter((await chain(admin.practiceId)).at(-1)!);
    await owner.query(INSERT_FORGED, forgedValues(forged));
    const res = await staff.get('/v1/audit-events/verify', admin.accessToken).expect(200);
    expect(res.body).toMatchObject({ valid: false, firstBrokenId: forged.id });
  });

  it('detects history the owner rewrote and re-hashed from the altered event onwards', async () => {
    const admin = await practice();
    const events = await chain(admin.practiceId);
    expect(events.length).toBeGreaterThan(2);
    const c = await owner.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      let prev = events[0]!.hash;
      for (const event of events.slice(1)) {
        const rewritten = {
          ...event,
          prev_hash: prev,
          outcome: event === events[1] ? 'failure' : event.outcome,
        };
        rewritten.hash = plainSha256(rewritten);
        await c.query(`UPDATE audit_events SET outcome = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [
          event.id,
          rewritten.outcome,
          rewritten.prev_hash,
          rewritten.hash,
        ]);
        prev = rewritten.hash;
      }
      await c.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const res = await staff.get('/v1/audit-events/verify', admin.accessToken).expect(200);
    expect(res.body).toMatchObject({ valid: false, firstBrokenId: events[1]!.id });
  });

  it('exports every event with its seq, previous hash, hash and key id', async () => {
    const admin = await practice();
    const res = await staff.get('/v1/audit-events/export', admin.accessToken).expect(200);
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const stored = await chain(admin.practiceId);
    expect(lines.length).toBeGreaterThan(1);
    lines.forEach((line, i) => {
      expect(line).toMatchObject({
        seq: i + 1,
        prevHash: stored[i]!.prev_hash ? stored[i]!.prev_hash!.toString('hex') : null,
        hash: stored[i]!.hash.toString('hex'),
        keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      });
    });
  });

  it('verifies an export offline against the worker’s signed checkpoint, and rejects a tampered one', async () => {
    const admin = await practice();
    const written = await worker.get(AuditCheckpointSchedule, { strict: false }).checkpoint();
    const checkpoint = written.find((path) => path.includes(admin.practiceId))!;
    expect(checkpoint).toBeDefined();
    const res = await staff.get('/v1/audit-events/export', admin.accessToken).expect(200);
    const genuine = join(files, `${admin.practiceId}.ndjson`);
    await writeFile(genuine, res.text);
    const ok = auditCli('verify-export', '--export', genuine, '--checkpoint', checkpoint);
    expect(ok.stdout).toMatch(/VALID: every link and HMAC holds/);
    expect(ok.status).toBe(0);

    const lines = res.text.trim().split('\n');
    const first = JSON.parse(lines[0]!) as { action: string };
    lines[0] = JSON.stringify({ ...first, action: 'auth.login_forged' });
    const tampered = join(files, `${admin.practiceId}-tampered.ndjson`);
    await writeFile(tampered, lines.join('\n'));
    const refused = auditCli('verify-export', '--export', tampered, '--checkpoint', checkpoint);
    expect(refused.stderr).toMatch(/NOT VALID: the chain is broken at event .* \(seq 1\)/);
    expect(refused.status).toBe(1);
  }, 60_000); // two CLI runs compiled from source
});
