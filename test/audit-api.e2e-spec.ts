import type { INestApplication } from '@nestjs/common';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerPool, StaffClient, type StaffMember, startApi } from '@app/testing';

describe('audit API (/v1/audit-events)', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let staff: StaffClient;
  let admin: StaffMember;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    staff = new StaffClient(app);
    admin = await staff.signupPractice({ enrolMfa: true });
  });
  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('lists the practice’s events newest first with a keyset cursor, and audits the read', async () => {
    const first = await staff.get('/v1/audit-events?limit=2', admin.accessToken).expect(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0].seq).toBeGreaterThan(first.body.data[1].seq);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await staff
      .get(`/v1/audit-events?limit=2&cursor=${first.body.nextCursor}`, admin.accessToken)
      .expect(200);
    expect(second.body.data[0].seq).toBeLessThan(first.body.data[1].seq);
    const reads = await staff.get('/v1/audit-events?action=audit.read', admin.accessToken).expect(200);
    expect(reads.body.data.length).toBeGreaterThanOrEqual(2);
    expect(reads.body.data.every((e: { action: string }) => e.action === 'audit.read')).toBe(true);
  });

  it('verifies the chain, and reports the first altered event', async () => {
    expect((await staff.get('/v1/audit-events/verify', admin.accessToken).expect(200)).body).toMatchObject({
      valid: true,
    });
    const { rows } = await owner.query(
      `SELECT id FROM audit_events WHERE tenant_id = $1 ORDER BY seq LIMIT 1`,
      [admin.practiceId],
    );
    const c = await owner.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await c.query(`UPDATE audit_events SET action = 'auth.login_forged' WHERE id = $1`, [rows[0].id]);
      await c.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const res = await staff.get('/v1/audit-events/verify', admin.accessToken).expect(200);
    expect(res.body).toEqual({ valid: false, checked: 1, firstBrokenId: rows[0].id });
  });

  it('exports NDJSON oldest first', async () => {
    const res = await staff.get('/v1/audit-events/export', admin.accessToken).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));

    // The stream bypasses the response hook: its lines are held to the documented line schema here.
    const doc = await request(app.getHttpServer()).get('/docs-json').expect(200);
    const ndjson =
      doc.body.paths['/v1/audit-events/export'].get.responses['200'].content['application/x-ndjson'];
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validLine = ajv.compile(ndjson.schema['x-line-schema']);
    for (const line of lines) expect(validLine(line) || ajv.errorsText(validLine.errors)).toBe(true);
  });

  it('refuses bad filters with 400 and other roles with 403', async () => {
    const bad = await staff.get('/v1/audit-events?cursor=%%%&limit=9999', admin.accessToken).expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const frontDesk = await staff.addStaff(admin, 'front_desk');
    const denied = await staff.get('/v1/audit-events', frontDesk.accessToken).expect(403);
    expect(denied.body.error.code).toBe('forbidden');
  });

  it('orders from and to as instants, whatever their offsets', async () => {
    // 10:00 at +05:00 is 05:00Z: before 06:00Z, though later as text.
    const window = new URLSearchParams({ from: '2026-01-01T10:00:00+05:00', to: '2026-01-01T06:00:00Z' });
    await staff.get(`/v1/audit-events?${window}`, admin.accessToken).expect(200);
    const reversed = new URLSearchParams({ from: '2026-01-01T06:00:00Z', to: '2026-01-01T10:00:00+05:00' });
    const bad = await staff.get(`/v1/audit-events?${reversed}`, admin.accessToken).expect(400);
    expect(bad.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'from', message: 'must not be after to' }],
    });
  });

  it('shows nothing of another practice', async () => {
    const other = await new StaffClient(app).signupPractice({ enrolMfa: true });
    const mine = await staff.get('/v1/audit-events?limit=500', admin.accessToken).expect(200);
    const ids = new Set(mine.body.data.map((e: { actor: { id: string } }) => e.actor.id));
    expect(ids.has(other.userId)).toBe(false);
  });
});
