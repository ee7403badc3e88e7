import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metrics } from '@app/observability';
import { waitFor } from './ingestion-fixtures.js';
import { type SentView, DeliveryStack, attestConsent, runDispatchJob } from './delivery-fixtures.js';

const PHI = 'Your biopsy result is benign; continue metformin 500 mg';
const NEXT_PHI = 'Your thyroid panel is normal; no change to levothyroxine';
/** A mail server that cannot negotiate TLS, as the sandbox models it (any `@notls.test` address). */
const NO_TLS_PATIENT = 'patient@notls.test';

/** What the sandbox shows of an email: whether its account required TLS and how it reached the server. */
type SentEmailView = SentView & { tlsRequired: boolean; transport: 'tls' | 'plaintext' | null };

/**
 * Issue 25, TLS or portal, end to end: api -> outbox -> worker -> the real SendGrid SDK ->
 * sandbox -> its Event Webhook -> api. Plain PHI email leaves through the channel's account with
 * Enforced TLS; a server without TLS gets SendGrid's block event instead of the email, and the
 * reply goes again as a secure message whose PHI-free notice leaves through the notice account.
 */
describe('TLS or portal: plain PHI email only over TLS, else a secure message', () => {
  let stack: DeliveryStack;
  let token: string;
  let practiceId: string;
  let eventsUrl: string;
  const phiKey = `SG.phi-${randomBytes(6).toString('hex')}`;
  const noticeKey = `SG.notice-${randomBytes(6).toString('hex')}`;

  const post = (path: string, body: object) => stack.staff.post(path, body, token);
  const sandbox = (method: 'get' | 'patch', path: string, apiKey: string) =>
    request(stack.sandbox.getHttpServer())[method](path).set('Authorization', `Bearer ${apiKey}`);
  const sentEmails = async (to: string) => (await stack.sentTo(to)) as SentEmailView[];

  /** A contact with this email address who consented (attested) to plain email. */
  async function consentedContact(email: string): Promise<string> {
    const contact = await post('/v1/contacts', { name: 'Pat Example', email }).expect(201);
    await attestConsent(stack, token, contact.body.id, {
      channel: 'email',
      method: 'verbal_attested',
      attestation: 'Patient asked for results by email at the front desk',
    });
    return contact.body.id;
  }

  /** The messages of a conversation as stored (ids, routes, statuses), oldest first. */
  async function storedMessages(conversationId: string) {
    const { rows } = await stack.owner.query<{
      id: string;
      delivery_route: string | null;
      route_reason: string | null;
      status: string;
      error_code: string | null;
    }>(
      `SELECT id, delivery_route, route_reason, status, error_code FROM messages
       WHERE conversation_id = $1 AND direction = 'outbound' ORDER BY created_at, id`,
      [conversationId],
    );
    return rows;
  }

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    const owner = await stack.staff.signupPractice({ practiceName: 'Riverside Family Clinic' });
    token = owner.accessToken;
    practiceId = owner.practiceId;
    const domain = `clinic-${randomBytes(4).toString('hex')}.test`;
    const channel = await post('/v1/channels', {
      type: 'email',
      name: 'Inbox',
      inboundAddress: `inbox@in.${domain}`,
      fromAddress: `care@${domain}`,
      sendgridApiKey: phiKey,
      sendgridNoticeApiKey: noticeKey,
    }).expect(201);
    eventsUrl = channel.body.webhooks.events;
    // Both accounts post their events to the channel's events URL (set in SendGrid's settings).
    for (const key of [phiKey, noticeKey])
      await request(stack.sandbox.getHttpServer())
        .patch('/v3/user/webhooks/event/settings')
        .set('Authorization', `Bearer ${key}`)
        .send({ enabled: true, url: eventsUrl })
        .expect(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a consented reply to a server without TLS ends as a secure message with a PHI-free notice; the plain body was never delivered', async () => {
    const contactId = await consentedContact(NO_TLS_PATIENT);
    const first = await post('/v1/conversations', { contactId, channel: 'email', body: PHI }).expect(202);
    // The gate knows nothing against the address yet: consented, so plain (over TLS).
    expect(first.body).toMatchObject({ channel: 'email', deliveryRoute: 'plain', routeReason: null });
    const conversationId: string = first.body.conversationId;

    // SendGrid's block event comes back through the Event Webhook; the reply is converted.
    const [refused, secure] = await waitFor(async () => {
      const rows = await storedMessages(conversationId);
      return rows.length === 2 && rows[1]!.status !== 'queued' && rows;
    }, 20_000);
    expect(refused).toMatchObject({
      id: first.body.messageId,
      delivery_route: 'plain',
      status: 'failed',
      error_code: 'tls_required',
    });
    expect(secure).toMatchObject({ delivery_route: 'secure_link', route_reason: 'no_tls' });
    await stack.waitForStatus(token, secure!.id, ['delivered']);
    const failed = await stack.messageState(token, first.body.messageId);
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'tls_required', message: expect.stringContaining('cannot receive email over TLS') },
    });

    // The sandbox's log: the plain body went only through the account with Enforced TLS, was
    // blocked there and reached no server; the notice (no PHI) reached it without TLS.
    const sent = await sentEmails(NO_TLS_PATIENT);
    expect(sent).toHaveLength(2);
    const withPhi = sent.filter((m) => m.text?.includes('biopsy'));
    expect(withPhi).toHaveLength(1);
    expect(withPhi[0]).toMatchObject({ tlsRequired: true, status: 'blocked', transport: null });
    const notice = sent.find((m) => !m.text?.includes('biopsy'))!;
    expect(notice).toMatchObject({ tlsRequired: false, status: 'delivered', transport: 'plaintext' });
    expect(notice.text).toMatch(/You have a new secure message/);
    expect(notice.text).toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
    expect(notice.text).not.toContain('metformin');
    expect(notice.subject).not.toContain('biopsy');

    // Enforced TLS was set on the PHI account by the app, and only there.
    expect((await sandbox('get', '/v3/user/settings/enforced_tls', phiKey).expect(200)).body).toMatchObject({
      require_tls: true,
      require_valid_cert: true,
    });
    expect(
      (await sandbox('get', '/v3/user/settings/enforced_tls', noticeKey).expect(200)).body,
    ).toMatchObject({
      require_tls: false,
      require_valid_cert: false,
    });

    // The conversation shows why (ids and a fixed reason only).
    const activity = await stack.staff.get(`/v1/conversations/${conversationId}/activity`, token).expect(200);
    const conversion = activity.body.data.find(
      (e: { action: string }) => e.action === 'message.converted_to_secure',
    );
    expect(conversion).toMatchObject({
      actor: { type: 'provider', id: 'sendgrid' },
      details: { messageId: first.body.messageId, secureMessageId: secure!.id, reason: 'tls_required' },
    });
    expect(JSON.stringify(activity.body)).not.toMatch(/biopsy|notls/);

    // The address is remembered by its blind index only, until the practice's re-check (30 days).
    const { rows: remembered } = await stack.owner.query(
      `SELECT message_id, round(extract(epoch FROM recheck_at - recorded_at) / 86400)::int AS days,
              encode(address_bidx, 'escape') AS bidx
       FROM email_tls_refusals WHERE tenant_id = $1`,
      [practiceId],
    );
    expect(remembered).toEqual([{ message_id: first.body.messageId, days: 30, bidx: expect.any(String) }]);
    expect(remembered[0].bidx).not.toContain('notls');

    // Counted, without labels naming anyone.
    const metrics = await stack.api
      .get(Metrics, { strict: false })
      .registry.getSingleMetricAsString('inbox_email_tls_conversions_total');
    expect(metrics).toMatch(/^inbox_email_tls_conversions_total 1$/m);

    // The next reply goes secure at once: no plain attempt at all.
    const next = await post(`/v1/conversations/${conversationId}/replies`, {
      body: NEXT_PHI,
      channel: 'email',
    }).expect(202);
    expect(next.body).toMatchObject({ deliveryRoute: 'secure_link', routeReason: 'no_tls' });
    await stack.waitForStatus(token, next.body.messageId, ['delivered']);
    const after = await sentEmails(NO_TLS_PATIENT);
    expect(after).toHaveLength(3);
    expect(after.some((m) => m.text?.includes('thyroid'))).toBe(false);
  });

  it('a redelivered or repeated refusal converts nothing twice', async () => {
    const contactId = await consentedContact(`twice.${randomBytes(4).toString('hex')}@mx.notls.test`);
    const first = await post('/v1/conversations', { contactId, channel: 'email', body: PHI }).expect(202);
    const conversationId: string = first.body.conversationId;
    await waitFor(async () => (await storedMessages(conversationId)).length === 2, 20_000);

    const refusal = (sgEventId: string) => ({
      event: 'bounce',
      type: 'blocked',
      reason: 'TLS required but not supported',
      messageId: first.body.messageId,
      sg_event_id: sgEventId,
    });
    const again = await request(stack.api.getHttpServer())
      .post(new URL(eventsUrl).pathname)
      .send([refusal(`retry-${first.body.messageId}`), refusal(`retry-${first.body.messageId}`)])
      .expect(200);
    // The first is a new event about a reply already converted: applied as any bounce of a failed
    // message (nothing moves); the second is its duplicate.
    expect(again.body).toMatchObject({ convertedToSecure: 0, duplicates: 1 });
    expect(await storedMessages(conversationId)).toHaveLength(2);
    const { rows } = await stack.owner.query(
      `SELECT count(*)::int AS n FROM email_tls_refusals WHERE message_id = $1`,
      [first.body.messageId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('a reply accepted as plain before the refusal goes secure at send time: one plain attempt per address, not one per reply', async () => {
    const address = `queued.${randomBytes(4).toString('hex')}@notls.test`;
    const contactId = await consentedContact(address);
    // The test is the worker: both replies are accepted (plain) before the first is sent.
    const worker = await stack.idleWorker(`tls-${randomBytes(4).toString('hex')}`);
    try {
      const first = await post('/v1/conversations', { contactId, channel: 'email', body: PHI }).expect(202);
      const second = await post(`/v1/conversations/${first.body.conversationId}/replies`, {
        body: NEXT_PHI,
        channel: 'email',
      }).expect(202);
      expect([first.body.deliveryRoute, second.body.deliveryRoute]).toEqual(['plain', 'plain']);

      await runDispatchJob(worker, practiceId, first.body.messageId);
      await waitFor(async () => (await storedMessages(first.body.conversationId)).length === 3, 20_000);
      // The refusal is committed: the gate, asked again at send time, sends the second as a secure link.
      await runDispatchJob(worker, practiceId, second.body.messageId);
      const stored = await storedMessages(first.body.conversationId);
      expect(stored.find((m) => m.id === second.body.messageId)).toMatchObject({
        delivery_route: 'secure_link',
        route_reason: 'no_tls',
      });
      const sent = await sentEmails(address);
      expect(sent.filter((m) => m.text?.includes('thyroid'))).toEqual([]);
      expect(sent.filter((m) => m.text?.includes('biopsy'))).toMatchObject([
        { tlsRequired: true, status: 'blocked' },
      ]);
    } finally {
      await stack.stopWorker();
      await stack.startWorker();
    }
  });

  it('an address that takes TLS still gets plain email (over TLS); an expired refusal counts no more', async () => {
    const email = `patient.${randomBytes(4).toString('hex')}@mail.test`;
    const contactId = await consentedContact(email);
    // Refused long ago: the practice's re-check period has passed, so plain over TLS is tried again.
    const old = await post('/v1/conversations', {
      contactId,
      channel: 'email',
      body: 'Your appointment is confirmed',
    }).expect(202);
    await stack.waitForStatus(token, old.body.messageId, ['delivered']);
    await stack.owner.query(
      `INSERT INTO email_tls_refusals (tenant_id, message_id, address_bidx, recorded_at, recheck_at)
       SELECT tenant_id, id, to_address_bidx, now() - interval '31 days', now() - interval '1 day'
       FROM messages WHERE id = $1`,
      [old.body.messageId],
    );

    const reply = await post(`/v1/conversations/${old.body.conversationId}/replies`, {
      body: PHI,
      channel: 'email',
    }).expect(202);
    expect(reply.body).toMatchObject({ deliveryRoute: 'plain', routeReason: null });
    await stack.waitForStatus(token, reply.body.messageId, ['delivered']);
    const [plain] = await sentEmails(email);
    expect(plain!.text).toContain(PHI);
    expect(plain).toMatchObject({ tlsRequired: true, status: 'delivered', transport: 'tls' });
  });
});
