import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ContactRepository } from '@app/contacts';
import { AttachmentRepository, LiveSubscriptions, StaffEvents } from '@app/conversations';
import { TenantDb } from '@app/database';
import { PORTAL_IDLE_SECONDS, PORTAL_LIMITS } from '@app/portal';
import { REDIS, RedisKeys } from '@app/redis';
import { auditTrail } from '@app/testing';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  patientFromForm,
  attestConsent,
} from './delivery-fixtures.js';
import { waitFor } from './ingestion-fixtures.js';
import {
  type PortalBrowser,
  SECRET_REPLY,
  csrfOf,
  emailedConsentRequest,
  portalBrowser,
  requestPortalCode,
  secureMessageTo,
  submissionIdOf,
  withoutNonce,
} from './portal-fixtures.js';

// Issue 6 over plain HTTP: CSRF, headers, cookie flags, lockout, neutral pages, consent/unsubscribe.
describe('patient pages over HTTP', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const staffToken = () => practice.owner.accessToken;
  /** The practice's live staff events (the pub/sub channel the SSE endpoint relays). */
  const listenToStaffEvents = async () => {
    const seen: Array<Record<string, unknown>> = [];
    const stop = await stack.api
      .get(LiveSubscriptions, { strict: false })
      .subscribe(stack.api.get(StaffEvents, { strict: false }).channelOf(practice.owner.practiceId), (m) =>
        seen.push(JSON.parse(m) as Record<string, unknown>),
      );
    return { seen, stop };
  };
  const browser = () => portalBrowser(stack);
  const requestCode = (b: PortalBrowser, token: string, csrf: string, to: string) =>
    requestPortalCode(stack, b, token, csrf, to);

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('code -> verify -> thread (read receipt for staff) -> reply (channel portal), with strict headers and cookie flags', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const b = browser();
    const events = await listenToStaffEvents();

    const first = await b.get(`/s/${link.token}`).expect(200);
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    expect(first.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(first.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    const csrfCookie = (first.headers['set-cookie'] as unknown as string[])[0]!;
    expect(csrfCookie).toMatch(/^portal_csrf=/);
    expect(csrfCookie).toContain('HttpOnly');
    expect(csrfCookie).toContain('SameSite=Strict');
    expect(first.text).not.toContain(SECRET_REPLY);
    expect(first.text).not.toContain('<script');

    const code = await requestCode(b, link.token, csrfOf(first.text), patient.phone);
    const codeText = (await stack.sentTo(patient.phone))[0]!.body!;
    expect(codeText).not.toContain('A1c');
    expect(codeText).not.toContain('Pat');

    const form = await b.get(`/s/${link.token}`).expect(200);
    expect(form.text).toContain('name="code"');
    const verified = await b.post(`/s/${link.token}/verify`, { csrf: csrfOf(form.text), code }).expect(303);
    const cookies = verified.headers['set-cookie'] as unknown as string[];
    const sessionCookie = cookies.find((c) => c.startsWith('portal_session='))!;
    expect(sessionCookie).toContain('HttpOnly');
    expect(sessionCookie).toContain('SameSite=Strict');
    expect(sessionCookie).toContain('Path=/s/');
    expect(sessionCookie).not.toContain('Secure'); // served over http here; Secure under https (unit spec)

    const thread = await b.get(`/s/${link.token}`).expect(200);
    expect(thread.headers['cache-control']).toBe('no-store');
    expect(thread.text).toContain(SECRET_REPLY.replace(/;/g, ';'));
    const state = await stack.messageState(staffToken(), link.messageId);
    expect(state.status).toBe('read');

    // The code is single use.
    await b.post(`/s/${link.token}/verify`, { csrf: csrfOf(thread.text), code }).expect(400);

    const reply = {
      csrf: csrfOf(thread.text),
      body: 'Thanks, will do',
      submissionId: submissionIdOf(thread.text),
    };
    await b.post(`/s/${link.token}/reply`, reply).expect(303);
    await b.post(`/s/${link.token}/reply`, reply).expect(303); // double submit: one message
    const messages = await stack.staff
      .get(`/v1/conversations/${patient.conversationId}/messages`, staffToken())
      .expect(200);
    const portal = (messages.body.data as Array<{ channel: string; body: string; direction: string }>).filter(
      (m) => m.channel === 'portal',
    );
    expect(portal).toEqual([expect.objectContaining({ direction: 'inbound', body: 'Thanks, will do' })]);
    // Staff screens hear both live: the read receipt and the patient's reply (ids only).
    await waitFor(() =>
      events.seen.find(
        (e) => e.type === 'message.created' && e.channel === 'portal' && e.direction === 'inbound',
      ),
    );
    expect(events.seen).toContainEqual(
      expect.objectContaining({ type: 'message.status_changed', messageId: link.messageId, status: 'read' }),
    );
    expect(JSON.stringify(events.seen)).not.toContain('Thanks');
    events.stop();

    const actions = (await auditTrail(stack.api, practice.owner.practiceId)).map((e) => e.action);
    for (const action of [
      'secure_link.opened',
      'secure_link.code_sent',
      'secure_link.verified',
      'secure_message.viewed',
      'secure_message.replied',
    ])
      expect(actions).toContain(action);
  });

  it('refuses every form post without a valid CSRF token (403), and changes nothing', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const b = browser();
    await b.get(`/s/${link.token}`).expect(200);
    const before = (await stack.sentTo(patient.phone)).length;
    const res = await b.post(`/s/${link.token}/code`, {}).expect(403);
    expect(res.headers['content-type']).toContain('text/html');
    await b.post(`/s/${link.token}/code`, { csrf: 'forged' }).expect(403);
    await b.post(`/s/${link.token}/verify`, { code: '123456' }).expect(403);
    await b.post(`/s/${link.token}/reply`, { body: 'x', submissionId: crypto.randomUUID() }).expect(403);
    // A token copied from another browser does not match this browser's cookie.
    const other = browser();
    const page = await other.get(`/s/${link.token}`).expect(200);
    await b.post(`/s/${link.token}/code`, { csrf: csrfOf(page.text) }).expect(403);
    await b.post('/c/' + 'A'.repeat(43), {}).expect(403);
    await b.post('/u/' + 'A'.repeat(43), {}).expect(403);
    await new Promise((r) => setTimeout(r, 300));
    expect(await stack.sentTo(patient.phone)).toHaveLength(before);
  });

  it('five wrong codes lock the link, audit it and tell staff; the right code no longer helps', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const events = await listenToStaffEvents();
    const b = browser();
    const page = await b.get(`/s/${link.token}`).expect(200);
    const code = await requestCode(b, link.token, csrfOf(page.text), patient.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const res = await b
        .post(`/s/${link.token}/verify`, { csrf: csrfOf(page.text), code: wrong })
        .expect(422);
      expect(res.text).toContain(`${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left`);
    }
    const locked = await b
      .post(`/s/${link.token}/verify`, { csrf: csrfOf(page.text), code: wrong })
      .expect(403);
    expect(locked.text).toContain('This link is locked');
    await b.post(`/s/${link.token}/verify`, { csrf: csrfOf(page.text), code }).expect(403);
    expect((await b.get(`/s/${link.token}`).expect(403)).text).not.toContain(SECRET_REPLY);
    const trail = await auditTrail(stack.api, practice.owner.practiceId);
    expect(trail.filter((e) => e.action === 'secure_link.verify_failed')).toHaveLength(5);
    expect(trail.map((e) => e.action)).toContain('secure_link.locked');
    await waitFor(() => events.seen.find((e) => e.type === 'secure_link.locked'));
    expect(events.seen.find((e) => e.type === 'secure_link.locked')).toMatchObject({
      messageId: link.messageId,
    });
    events.stop();
  });

  it('unknown, expired and retracted links show the very same neutral page (404)', async () => {
    const patient = await patientFromForm(stack, practice);
    const expired = await secureMessageTo(stack, practice, patient, 'first');
    const retracted = await secureMessageTo(stack, practice, patient, 'second');
    await stack.owner.query(
      `UPDATE secure_links SET expires_at = now() - interval '1 second' WHERE message_id = $1`,
      [expired.messageId],
    );
    const res = await stack.staff
      .post(`/v1/messages/${retracted.messageId}/secure-link/retract`, {}, staffToken())
      .expect(200);
    expect(res.body).toMatchObject({ messageId: retracted.messageId, linksRetracted: 1 });
    expect((await stack.messageState(staffToken(), retracted.messageId)).retractedAt).toBe(
      res.body.retractedAt,
    );
    const b = browser();
    const pages = await Promise.all(
      [expired.token, retracted.token, 'A'.repeat(43), 'short'].map((t) => b.get(`/s/${t}`).expect(404)),
    );
    const bodies = pages.map((p) => withoutNonce(p.text));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('This link is not available');
    expect(bodies[0]).not.toContain('Riverside');
  });

  it('retract: 409 once read, 404 for a message that is not a secure message', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    await stack.owner.query(`UPDATE messages SET status = 'read' WHERE id = $1`, [link.messageId]);
    const res = await stack.staff
      .post(`/v1/messages/${link.messageId}/secure-link/retract`, {}, staffToken())
      .expect(409);
    expect(res.body.error.code).toBe('already_read');
    await stack.staff
      .post(`/v1/messages/${crypto.randomUUID()}/secure-link/retract`, {}, staffToken())
      .expect(404);
  });

  it("date of birth when the practice requires it: a sibling's DOB on the shared phone does not pass", async () => {
    const patient = await patientFromForm(stack, practice);
    await stack.staff
      .patch(`/v1/contacts/${patient.contactId}`, { dateOfBirth: '1990-04-02' }, staffToken())
      .expect(200);
    // A sibling shares the phone; their date of birth is on file too.
    await stack.api
      .get(TenantDb, { strict: false })
      .forTenant(practice.owner.practiceId, (tx) =>
        stack.api
          .get(ContactRepository, { strict: false })
          .create(tx, { name: 'Sam Example', phone: patient.phone, dateOfBirth: '2012-09-15' }),
      );
    await stack.staff
      .patch('/v1/practice/settings', { portalRequireDateOfBirth: true }, staffToken())
      .expect(200);
    try {
      const link = await secureMessageTo(stack, practice, patient);
      const b = browser();
      const page = await b.get(`/s/${link.token}`).expect(200);
      let code = await requestCode(b, link.token, csrfOf(page.text), patient.phone);
      const form = await b.get(`/s/${link.token}`).expect(200);
      expect(form.text).toContain('name="dateOfBirth"');
      const csrf = csrfOf(form.text);
      await b.post(`/s/${link.token}/verify`, { csrf, code, dateOfBirth: '2012-09-15' }).expect(422);
      await b.post(`/s/${link.token}/verify`, { csrf, code }).expect(422); // no DOB: a failure too
      code = await requestCode(b, link.token, csrf, patient.phone);
      await b.post(`/s/${link.token}/verify`, { csrf, code, dateOfBirth: '1990-04-02' }).expect(303);
      expect((await b.get(`/s/${link.token}`).expect(200)).text).toContain('Your secure messages');
    } finally {
      await stack.staff
        .patch('/v1/practice/settings', { portalRequireDateOfBirth: false }, staffToken())
        .expect(200);
    }
  });

  it('consent page: exact disclosure, accept recorded once with IP, user agent and disclosure hash', async () => {
    const patient = await patientFromForm(stack, practice);
    const email = await emailedConsentRequest(stack, practice, patient);
    const token = /\/c\/([A-Za-z0-9_-]{43})/.exec(email)![1]!;
    const b = browser();
    const page = await b.get(`/c/${token}`).expect(200);
    expect(page.text).toContain('Regular email is not encrypted end to end.');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const form = { csrf: csrfOf(page.text), decision: 'accept' };
    expect((await b.post(`/c/${token}`, form).expect(200)).text).toContain('Your answer is recorded');
    await b.post(`/c/${token}`, { ...form, decision: 'decline' }).expect(200); // too late: no change
    const consents = await stack.staff
      .get(`/v1/contacts/${patient.contactId}/consents`, staffToken())
      .expect(200);
    expect(consents.body.history).toHaveLength(1);
    expect(consents.body.current[0]).toMatchObject({
      channel: 'email',
      decision: 'granted',
      method: 'email_link',
      disclosureVersion: 'email-v1',
      disclosureHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const { rows } = await stack.owner.query(
      `SELECT evidence_enc FROM consent_records WHERE contact_id = $1`,
      [patient.contactId],
    );
    expect(rows[0].evidence_enc).not.toBeNull();
  });

  it('plain PHI email carries an unsubscribe link; the page revokes email consent (GET changes nothing)', async () => {
    const patient = await patientFromForm(stack, practice);
    await attestConsent(stack, staffToken(), patient.contactId, {
      channel: 'email',
      method: 'written_attested',
      attestation: 'Signed form on file',
    });
    const res = await stack.staff
      .post(
        `/v1/conversations/${patient.conversationId}/replies`,
        { body: 'Results are fine', channel: 'email' },
        staffToken(),
      )
      .expect(202);
    expect(res.body.deliveryRoute).toBe('plain');
    const email = await waitFor(async () => (await stack.sentTo(patient.email))[0], 15_000);
    expect(email.text).toContain('Results are fine');
    const token = /\/u\/([A-Za-z0-9_-]{43})/.exec(email.text!)![1]!;
    const b = browser();
    const page = await b.get(`/u/${token}`).expect(200);
    const current = async () =>
      (await stack.staff.get(`/v1/contacts/${patient.contactId}/consents`, staffToken()).expect(200)).body
        .current[0];
    expect((await current()).decision).toBe('granted');
    await b.post(`/u/${token}`, { csrf: csrfOf(page.text) }).expect(200);
    expect(await current()).toMatchObject({ decision: 'revoked', method: 'email_link' });
    await b.post(`/u/${token}`, { csrf: csrfOf(page.text) }).expect(200);
  });

  it('a verified session ends after 15 idle minutes (the Redis TTL), and each request slides it', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const b = browser();
    const page = await b.get(`/s/${link.token}`).expect(200);
    const code = await requestCode(b, link.token, csrfOf(page.text), patient.phone);
    const verified = await b.post(`/s/${link.token}/verify`, { csrf: csrfOf(page.text), code }).expect(303);
    const cookie = (verified.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('portal_session='),
    )!;
    const sessionId = /^portal_session=([^;]+)/.exec(cookie)![1]!;

    // Redis holds the session under the SHA-256 of the cookie value, never the value itself.
    const redis = stack.api.get<Redis>(REDIS, { strict: false });
    const key = stack.api
      .get(RedisKeys, { strict: false })
      .key('portal-session', createHash('sha256').update(sessionId).digest('hex'));
    expect(await redis.ttl(key)).toBeGreaterThan(0);
    await redis.expire(key, 5);
    expect((await b.get(`/s/${link.token}`).expect(200)).text).toContain(SECRET_REPLY);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(PORTAL_IDLE_SECONDS - 5);
    expect(ttl).toBeLessThanOrEqual(PORTAL_IDLE_SECONDS);
    // Idle past the timeout (the key expires): back to the identity check.
    await redis.del(key);
    const after = await b.get(`/s/${link.token}`).expect(200);
    expect(after.text).not.toContain(SECRET_REPLY);
    expect(after.text).toContain('You have a secure message');
  });

  it('rate limits: at most 3 codes per link per 15 minutes (429), whoever asks', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const b = browser();
    const page = await b.get(`/s/${link.token}`).expect(200);
    for (let i = 0; i < PORTAL_LIMITS.codesPerLink.limit; i++)
      await b.post(`/s/${link.token}/code`, { csrf: csrfOf(page.text) }).expect(303);
    const other = browser();
    const otherPage = await other.get(`/s/${link.token}`).expect(200);
    const limited = await other.post(`/s/${link.token}/code`, { csrf: csrfOf(otherPage.text) }).expect(429);
    expect(limited.headers['retry-after']).toBe('900');
    expect(limited.headers['cache-control']).toBe('no-store');
  });

  it('attachments of a secure message download after verification only, and each download is audited', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const attachmentId = await stack.api
      .get(TenantDb, { strict: false })
      .forTenant(practice.owner.practiceId, (tx) =>
        stack.api.get(AttachmentRepository, { strict: false }).createStored(tx, link.messageId, 0, {
          contentType: 'application/pdf',
          filename: 'lab-results.pdf',
          content: Buffer.from('%PDF-1.4 results'),
        }),
      );
    const b = browser();
    await b.get(`/s/${link.token}/attachments/${attachmentId}`).expect(404);
    const page = await b.get(`/s/${link.token}`).expect(200);
    const code = await requestCode(b, link.token, csrfOf(page.text), patient.phone);
    await b.post(`/s/${link.token}/verify`, { csrf: csrfOf(page.text), code }).expect(303);
    expect((await b.get(`/s/${link.token}`).expect(200)).text).toContain(`/attachments/${attachmentId}`);
    const file = await b.get(`/s/${link.token}/attachments/${attachmentId}`).buffer(true).expect(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="lab-results.pdf"; filename*=UTF-8''lab-results.pdf`,
    );
    expect(file.headers['cache-control']).toBe('no-store');
    expect(Buffer.from(file.body as Buffer).toString()).toBe('%PDF-1.4 results');
    await b.get(`/s/${link.token}/attachments/${crypto.randomUUID()}`).expect(404);
    const trail = await auditTrail(stack.api, practice.owner.practiceId);
    expect(trail.find((e) => e.action === 'secure_message.attachment_downloaded')).toMatchObject({
      target: { type: 'attachment', id: attachmentId },
      actor: { type: 'patient', id: patient.contactId },
    });
  });

  it('link lifetime: 14 days by default, the practice setting otherwise; branding from the settings', async () => {
    const patient = await patientFromForm(stack, practice);
    const standard = await secureMessageTo(stack, practice, patient);
    const lifetime = async (messageId: string) => {
      const { rows } = await stack.owner.query(
        `SELECT extract(epoch FROM expires_at - created_at)::int AS s FROM secure_links WHERE message_id = $1`,
        [messageId],
      );
      return rows[0].s as number;
    };
    expect(Math.round((await lifetime(standard.messageId)) / 86_400)).toBe(14);

    // A practice that has sent nothing yet (the worker caches practice settings for a minute).
    const short = await createDeliveryPractice(stack);
    const settings = await stack.staff
      .patch(
        '/v1/practice/settings',
        {
          secureLinkDays: 3,
          portalBrandColor: '#7c2d12',
          portalLogoDataUri: 'data:image/png;base64,iVBORw0KGgo=',
        },
        short.owner.accessToken,
      )
      .expect(200);
    expect(settings.body).toMatchObject({ secureLinkDays: 3, portalBrandColor: '#7c2d12' });
    await stack.staff
      .patch(
        '/v1/practice/settings',
        { portalLogoDataUri: 'https://cdn.example/logo.png' },
        short.owner.accessToken,
      )
      .expect(400);
    const shortPatient = await patientFromForm(stack, short);
    const link = await secureMessageTo(stack, short, shortPatient);
    expect(Math.round((await lifetime(link.messageId)) / 86_400)).toBe(3);
    const page = await browser().get(`/s/${link.token}`).expect(200);
    expect(page.text).toContain('--brand: #7c2d12');
    expect(page.text).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('a crash after the code reached Twilio: the retry recognises it there and sends no second code', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const b = browser();
    const page = await b.get(`/s/${link.token}`).expect(200);
    const before = (await stack.sentTo(patient.phone)).length;
    const code = await requestCode(b, link.token, csrfOf(page.text), patient.phone);
    const { rows } = await stack.owner.query(
      `SELECT c.message_id FROM portal_codes c JOIN secure_links l ON l.id = c.link_id WHERE l.message_id = $1`,
      [link.messageId],
    );
    const codeMessageId = rows[0].message_id as string;
    await stack.waitForStatus(staffToken(), codeMessageId, ['delivered']);

    // As if the worker died during the provider call, and the message back in the outbox.
    await stack.forgetOutcome(codeMessageId);
    await stack.owner.query(
      `INSERT INTO delivery_outbox (tenant_id, message_id, channel) VALUES ($1, $2, 'sms')`,
      [practice.owner.practiceId, codeMessageId],
    );
    await waitFor(async () => {
      const { rows: attempts } = await stack.owner.query(
        `SELECT outcome FROM delivery_attempts WHERE message_id = $1`,
        [codeMessageId],
      );
      return attempts.some((a: { outcome: string }) => a.outcome === 'found_at_provider');
    }, 15_000);
    expect(await stack.sentTo(patient.phone)).toHaveLength(before + 1);
    await b.post(`/s/${link.token}/verify`, { csrf: csrfOf(page.text), code }).expect(303);
  });

  it('a link sent by email gets its code by email, from the same channel, with no PHI', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient, SECRET_REPLY, 'email');
    const b = browser();
    const page = await b.get(`/s/${link.token}`).expect(200);
    expect(page.text).toContain('the email address this link was sent to');
    const smsBefore = (await stack.sentTo(patient.phone)).length;
    const code = await requestCode(b, link.token, csrfOf(page.text), patient.email);
    const email = (await stack.sentTo(patient.email))[0]!;
    expect(email.subject).toBe('Your Riverside Family Clinic verification code');
    expect(`${email.subject} ${email.text}`).not.toMatch(/A1c|metformin|Pat/);
    expect(await stack.sentTo(patient.phone)).toHaveLength(smsBefore);
    await b.post(`/s/${link.token}/verify`, { csrf: csrfOf(page.text), code }).expect(303);
    expect((await b.get(`/s/${link.token}`).expect(200)).text).toContain(SECRET_REPLY);
  });

  it(`rate limits: ${PORTAL_LIMITS.postsPerIp.limit} form posts per address per 15 minutes, then 429`, async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const b = browser();
    const csrf = csrfOf((await b.get(`/s/${link.token}`).expect(200)).text);
    for (let i = 0; i < PORTAL_LIMITS.postsPerIp.limit; i++)
      await b.post(`/c/${'B'.repeat(43)}`, { csrf, decision: 'accept' }).expect(404);
    await b.post(`/c/${'B'.repeat(43)}`, { csrf, decision: 'accept' }).expect(429);
    await b.post(`/s/${'B'.repeat(43)}/code`, { csrf }).expect(429);
    // Another address is not affected.
    const other = browser();
    const otherPage = await other.get(`/s/${link.token}`).expect(200);
    await other
      .post(`/c/${'B'.repeat(43)}`, { csrf: csrfOf(otherPage.text), decision: 'accept' })
      .expect(404);
  });
});
