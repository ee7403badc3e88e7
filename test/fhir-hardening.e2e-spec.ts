import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MatchedLatency } from '@app/identity';
import { Metrics } from '@app/observability';
import { ownerPool, StaffClient, type StaffMember, startApi, testClientIp } from '@app/testing';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
/** A client id of the right shape that no practice has. */
const unknownClientId = () => `ac_${hex(16)}${hex(16)}`;
/** The calls of a MatchedLatency spy for the token endpoint's refusals. */
const refusals = (calls: unknown[][]) => calls.filter(([answer]) => answer === 'api_client_refusal');

// The token endpoint and the export kick-off under pressure: per-address and per-client rate
// limits that do not tell a real client id from an invented one, refusals that look (and take)
// the same whatever was wrong, and one export per client even when kick-offs race.
describe('FHIR token endpoint limits and export kick-off races', () => {
  let api: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let practice: StaffMember;

  const server = () => api.getHttpServer();

  async function createClient() {
    const res = await c.post('/v1/api-clients', { name: 'EHR sync' }, practice.accessToken).expect(201);
    return res.body as { id: string; clientId: string; clientSecret: string };
  }

  const tokenRequest = (ip: string, clientId: string, clientSecret: string) =>
    request(server())
      .post('/oauth/token')
      .set('x-forwarded-for', ip)
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });

  const refusalCount = async (reason: string) => {
    const metric = await api.get(Metrics).registry.getSingleMetric('inbox_fhir_token_refusals_total')?.get();
    return metric?.values.find((v) => v.labels.reason === reason)?.value ?? 0;
  };

  beforeAll(async () => {
    api = await startApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    c = new StaffClient(api);
    practice = await c.signupPractice();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await owner?.end();
  });

  it('limits token requests per client address: 429 rate_limited with Retry-After, other addresses unaffected', async () => {
    const client = await createClient();
    const ip = testClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await tokenRequest(ip, unknownClientId(), 'acs_x')).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await tokenRequest(ip, client.clientId, client.clientSecret).expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await tokenRequest(testClientIp(), client.clientId, client.clientSecret).expect(200);
  });

  it('limits token requests per client id across addresses, the same for a real and an invented id', async () => {
    const real = await createClient();
    const invented = unknownClientId();
    const before = await refusalCount('client_rate_limited');
    const run = async (clientId: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++)
        statuses.push((await tokenRequest(testClientIp(), clientId, 'acs_wrong')).status);
      return statuses;
    };
    const realStatuses = await run(real.clientId);
    const inventedStatuses = await run(invented);
    expect(realStatuses).toEqual([...Array<number>(20).fill(401), 429]);
    expect(inventedStatuses).toEqual(realStatuses);
    // Blocked for the window, the right secret included (a flood cannot be used to probe it).
    const blocked = await tokenRequest(testClientIp(), real.clientId, real.clientSecret).expect(429);
    expect(blocked.body.error).toMatchObject({ code: 'rate_limited' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await refusalCount('client_rate_limited')) - before).toBe(3);
  });

  it('answers an unknown, revoked, malformed or wrong-secret client alike, the unknown ones in matched time', async () => {
    const live = await createClient();
    const revoked = await createClient();
    await c.delete(`/v1/api-clients/${revoked.id}`, practice.accessToken).expect(204);
    const record = vi.spyOn(MatchedLatency.prototype, 'record');
    const matchTo = vi.spyOn(MatchedLatency.prototype, 'matchTo');
    try {
      const answers = [];
      for (const [clientId, secret] of [
        [live.clientId, 'acs_wrong'],
        [unknownClientId(), 'acs_wrong'],
        [`ac_${practice.practiceId.replaceAll('-', '')}${hex(16)}`, 'acs_wrong'],
        [revoked.clientId, revoked.clientSecret],
        ['not-a-client-id', 'acs_wrong'],
      ] as const) {
        const basic = Buffer.from(`${clientId}:${secret}`).toString('base64');
        const res = await request(server())
          .post('/oauth/token')
          .set('x-forwarded-for', testClientIp())
          .set('Authorization', `Basic ${basic}`)
          .type('form')
          .send({ grant_type: 'client_credentials' })
          .expect(401);
        answers.push({
          body: res.body,
          type: res.headers['content-type'],
          auth: res.headers['www-authenticate'],
          keys: Object.keys(res.headers)
            .filter((h) => !['date', 'x-request-id', 'content-length'].includes(h))
            .toSorted(),
        });
      }
      for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
      expect(answers[0]!.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
      // The wrong secret (the slow case: its refusal is audited) records its duration; the four
      // cases without a live client wait as long.
      expect(refusals(record.mock.calls)).toHaveLength(1);
      expect(refusals(matchTo.mock.calls)).toHaveLength(4);
    } finally {
      record.mockRestore();
      matchTo.mockRestore();
    }
  });

  it('lets exactly one of several simultaneous kick-offs of one client through (202), the others 429', async () => {
    const client = await createClient();
    const { access_token: token } = (
      await tokenRequest(testClientIp(), client.clientId, client.clientSecret).expect(200)
    ).body as { access_token: string };
    // Hold every write to fhir_exports until all kick-offs are waiting, then let them go at once:
    // each has passed whatever it checks before writing, so only the database can keep them apart.
    const holder = await owner.connect();
    const kickOffs = 4;
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE fhir_exports IN SHARE ROW EXCLUSIVE MODE');
      const answers = Array.from({ length: kickOffs }, () =>
        request(server())
          .get('/fhir/R4/$export')
          .set('Authorization', `Bearer ${token}`)
          .set('Prefer', 'respond-async')
          .then((r) => r),
      );
      for (let i = 0; i < 200; i++) {
        const { rows } = await owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
           WHERE c.relname = 'fhir_exports' AND NOT l.granted`,
        );
        if (rows[0]!.n >= kickOffs) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await holder.query('COMMIT');
      const results = await Promise.all(answers);
      const statuses = results.map((r) => r.status).toSorted();
      expect(statuses).toEqual([202, ...Array<number>(kickOffs - 1).fill(429)]);
      for (const refused of results.filter((r) => r.status === 429)) {
        expect(refused.body.resourceType).toBe('OperationOutcome');
        expect(refused.body.issue[0].code).toBe('throttled');
        expect(refused.headers['retry-after']).toBe('30');
      }
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM fhir_exports WHERE client_id = $1 AND status IN ('queued', 'running')`,
      [client.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('a stalled export (no progress for 10 minutes) fails at the next kick-off, which goes through', async () => {
    const client = await createClient();
    const { access_token: token } = (
      await tokenRequest(testClientIp(), client.clientId, client.clientSecret).expect(200)
    ).body as { access_token: string };
    const kickOff = () =>
      request(server())
        .get('/fhir/R4/$export')
        .set('Authorization', `Bearer ${token}`)
        .set('Prefer', 'respond-async');
    await kickOff().expect(202);
    await kickOff().expect(429);
    await owner.query(
      `UPDATE fhir_exports SET updated_at = now() - interval '11 minutes' WHERE client_id = $1`,
      [client.id],
    );
    await kickOff().expect(202);
    const { rows } = await owner.query<{ status: string }>(
      `SELECT status FROM fhir_exports WHERE client_id = $1 ORDER BY created_at`,
      [client.id],
    );
    expect(rows.map((r) => r.status)).toEqual(['failed', 'queued']);
  });
});
