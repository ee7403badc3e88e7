import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaffMember, StaffClient, auditTrail, ownerPool } from '@app/testing';
import { InboxSeeder } from './inbox-fixtures.js';
import { startListeningApi } from './ingestion-fixtures.js';

describe('contacts (GET/PATCH /v1/contacts, merge)', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let admin: StaffMember;
  let billing: StaffMember;
  let seed: InboxSeeder;

  beforeAll(async () => {
    app = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    c = new StaffClient(app);
    admin = await c.signupPractice();
    billing = await c.addStaff(admin, 'billing');
    seed = await InboxSeeder.forPractice(app, owner, admin.practiceId);
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const merge = (into: string, other: string, who = admin) =>
    c.post(`/v1/contacts/${into}/merge`, { otherContactId: other }, who.accessToken);

  /** A granted SMS consent row for the contact, as the consent ledger writes it (append-only). */
  async function grantConsent(contactId: string): Promise<string> {
    const id = randomUUID();
    await owner.query(
      `INSERT INTO consent_records (id, tenant_id, contact_id, channel, address_enc, address_bidx, decision, method,
         actor_type, actor_id, disclosure_hash)
       VALUES ($1, $2, $3, 'sms', '\\x01', '\\x02', 'granted', 'web_link', 'patient', $4, '\\x03')`,
      [id, admin.practiceId, contactId, 'test'],
    );
    return id;
  }

  it('finds contacts by exact phone, email or name (normalized, via blind index), audited without the value', async () => {
    const x = await seed.inbound({ name: 'Greta Gomez', from: 'greta.gomez@mail.test' });
    await c.patch(`/v1/contacts/${x.contactId}`, { phone: '(555) 201-7788' }, admin.accessToken).expect(200);

    for (const q of [
      'email=GRETA.GOMEZ@mail.test',
      'phone=%2B15552017788',
      'phone=555-201-7788',
      'name=greta%20gomez',
    ]) {
      const res = await c.get(`/v1/contacts?${q}`, billing.accessToken).expect(200);
      expect(
        res.body.data.map((k: { id: string }) => k.id),
        q,
      ).toEqual([x.contactId]);
    }
    expect((await c.get('/v1/contacts?email=nobody@mail.test', admin.accessToken).expect(200)).body).toEqual({
      data: [],
      nextCursor: null,
    });
    for (const q of ['', '?phone=1&email=a@b.test', '?email=x@y.test&cursor=!!', '?email=x@y.test&limit=0'])
      expect((await c.get(`/v1/contacts${q}`, admin.accessToken)).body.error.code).toBe('validation_failed');

    const searches = (await auditTrail(app, admin.practiceId)).filter((e) => e.action === 'contact.searched');
    expect(searches.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(searches)).not.toMatch(/greta|2017788/i);
  });

  it('shows and edits a contact (validated, audited); billing may read but not edit; other practices 404', async () => {
    const x = await seed.inbound({ name: 'Hal Hart' });
    const res = await c
      .patch(
        `/v1/contacts/${x.contactId}`,
        { dateOfBirth: '1980-02-29', leadStage: 'scheduled', name: 'Hal Hartley' },
        admin.accessToken,
      )
      .expect(200);
    expect(res.body).toMatchObject({
      id: x.contactId,
      name: 'Hal Hartley',
      dateOfBirth: '1980-02-29',
      leadStage: 'scheduled',
    });
    const detail = await c.get(`/v1/contacts/${x.contactId}`, billing.accessToken).expect(200);
    expect(detail.body.name).toBe('Hal Hartley');
    // The lead stage shows on the contact's conversations (inbox filter).
    const list = await c
      .get('/v1/conversations?leadStage=scheduled&limit=100', admin.accessToken)
      .expect(200);
    expect(list.body.data.map((i: { id: string }) => i.id)).toContain(x.conversationId);

    for (const body of [
      { phone: 'not a phone' },
      { email: 'nope' },
      { dateOfBirth: '2999-01-01' },
      { leadStage: 'vip' },
      {},
    ])
      expect(
        (await c.patch(`/v1/contacts/${x.contactId}`, body, admin.accessToken)).status,
        JSON.stringify(body),
      ).toBe(400);
    expect((await c.patch(`/v1/contacts/${x.contactId}`, { name: 'X' }, billing.accessToken)).status).toBe(
      403,
    );

    const other = await new StaffClient(app).signupPractice();
    expect((await c.get(`/v1/contacts/${x.contactId}`, other.accessToken)).status).toBe(404);
    expect((await c.patch(`/v1/contacts/${x.contactId}`, { name: 'X' }, other.accessToken)).status).toBe(404);
    expect((await c.get('/v1/contacts/not-an-id', admin.accessToken)).status).toBe(404);
    const trail = (await auditTrail(app, admin.practiceId)).filter((e) => e.target?.id === x.contactId);
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['contact.updated', 'contact.read']));
  });

  it('staff enter a contact by hand (POST /v1/contacts); a phone or email on file answers 409 naming its holder', async () => {
    const phone = `+1555${String((randomBytes(3).readUIntBE(0, 3) % 9_000_000) + 1_000_000)}`;
    const email = `outreach.${randomBytes(4).toString('hex')}@mail.test`;
    const created = await c.post(
      '/v1/contacts',
      {
        name: 'Olga Outreach',
        phone: `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`,
        email,
        dateOfBirth: '1975-06-01',
      },
      admin.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Olga Outreach', phone, email, dateOfBirth: '1975-06-01' });
    const id: string = created.body.id;

    // The same number in another spelling, or the same email alone: nothing written, the holder named.
    for (const body of [{ phone }, { email: email.toUpperCase(), name: 'Someone Else' }]) {
      const dup = await c.post('/v1/contacts', body, admin.accessToken);
      expect(dup.status, JSON.stringify(body)).toBe(409);
      expect(dup.body.error).toMatchObject({ code: 'contact_exists', details: { contactId: id } });
    }
    const found = await c
      .get(`/v1/contacts?phone=${encodeURIComponent(phone)}`, admin.accessToken)
      .expect(200);
    expect(found.body.data.map((k: { id: string }) => k.id)).toEqual([id]);

    // Concurrent creates of one new number make one contact.
    const racePhone = `+1555${String((randomBytes(3).readUIntBE(0, 3) % 9_000_000) + 1_000_000)}`;
    const race = await Promise.all(
      [1, 2, 3].map(() => c.post('/v1/contacts', { phone: racePhone }, admin.accessToken)),
    );
    expect(race.map((r) => r.status).toSorted()).toEqual([201, 409, 409]);

    // An address is required; a bad one, billing, and a field we do not take are refused.
    for (const body of [
      { name: 'No Address' },
      { phone: 'not a phone' },
      { email: 'nope' },
      { phone, extra: 1 },
    ])
      expect((await c.post('/v1/contacts', body, admin.accessToken)).status, JSON.stringify(body)).toBe(400);
    expect((await c.post('/v1/contacts', { phone: '+15550000001' }, billing.accessToken)).status).toBe(403);

    const actions = (await auditTrail(app, admin.practiceId))
      .filter((e) => e.target?.id === id)
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['contact.created', 'contact.create_refused']));
  });

  it('merges: conversations, messages and consents move (consents copied, append-only), open threads fold into one', async () => {
    const keep = await seed.inbound({ name: 'Ida Irwin', from: 'ida@mail.test', body: 'from keep' });
    const dup = await seed.inbound({ name: 'Ida I.', from: 'ida.work@mail.test', body: 'from dup' });
    await seed.inbound({ from: 'ida.work@mail.test', body: 'dup again' });
    const consentId = await grantConsent(dup.contactId);
    // The duplicate's secure link and consent requests, as delivery leaves them.
    const linkId = randomUUID();
    const dupMessage = (
      await owner.query(`SELECT id FROM messages WHERE contact_id = $1 LIMIT 1`, [dup.contactId])
    ).rows[0].id;
    await owner.query(
      `INSERT INTO secure_links (id, tenant_id, contact_id, message_id, channel, address_enc, address_bidx,
         token_hash, expires_at)
       VALUES ($1, $2, $3, $4, 'email', '\\x00', '\\x00', $5, now() + interval '14 days')`,
      [linkId, admin.practiceId, dup.contactId, dupMessage, randomBytes(32)],
    );
    const request = (contactId: string, channel: string) =>
      owner
        .query(
          `INSERT INTO consent_requests (id, tenant_id, contact_id, channel, address_enc, address_bidx,
             disclosure_version, status, expires_at)
           VALUES (gen_random_uuid(), $1, $2, $3, '\\x00', '\\x00', 'v1', 'live', now() + interval '7 days')
           RETURNING id`,
          [admin.practiceId, contactId, channel],
        )
        .then((r) => r.rows[0].id as string);
    const [keepEmailRequest, dupEmailRequest, dupSmsRequest] = [
      await request(keep.contactId, 'email'),
      await request(dup.contactId, 'email'),
      await request(dup.contactId, 'sms'),
    ];

    const res = await c
      .post(`/v1/contacts/${keep.contactId}/merge`, { otherContactId: dup.contactId }, admin.accessToken)
      .expect(200);
    expect(res.body).toMatchObject({
      conversationsMoved: 1,
      consentsCopied: 1,
      foldedConversationId: dup.conversationId,
      contact: { id: keep.contactId, name: 'Ida Irwin', email: 'ida@mail.test' },
    });

    const messages = await c
      .get(`/v1/conversations/${keep.conversationId}/messages`, admin.accessToken)
      .expect(200);
    expect(messages.body.data.map((m: { body: string }) => m.body).toSorted()).toEqual([
      'dup again',
      'from dup',
      'from keep',
    ]);
    const { rows: convs } = await owner.query(
      `SELECT id, status, contact_id FROM conversations WHERE id = ANY($1) ORDER BY status`,
      [[keep.conversationId, dup.conversationId]],
    );
    expect(convs).toEqual([
      { id: dup.conversationId, status: 'closed', contact_id: keep.contactId },
      { id: keep.conversationId, status: 'open', contact_id: keep.contactId },
    ]);
    const { rows: leftOver } = await owner.query(
      `SELECT count(*)::int AS n FROM messages WHERE contact_id = $1`,
      [dup.contactId],
    );
    expect(leftOver[0].n).toBe(0);
    const { rows: consents } = await owner.query(
      `SELECT contact_id, copied_from FROM consent_records WHERE tenant_id = $1 AND (id = $2 OR copied_from = $2)
       ORDER BY copied_from NULLS FIRST`,
      [admin.practiceId, consentId],
    );
    expect(consents).toEqual([
      { contact_id: dup.contactId, copied_from: null },
      { contact_id: keep.contactId, copied_from: consentId },
    ]);

    // The link now shows the survivor's thread (where the messages went); one live request per channel.
    expect(
      (await owner.query(`SELECT contact_id FROM secure_links WHERE id = $1`, [linkId])).rows[0].contact_id,
    ).toBe(keep.contactId);
    const { rows: requests } = await owner.query(
      `SELECT id, contact_id, status FROM consent_requests WHERE id = ANY($1::uuid[])`,
      [[keepEmailRequest, dupEmailRequest, dupSmsRequest]],
    );
    expect(Object.fromEntries(requests.map((r) => [r.id, [r.contact_id, r.status]]))).toEqual({
      [keepEmailRequest]: [keep.contactId, 'live'],
      [dupEmailRequest]: [keep.contactId, 'superseded'],
      [dupSmsRequest]: [keep.contactId, 'live'],
    });

    // The merged contact names its survivor, its address finds the survivor, and new mail lands there.
    expect(
      (await c.get(`/v1/contacts/${dup.contactId}`, admin.accessToken).expect(200)).body.mergedInto,
    ).toBe(keep.contactId);
    const found = await c.get('/v1/contacts?email=ida.work@mail.test', admin.accessToken).expect(200);
    expect(found.body.data.map((k: { id: string }) => k.id)).toEqual([keep.contactId]);
    const later = await seed.inbound({ from: 'ida.work@mail.test', body: 'after merge' });
    expect(later).toMatchObject({ contactId: keep.contactId, conversationId: keep.conversationId });

    const merged = (await auditTrail(app, admin.practiceId)).find((e) => e.action === 'contact.merged');
    expect(merged).toMatchObject({
      target: { type: 'contact', id: keep.contactId },
      metadata: { mergedContactId: dup.contactId, consentsCopied: 1, conversationsMoved: 1 },
    });
  });

  it('refuses merging a contact into itself (422), twice (409), across practices (404), and rolls back on failure', async () => {
    const a = await seed.inbound();
    const b = await seed.inbound();
    expect((await merge(a.contactId, a.contactId)).body.error.code).toBe('cannot_merge_self');
    await merge(a.contactId, b.contactId).expect(200);
    expect((await merge(a.contactId, b.contactId)).body.error.code).toBe('contact_merged');

    const other = await new StaffClient(app).signupPractice();
    const otherSeed = await InboxSeeder.forPractice(app, owner, other.practiceId);
    const theirs = await otherSeed.inbound();
    const cross = await merge(a.contactId, theirs.contactId);
    expect([cross.status, cross.body.error.code]).toEqual([404, 'not_found']);
    const { rows } = await owner.query(`SELECT contact_id FROM conversations WHERE id = $1`, [
      theirs.conversationId,
    ]);
    expect(rows[0].contact_id).toBe(theirs.contactId);
    expect((await merge(a.contactId, b.contactId, billing)).status).toBe(403);
  });
});
