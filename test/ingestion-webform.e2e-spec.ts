import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_LIMITS, type PublicChannel } from '@app/channels';
import { ConsentLedger, currentDisclosure } from '@app/consent';
import { MessageRepository } from '@app/conversations';
import { TenantDb } from '@app/database';
import { StaffClient, ownerPool, startApi, testClientIp } from '@app/testing';
import { freshPhone } from './ingestion-fixtures.js';
import { OTHER_SITE, SITE, createPublicChannel, intakeRowCounts } from './intake-fixtures.js';

describe('web form intake', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let form: PublicChannel;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    form = await createPublicChannel(app, owner, 'webform');
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const submit = (body: object, opts: { origin?: string | null; ip?: string; formKey?: string } = {}) => {
    const req = request(app.getHttpServer())
      .post(`/v1/public/forms/${opts.formKey ?? form.publicKey}/submissions`)
      .set('X-Forwarded-For', opts.ip ?? testClientIp())
      .set('User-Agent', 'Mozilla/5.0 (intake test)');
    if (opts.origin !== null) req.set('Origin', opts.origin ?? SITE);
    return req.send(body);
  };

  it('creates a lead contact and a conversation, the message and fields encrypted; a ticked box is kept as intent, never as consent', async () => {
    const phone = freshPhone();
    const res = await submit({
      name: 'Nadia Newpatient',
      email: 'nadia.newpatient@mail.test',
      phone,
      message: 'I would like an appointment about my knee pain',
      fields: { insurance: 'Acme Health PPO', preferredTime: 'mornings', returning: false },
      consent: { sms: true, email: false, disclosureVersion: 'sms-v1' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ received: true });
    expect(res.headers['access-control-allow-origin']).toBe(SITE);

    const { rows: messages } = await owner.query(
      `SELECT id, conversation_id, contact_id, channel, direction, body_enc FROM messages WHERE tenant_id = $1`,
      [form.tenantId],
    );
    expect(messages).toHaveLength(1);
    const message = messages[0];
    expect(message).toMatchObject({ channel: 'webform', direction: 'inbound' });
    expect(message.body_enc.toString('latin1')).not.toContain('knee');

    const { rows: contacts } = await owner.query(`SELECT id, lead_stage FROM contacts WHERE tenant_id = $1`, [
      form.tenantId,
    ]);
    expect(contacts).toEqual([{ id: message.contact_id, lead_stage: 'new' }]);
    const { rows: conversations } = await owner.query(
      `SELECT id, contact_id, last_channel FROM conversations WHERE tenant_id = $1`,
      [form.tenantId],
    );
    expect(conversations).toEqual([
      { id: message.conversation_id, contact_id: message.contact_id, last_channel: 'webform' },
    ]);

    const { rows: submissions } = await owner.query(
      `SELECT fields_enc, message_id, consent_disclosures, client_evidence_enc FROM form_submissions
       WHERE tenant_id = $1`,
      [form.tenantId],
    );
    expect(submissions).toHaveLength(1);
    expect(submissions[0].message_id).toBe(message.id);
    expect(submissions[0].fields_enc.toString('latin1')).not.toContain('Acme');
    // The evidence of intent: the disclosure the form showed, the client (encrypted).
    expect(submissions[0].consent_disclosures).toEqual({
      sms: { version: 'sms-v1', hash: currentDisclosure('sms').hash.toString('hex') },
    });
    expect(submissions[0].client_evidence_enc.toString('latin1')).not.toContain('intake test');

    const { stored, consents } = await app.get(TenantDb).forTenant(form.tenantId, async (tx) => ({
      stored: await app.get(MessageRepository).get(tx, message.id),
      consents: await app.get(ConsentLedger).current(tx, message.contact_id),
    }));
    expect(stored?.body).toBe('I would like an appointment about my knee pain');
    // Anyone can type anyone's number: only the answer from that number grants (double opt-in).
    expect(consents).toEqual([]);
  });

  it('answers the CORS preflight for allowed origins only', async () => {
    const allowed = await request(app.getHttpServer())
      .options(`/v1/public/forms/${form.publicKey}/submissions`)
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(SITE);
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');

    const refused = await request(app.getHttpServer())
      .options(`/v1/public/forms/${form.publicKey}/submissions`)
      .set('Origin', OTHER_SITE)
      .set('Access-Control-Request-Method', 'POST');
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a POST from a disallowed or missing origin, storing nothing', async () => {
    const other = await createPublicChannel(app, owner, 'webform');
    const before = await intakeRowCounts(owner, other.tenantId);
    for (const origin of [OTHER_SITE, null, 'null', `${SITE}.evil.example`]) {
      const res = await submit(
        { email: 'someone@mail.test', message: 'hello' },
        { origin, formKey: other.publicKey },
      );
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('origin_not_allowed');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(await intakeRowCounts(owner, other.tenantId)).toEqual(before);
  });

  it('answers 404 for an unknown form key, and for a chat widget key', async () => {
    const chat = await createPublicChannel(app, owner, 'chat');
    expect((await submit({ email: 'a@mail.test' }, { formKey: 'wf_' + 'A'.repeat(32) })).status).toBe(404);
    expect((await submit({ email: 'a@mail.test' }, { formKey: chat.publicKey })).status).toBe(404);
    expect((await submit({ email: 'a@mail.test' }, { formKey: '../../etc' })).status).toBe(404);
  });

  it('rate limits per client address with 429 and Retry-After', async () => {
    const limited = await createPublicChannel(app, owner, 'webform');
    const ip = testClientIp();
    const limit = INTAKE_LIMITS.formPerIp.limit;
    for (let i = 0; i < limit; i++) {
      const res = await submit({ email: `lead${i}@mail.test` }, { ip, formKey: limited.publicKey });
      expect(res.status).toBe(202);
    }
    const over = await submit({ email: 'one.more@mail.test' }, { ip, formKey: limited.publicKey });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Another client address is not affected.
    expect((await submit({ email: 'other@mail.test' }, { formKey: limited.publicKey })).status).toBe(202);
    expect((await intakeRowCounts(owner, limited.tenantId)).messages).toBe(limit + 1);
  });

  it('drops a submission whose honeypot is filled, answering as if it were stored', async () => {
    const trap = await createPublicChannel(app, owner, 'webform');
    const before = await intakeRowCounts(owner, trap.tenantId);
    const res = await submit(
      { email: 'bot@spam.test', message: 'cheap pills', website: 'http://spam.test' },
      { formKey: trap.publicKey },
    );
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ received: true });
    expect(await intakeRowCounts(owner, trap.tenantId)).toEqual(before);
  });

  it('refuses an unknown disclosure version or an invalid address, writing nothing', async () => {
    const strict = await createPublicChannel(app, owner, 'webform');
    const before = await intakeRowCounts(owner, strict.tenantId);
    const cases = [
      { email: 'a@mail.test', consent: { email: true, disclosureVersion: 'email-v999' } },
      { phone: 'not a phone', message: 'hi' },
      { email: 'not-an-email', message: 'hi' },
      { email: 'a@mail.test', consent: { sms: true } },
      { message: 'no address at all' },
    ];
    for (const body of cases) {
      const res = await submit(body, { formKey: strict.publicKey });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await intakeRowCounts(owner, strict.tenantId)).toEqual(before);
  });

  it('keeps the current email disclosure as evidence of the email box when the form names the SMS one', async () => {
    const both = await createPublicChannel(app, owner, 'webform');
    const res = await submit(
      {
        email: 'both@mail.test',
        phone: freshPhone(),
        consent: { sms: true, email: true, disclosureVersion: 'sms-v1' },
      },
      { formKey: both.publicKey },
    );
    expect(res.status).toBe(202);
    const { rows } = await owner.query(
      `SELECT consent_disclosures -> 'email' ->> 'version' AS email, consent_disclosures -> 'sms' ->> 'version' AS sms
       FROM form_submissions WHERE tenant_id = $1`,
      [both.tenantId],
    );
    expect(rows).toEqual([{ email: 'email-v1', sms: 'sms-v1' }]);
    const { rows: granted } = await owner.query(`SELECT id FROM consent_records WHERE tenant_id = $1`, [
      both.tenantId,
    ]);
    expect(granted).toEqual([]);
  });

  it('admins create web forms and chat widgets through POST /v1/channels', async () => {
    const staff = new StaffClient(app);
    const admin = await staff.signupPractice();
    const created = await staff.post(
      '/v1/channels',
      {
        type: 'webform',
        name: 'Contact us',
        allowedOrigins: [`${SITE}/`, 'HTTPS://WWW.RIVERSIDE-CLINIC.TEST'],
      },
      admin.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'webform', name: 'Contact us', allowedOrigins: [SITE] });
    expect(created.body.formKey).toMatch(/^wf_/);
    expect(created.body.submitUrl).toMatch(
      new RegExp(`/v1/public/forms/${created.body.formKey}/submissions$`),
    );

    const chat = await staff.post(
      '/v1/channels',
      { type: 'chat', name: 'Website chat', allowedOrigins: [SITE] },
      admin.accessToken,
    );
    expect(chat.status).toBe(201);
    expect(chat.body.widgetKey).toMatch(/^cw_/);

    const list = await staff.get('/v1/channels', admin.accessToken);
    expect(list.body.data.map((c: { type: string }) => c.type)).toEqual(['webform', 'chat']);
    const renamed = await staff.patch(
      `/v1/channels/${created.body.id}`,
      { name: 'Contact' },
      admin.accessToken,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Contact', formKey: created.body.formKey });

    const bad = await staff.post(
      '/v1/channels',
      { type: 'webform', name: 'x', allowedOrigins: ['javascript:alert(1)'] },
      admin.accessToken,
    );
    expect(bad.status).toBe(400);

    const res = await submit({ email: 'via.admin@mail.test' }, { formKey: created.body.formKey });
    expect(res.status).toBe(202);
  });
});
