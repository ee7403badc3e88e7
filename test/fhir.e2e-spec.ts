import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConsentLedger, currentDisclosure } from '@app/consent';
import { ContactRepository } from '@app/contacts';
import { AttachmentRepository } from '@app/conversations';
import { TenantDb } from '@app/database';
import { FhirExportExpiryJob } from '@app/fhir';
import { requestContext } from '@app/observability';
import { auditTrail, ownerPool, StaffClient, type StaffMember, startApi, startWorker } from '@app/testing';
import { r4Problems } from './fhir-r4.js';
import { FhirExportRepository } from '../libs/fhir/src/export/fhir-export.repository.js';
import { InboxSeeder } from './inbox-fixtures.js';

const FHIR_TYPES = ['Patient', 'Communication', 'Consent', 'AuditEvent'] as const;

/** Every line the api logs from now on (as files-in does), to look for PHI. */
function captureLogs(): string[] {
  const lines: string[] = [];
  const root = PinoLogger.root as unknown as Record<symbol, unknown> & { level: string };
  root.level = 'info';
  root[pino.symbols.streamSym] = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return lines;
}

// FHIR R4 (issue 25): a practice's API client reads its patients, messages, consent ledger and
// audit chain as R4 resources, searches them page by page, and exports them in bulk; another
// practice's client sees none of it, a revoked client nothing at all, and every read is audited.
describe('FHIR R4 API and Bulk Data export', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let practice: StaffMember;
  let admin: StaffMember;
  let other: StaffMember;
  let logs: string[];
  const patientNames: string[] = [];
  let seeded: { contactId: string; messageId: string; attachmentId: string };

  const server = () => api.getHttpServer();

  async function createClient(staff: StaffMember, scope?: string) {
    const res = await c
      .post('/v1/api-clients', { name: 'EHR nightly sync', ...(scope ? { scope } : {}) }, staff.accessToken)
      .expect(201);
    return res.body as { id: string; clientId: string; clientSecret: string; scope: string };
  }

  async function tokenFor(client: { clientId: string; clientSecret: string }, scope?: string) {
    const res = await request(server())
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        ...(scope ? { scope } : {}),
      })
      .expect(200);
    return res.body as { access_token: string; token_type: string; expires_in: number; scope: string };
  }

  const fhir = (path: string, token: string) =>
    request(server()).get(`/fhir/R4${path}`).set('Authorization', `Bearer ${token}`);

  /** Every resource of a search, following `next` links. */
  async function searchAll(type: string, token: string, query = '_count=7'): Promise<Resource[]> {
    const found: Resource[] = [];
    let path: string | null = `/${type}?${query}`;
    for (let pages = 0; path && pages < 100; pages++) {
      const res = await fhir(path, token).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const bundle = res.body as Bundle;
      expect(r4Problems(bundle)).toEqual([]);
      found.push(...(bundle.entry ?? []).map((e) => e.resource!));
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      path = next ? next.slice(next.indexOf('/fhir/R4') + '/fhir/R4'.length) : null;
    }
    return found;
  }

  async function dbCounts(tenantId: string): Promise<Record<string, number>> {
    const { rows } = await owner.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM contacts WHERE tenant_id = $1) AS "Patient",
              (SELECT count(*) FROM messages WHERE tenant_id = $1 AND kind <> 'note') AS "Communication",
              (SELECT count(*) FROM consent_records WHERE tenant_id = $1) AS "Consent"`,
      [tenantId],
    );
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
  }

  beforeAll(async () => {
    api = await startApi({ ALLOW_SIGNUP: 'true', LOG_LEVEL: 'info' });
    worker = await startWorker();
    logs = captureLogs();
    owner = ownerPool();
    c = new StaffClient(api);
    practice = await c.signupPractice();
    admin = await c.addStaff(practice, 'admin');
    other = await new StaffClient(api).signupPractice();

    // 12 patients writing in (a contact, a conversation and a message each), two of them twice,
    // a staff note (never a Communication), consent records, and an attachment.
    const seeder = await InboxSeeder.forPractice(api, owner, practice.practiceId);
    const first: Array<Awaited<ReturnType<InboxSeeder['inbound']>>> = [];
    for (let i = 0; i < 12; i++) {
      const name = `Zed Patient-${randomBytes(4).toString('hex')}`;
      patientNames.push(name);
      first.push(await seeder.inbound({ name, body: `my question number ${i}` }));
    }
    await seeder.inbound({ from: first[0]!.from, body: 'a follow-up' });
    await seeder.inbound({ from: first[1]!.from, body: 'another follow-up' });
    await c
      .post(
        `/v1/conversations/${first[0]!.conversationId}/notes`,
        { body: 'internal note' },
        practice.accessToken,
      )
      .expect(201);
    const db = api.get(TenantDb);
    const disclosure = currentDisclosure('email');
    await requestContext.run(
      { tenantId: practice.practiceId, actor: { type: 'user', id: practice.userId } },
      () =>
        db.transaction(async (tx) => {
          const ledger = api.get(ConsentLedger);
          for (const [i, decision] of (['granted', 'revoked', 'granted'] as const).entries())
            await ledger.record(tx, {
              contactId: first[i % 2]!.contactId,
              channel: 'email',
              address: first[i % 2]!.from,
              decision,
              method: decision === 'granted' ? 'written_attested' : 'staff_revoked',
              evidence: { attestation: 'signed form on file' },
              ...(decision === 'granted'
                ? { disclosure: { version: disclosure.version, hash: disclosure.hash } }
                : {}),
            });
        }),
    );
    const attachmentId = await db.forTenant(practice.practiceId, (tx) =>
      api.get(AttachmentRepository).createStored(tx, first[2]!.messageId, 0, {
        contentType: 'application/pdf',
        filename: 'lab results.pdf',
        content: Buffer.from('%PDF-1.4 results'),
      }),
    );
    seeded = { contactId: first[2]!.contactId, messageId: first[2]!.messageId, attachmentId };
    // Another practice's data, which no token of the first may see.
    const otherSeeder = await InboxSeeder.forPractice(api, owner, other.practiceId);
    await otherSeeder.inbound({ name: 'Other Practice Patient' });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await owner?.end();
  });

  it('serves a public CapabilityStatement that validates', async () => {
    const res = await request(server()).get('/fhir/R4/metadata').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.body.resourceType).toBe('CapabilityStatement');
    expect(r4Problems(res.body)).toEqual([]);
    // Every type a client can reach is declared, Binary (a Communication's attachment) included.
    const declared = Object.fromEntries(
      res.body.rest[0].resource.map((r: { type: string; interaction: Array<{ code: string }> }) => [
        r.type,
        r.interaction.map((i) => i.code),
      ]),
    );
    expect(declared).toEqual({
      Patient: ['read', 'search-type'],
      Communication: ['read', 'search-type'],
      Consent: ['read', 'search-type'],
      AuditEvent: ['read', 'search-type'],
      Binary: ['read'],
    });
  });

  it('only the owner manages API clients; the secret is shown once and stored only as a hash', async () => {
    await c.post('/v1/api-clients', { name: 'x' }, admin.accessToken).expect(403);
    const created = await createClient(practice);
    expect(created.clientSecret).toMatch(/^acs_/);
    const list = await c.get('/v1/api-clients', practice.accessToken).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.clientSecret);
    const { rows } = await owner.query(`SELECT secret_hash FROM api_clients WHERE id = $1`, [created.id]);
    expect(rows[0].secret_hash.length).toBe(32);
    await c
      .post('/v1/api-clients', { name: 'x', scope: 'system/Observation.write' }, practice.accessToken)
      .expect(400);
  });

  it('issues tokens by client credentials (body or Basic) and answers bad ones in OAuth words', async () => {
    const client = await createClient(practice);
    const token = await tokenFor(client);
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'system/*.read' });
    expect(token.expires_in).toBeGreaterThan(0);
    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
    const viaBasic = await request(server())
      .post('/oauth/token')
      .set('Authorization', `Basic ${basic}`)
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'system/Patient.read' })
      .expect(200);
    expect(viaBasic.body.scope).toBe('system/Patient.read');
    const wrong = await request(server())
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'acs_wrong' })
      .expect(401);
    expect(wrong.body.error).toBe('invalid_client');
    const grant = await request(server())
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', client_id: client.clientId, client_secret: client.clientSecret })
      .expect(400);
    expect(grant.body.error).toBe('unsupported_grant_type');
    const narrow = await createClient(practice, 'system/Patient.read');
    const outside = await request(server())
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_id: narrow.clientId,
        client_secret: narrow.clientSecret,
        scope: 'system/*.read',
      })
      .expect(400);
    expect(outside.body.error).toBe('invalid_scope');
  });

  it('returns every resource type as valid R4, matching the database, with keyset paging', async () => {
    const { access_token: token } = await tokenFor(await createClient(practice));
    const counts = await dbCounts(practice.practiceId);
    for (const type of FHIR_TYPES) {
      const resources = await searchAll(type, token);
      for (const resource of resources) expect(r4Problems(resource), `${type}/${resource.id}`).toEqual([]);
      expect(new Set(resources.map((r) => r.id)).size, type).toBe(resources.length);
      expect(resources.every((r) => r.resourceType === type)).toBe(true);
      if (type !== 'AuditEvent') expect(resources.length, type).toBe(counts[type]);
      else expect(resources.length).toBeGreaterThan(10);
    }
    // A page that holds exactly the rest has no next link (to an empty page); one short of it has.
    const patients = counts.Patient!;
    for (const [count, next] of [
      [patients, false],
      [patients - 1, true],
    ] as const) {
      const page = (await fhir(`/Patient?_count=${count}`, token).expect(200)).body as Bundle;
      expect(page.entry, `_count=${count}`).toHaveLength(count);
      expect(
        page.link?.some((l) => l.relation === 'next'),
        `_count=${count}`,
      ).toBe(next);
    }
    // Notes stay out; the attachment is a Binary reference; the patient filter narrows.
    const comms = await searchAll('Communication', token, `patient=Patient/${seeded.contactId}`);
    expect(comms.map((r) => r.id)).toEqual([seeded.messageId]);
    const attachment = (
      comms[0] as { payload?: Array<{ contentAttachment?: { url?: string } }> }
    ).payload?.find((p) => p.contentAttachment)?.contentAttachment;
    expect(attachment?.url).toMatch(new RegExp(`/fhir/R4/Binary/${seeded.attachmentId}$`));
    const binary = await fhir(`/Binary/${seeded.attachmentId}`, token).expect(200);
    expect(binary.headers['content-type']).toBe('application/pdf');
    expect(binary.body.toString()).toBe('%PDF-1.4 results');
    // Asked for as FHIR JSON: a Binary resource that validates, the same bytes in base64.
    const asResource = await fhir(`/Binary/${seeded.attachmentId}`, token)
      .set('accept', 'application/fhir+json')
      .expect(200);
    expect(r4Problems(asResource.body)).toEqual([]);
    expect(asResource.body).toMatchObject({ resourceType: 'Binary', contentType: 'application/pdf' });
    expect(Buffer.from(asResource.body.data, 'base64').toString()).toBe('%PDF-1.4 results');
    const patient = await fhir(`/Patient/${seeded.contactId}`, token).expect(200);
    expect(r4Problems(patient.body)).toEqual([]);
    expect(patientNames).toContain(patient.body.name[0].text);
    const byId = await fhir(`/Patient?_id=${seeded.contactId}`, token).expect(200);
    expect(byId.body.entry).toHaveLength(1);
    const future = await fhir(`/Communication?_lastUpdated=gt2100-01-01`, token).expect(200);
    expect(future.body.entry ?? []).toEqual([]);
    const past = await fhir(
      `/Consent?_lastUpdated=ge2000-01-01&_lastUpdated=lt2100-01-01T00:00:00Z`,
      token,
    ).expect(200);
    expect(past.body.entry).toHaveLength(counts.Consent!);
  });

  it('counts the whole search set on request (_total=accurate|estimate), the same on every page', async () => {
    const { access_token: token } = await tokenFor(await createClient(practice));
    const counts = await dbCounts(practice.practiceId);
    for (const total of ['accurate', 'estimate']) {
      const first = await fhir(`/Patient?_count=5&_total=${total}`, token).expect(200);
      expect(r4Problems(first.body)).toEqual([]);
      expect(first.body.total).toBe(counts.Patient);
      expect(first.body.entry).toHaveLength(5);
      // The next page (keyset cursor) still counts the whole set, not what is left.
      const next = (first.body as Bundle).link!.find((l) => l.relation === 'next')!.url!;
      expect(new URL(next).searchParams.get('_total')).toBe(total);
      const second = await fhir(next.slice(next.indexOf('/fhir/R4') + '/fhir/R4'.length), token).expect(200);
      expect(second.body.total).toBe(counts.Patient);
      expect(second.body.entry).toHaveLength(5);
    }
    const comms = await fhir(
      `/Communication?_total=accurate&patient=Patient/${seeded.contactId}`,
      token,
    ).expect(200);
    expect(comms.body.total).toBe(1);
    const allComms = await fhir('/Communication?_total=accurate&_count=1', token).expect(200);
    expect(allComms.body.total).toBe(counts.Communication);
    const consents = await fhir('/Consent?_total=accurate&_lastUpdated=lt2100-01-01', token).expect(200);
    expect(consents.body.total).toBe(counts.Consent);
    const events = await searchAll('AuditEvent', token, '_count=2');
    const ids = events.slice(0, 3).map((e) => e.id);
    const audit = await fhir(`/AuditEvent?_total=accurate&_id=${ids.join(',')}`, token).expect(200);
    expect(r4Problems(audit.body)).toEqual([]);
    expect(audit.body.total).toBe(3);
    const nothing = await fhir('/Patient?_total=accurate&_id=not-ours', token).expect(200);
    expect(nothing.body.total).toBe(0);
    // none (and no _total): no count is made.
    for (const query of ['_total=none', '_count=3'])
      expect((await fhir(`/Patient?${query}`, token).expect(200)).body.total).toBeUndefined();
    await fhir('/Patient?_total=exact', token).expect(400);
    // The count an owner makes stops at the cap it is given (the API's is documented).
    const capped = await api
      .get(TenantDb)
      .forTenant(practice.practiceId, (tx) => api.get(ContactRepository).countChanged(tx, {}, 3));
    expect(capped).toBe(3);
  });

  it('refuses bad parameters with a 400 OperationOutcome naming them', async () => {
    const { access_token: token } = await tokenFor(await createClient(practice));
    for (const query of [
      '_count=0',
      '_count=5000',
      '_count=abc',
      '_lastUpdated=yesterday',
      '_lastUpdated=ge2026-13-45',
      '_cursor=!!',
      'name=x',
    ]) {
      const res = await fhir(`/Patient?${query}`, token).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect(res.body.resourceType).toBe('OperationOutcome');
      expect(res.body.issue[0].code).toBe('invalid');
      expect(r4Problems(res.body)).toEqual([]);
    }
    const unknown = await fhir('/Observation', token).expect(404);
    expect(unknown.body.resourceType).toBe('OperationOutcome');
  });

  it("another practice's token sees nothing of this practice", async () => {
    const { access_token: token } = await tokenFor(await createClient(other));
    await fhir(`/Patient/${seeded.contactId}`, token).expect(404);
    await fhir(`/Communication/${seeded.messageId}`, token).expect(404);
    await fhir(`/Binary/${seeded.attachmentId}`, token).expect(404);
    const patients = await searchAll('Patient', token);
    expect(patients).toHaveLength(1);
    expect(patients.map((p) => p.id)).not.toContain(seeded.contactId);
    const comms = await searchAll('Communication', token, `patient=${seeded.contactId}`);
    expect(comms).toEqual([]);
  });

  it('a narrower scope reads only its types; a revoked client and a forged token read nothing', async () => {
    const client = await createClient(practice);
    const { access_token: patientsOnly } = await tokenFor(client, 'system/Patient.read');
    await fhir('/Patient', patientsOnly).expect(200);
    const refused = await fhir('/Communication', patientsOnly).expect(403);
    expect(refused.body.resourceType).toBe('OperationOutcome');
    const { access_token: token } = await tokenFor(client);
    await fhir('/Patient', token).expect(200);
    await c.delete(`/v1/api-clients/${client.clientId}`, other.accessToken).expect(404);
    await c.delete(`/v1/api-clients/${client.id}`, other.accessToken).expect(404);
    await c.delete(`/v1/api-clients/${client.clientId}`, practice.accessToken).expect(204);
    const revoked = await fhir('/Patient', token).expect(401);
    expect(revoked.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(revoked.body.resourceType).toBe('OperationOutcome');
    const again = await request(server())
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      })
      .expect(401);
    expect(again.body.error).toBe('invalid_client');
    await fhir('/Patient', `${token.slice(0, -4)}AAAA`).expect(401);
    await request(server()).get('/fhir/R4/Patient').expect(401);
  });

  it('audits reads and searches as the API client', async () => {
    const client = await createClient(practice);
    const { access_token: token } = await tokenFor(client);
    await fhir(`/Patient/${seeded.contactId}`, token).expect(200);
    await fhir(`/Communication?patient=${seeded.contactId}`, token).expect(200);
    const events = await auditTrail(api, practice.practiceId);
    const byClient = events.filter((e) => e.actor.type === 'api_client' && e.actor.id === client.id);
    expect(byClient.find((e) => e.action === 'fhir.read')?.target).toEqual({
      type: 'contact',
      id: seeded.contactId,
    });
    expect(byClient.find((e) => e.action === 'fhir.searched')?.metadata).toMatchObject({
      resourceType: 'Communication',
      count: 1,
    });
  });

  it('bulk export round-trips: NDJSON line counts equal the database, same client only, cancel deletes', async () => {
    const client = await createClient(practice);
    const { access_token: token } = await tokenFor(client);
    await fhir('/$export', token).expect(400); // no Prefer: respond-async
    const kickOff = await fhir('/$export', token).set('Prefer', 'respond-async').expect(202);
    const statusUrl = kickOff.headers['content-location'] as string;
    expect(statusUrl).toMatch(/\/fhir\/R4\/bulk-status\/[0-9a-f-]{36}$/);
    const statusPath = statusUrl.slice(statusUrl.indexOf('/fhir/R4') + '/fhir/R4'.length);
    // The rows as of the kick-off: the manifest covers changes up to its transaction time.
    const counts = await dbCounts(practice.practiceId);
    await fhir('/$export', token).set('Prefer', 'respond-async').expect(429);

    let manifest: {
      transactionTime: string;
      output: Array<{ type: string; url: string; count: number }>;
    } | null = null;
    for (let i = 0; i < 300 && !manifest; i++) {
      const res = await fhir(statusPath, token);
      if (res.status === 200) manifest = res.body;
      else {
        expect(res.status).toBe(202);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    // The export job's log lines name why it never finished.
    expect(manifest, logs.filter((l) => /Job|Fhir|rror/.test(l)).join('\n')).not.toBeNull();
    const lines: Record<string, number> = {};
    for (const file of manifest!.output) {
      const path = file.url.slice(file.url.indexOf('/fhir/R4') + '/fhir/R4'.length);
      const res = await fhir(path, token)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (d: Buffer) => chunks.push(d));
          r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+ndjson/);
      const resources = (res.body as string)
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Resource);
      expect(resources).toHaveLength(file.count);
      for (const resource of resources) {
        expect(resource.resourceType).toBe(file.type);
        expect(r4Problems(resource)).toEqual([]);
      }
      lines[file.type] = (lines[file.type] ?? 0) + resources.length;
    }
    expect({ Patient: lines.Patient, Communication: lines.Communication, Consent: lines.Consent }).toEqual(
      counts,
    );
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND occurred_at < $2`,
      [practice.practiceId, manifest!.transactionTime],
    );
    expect(lines.AuditEvent).toBe(rows[0].n);
    // The files are stored encrypted: no patient's name in the stored bytes.
    const stored = await owner.query(`SELECT content_enc FROM fhir_export_files WHERE tenant_id = $1`, [
      practice.practiceId,
    ]);
    for (const row of stored.rows)
      for (const name of patientNames) expect(row.content_enc.toString('latin1')).not.toContain(name);

    // Another client of the same practice cannot read this export.
    const { access_token: otherClient } = await tokenFor(await createClient(practice));
    await fhir(statusPath, otherClient).expect(404);
    const firstFile = manifest!.output[0]!.url;
    await fhir(firstFile.slice(firstFile.indexOf('/fhir/R4') + 8), otherClient).expect(404);

    // Cancel: the status is gone and the files deleted.
    await request(server())
      .delete(`/fhir/R4${statusPath}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(202);
    await fhir(statusPath, token).expect(404);
    const left = await owner.query(`SELECT count(*)::int AS n FROM fhir_export_files WHERE tenant_id = $1`, [
      practice.practiceId,
    ]);
    expect(left.rows[0].n).toBe(0);
    const audited = (await auditTrail(api, practice.practiceId))
      .filter((e) => e.actor.id === client.id)
      .map((e) => e.action);
    expect(audited).toEqual(
      expect.arrayContaining([
        'fhir.export_requested',
        'fhir.exported',
        'fhir.export_downloaded',
        'fhir.export_cancelled',
      ]),
    );
  }, 60_000);

  /** A completed export of `clientId` stored directly, expiring at now() + `expires`, with `files` files. */
  async function storedExport(tenantId: string, clientId: string, expires: string, files: number) {
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO fhir_exports (id, tenant_id, client_id, status, resource_types, transaction_time, completed_at, expires_at)
       VALUES (gen_random_uuid(), $1, $2, 'completed', ARRAY['Patient'], now(), now(), now() + $3::interval)
       RETURNING id`,
      [tenantId, clientId, expires],
    );
    const id = rows[0]!.id;
    await owner.query(
      `INSERT INTO fhir_export_files (id, tenant_id, export_id, resource_type, position, line_count, content_enc)
       SELECT gen_random_uuid(), $1, $2, 'Patient', n, 1, '\\x00'::bytea FROM generate_series(0, $3 - 1) n`,
      [tenantId, id, files],
    );
    return id;
  }

  const filesOf = async (exportIds: string[]) =>
    (
      await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM fhir_export_files WHERE export_id = ANY($1::uuid[])`,
        [exportIds],
      )
    ).rows[0]!.n;

  /** The practice's expiry job run as the worker runs it (a system actor), `limit` exports and files a batch. */
  function expire(tenantId: string, limit: number): Promise<void> {
    const job = worker.get(FhirExportExpiryJob);
    return requestContext.run({ tenantId, actor: { type: 'system', id: 'job:fhir.export_expiry' } }, () =>
      job.expire(limit),
    );
  }

  const expiredEvents = async (tenantId: string) =>
    (await auditTrail(api, tenantId)).filter((e) => e.action === 'fhir.export_expired');

  it('the expiry job deletes expired exports and their files in bounded batches, each export audited once as the system', async () => {
    const clientId = (await createClient(practice)).id;
    // Five expired exports, more than a batch of two, one with more files than a batch.
    const fileCounts = [3, 1, 0, 2, 1];
    const expired: string[] = [];
    for (const files of fileCounts)
      expired.push(await storedExport(practice.practiceId, clientId, '-1 minute', files));
    const batches = vi.spyOn(worker.get(FhirExportRepository), 'deleteExpired');

    try {
      await expire(practice.practiceId, 2);
      const results = await Promise.all(batches.mock.results.map((r) => r.value));
      expect(results.length).toBeGreaterThan(1);
      for (const batch of results) {
        expect(batch.deleted.length).toBeLessThanOrEqual(2);
        expect(batch.files).toBeLessThanOrEqual(2);
      }
    } finally {
      batches.mockRestore();
    }

    const { rows } = await owner.query(`SELECT id FROM fhir_exports WHERE id = ANY($1::uuid[])`, [expired]);
    expect(rows).toEqual([]);
    expect(await filesOf(expired)).toBe(0);
    const events = await expiredEvents(practice.practiceId);
    expect(events.map((e) => e.target?.id).toSorted()).toEqual(expired.toSorted());
    for (const event of events) {
      expect(event.actor).toEqual({ type: 'system', id: 'job:fhir.export_expiry' });
      expect(event.metadata).toEqual({ files: fileCounts[expired.indexOf(event.target!.id)] });
    }

    // A second run finds nothing and audits nothing.
    await expire(practice.practiceId, 2);
    expect(await expiredEvents(practice.practiceId)).toHaveLength(expired.length);
  });

  it('two expiry runs at once (two exports expiring together) delete and audit each export once', async () => {
    const clientId = (await createClient(practice)).id;
    const expired: string[] = [];
    for (const files of [2, 1, 3, 0, 1, 2])
      expired.push(await storedExport(practice.practiceId, clientId, '-1 minute', files));
    const before = (await expiredEvents(practice.practiceId)).length;

    await Promise.all([expire(practice.practiceId, 2), expire(practice.practiceId, 2)]);

    const { rows } = await owner.query(`SELECT id FROM fhir_exports WHERE id = ANY($1::uuid[])`, [expired]);
    expect(rows).toEqual([]);
    expect(await filesOf(expired)).toBe(0);
    const events = await expiredEvents(practice.practiceId);
    expect(
      events
        .slice(0, events.length - before)
        .map((e) => e.target?.id)
        .toSorted(),
    ).toEqual(expired.toSorted());
  });

  it("the expiry job leaves unexpired exports and another practice's expired ones", async () => {
    const clientId = (await createClient(practice)).id;
    const expired = await storedExport(practice.practiceId, clientId, '-1 second', 1);
    const unexpired = await storedExport(practice.practiceId, clientId, '1 hour', 2);
    const elsewhere = await storedExport(other.practiceId, (await createClient(other)).id, '-1 hour', 2);
    const before = (await expiredEvents(practice.practiceId)).length;

    await expire(practice.practiceId, 2);

    const { rows } = await owner.query<{ id: string }>(
      `SELECT id FROM fhir_exports WHERE id = ANY($1::uuid[])`,
      [[expired, unexpired, elsewhere]],
    );
    expect(rows.map((r) => r.id).toSorted()).toEqual([unexpired, elsewhere].toSorted());
    expect(await filesOf([unexpired, elsewhere])).toBe(4);
    const events = await expiredEvents(practice.practiceId);
    expect(events.slice(0, events.length - before).map((e) => e.target?.id)).toEqual([expired]);
    expect(await expiredEvents(other.practiceId)).toEqual([]);
  });

  it('never writes PHI into logs or URLs', () => {
    const text = logs.join('\n');
    for (const name of patientNames) expect(text).not.toContain(name);
    expect(text).not.toContain('my question number');
    expect(text).not.toContain('acs_');
  });
});
