import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addressLockKey } from '@app/consent';
import { OutboxRelay } from '@app/delivery';
import { waitFor } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  patientFromForm,
  textFrom,
  attestConsent,
} from './delivery-fixtures.js';
import { injectWriteFault } from './write-faults.js';

const PHI = 'Your biopsy result is benign; continue metformin 500 mg';
const SMS_UNSUBSCRIBED = '+15005550009';

// Invariants 1-3 and 9 end to end: api -> outbox -> BullMQ -> worker -> real SDKs -> sandbox.
describe('replies through the consent gate, delivered by the worker', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const token = () => practice.owner.accessToken;
  const reply = (conversationId: string, body: object) =>
    stack.staff.post(`/v1/conversations/${conversationId}/replies`, body, token());

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('without consent, sends a PHI-free notice with a link and never the reply text', async () => {
    const patient = await patientFromForm(stack, practice);
    const res = await reply(patient.conversationId, { body: PHI, channel: 'sms' }).expect(202);
    expect(res.body).toMatchObject({ channel: 'sms', deliveryRoute: 'secure_link', status: 'queued' });
    expect(res.body.routeReason).toBe('no_consent');

    await stack.waitForStatus(token(), res.body.messageId, ['sent', 'delivered']);
    const sent = await stack.sentTo(patient.phone);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatch(
      /Riverside Family Clinic: You have a new secure message\. View it here: http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43} /,
    );
    expect(sent[0]!.body).not.toContain('biopsy');
    expect(sent[0]!.body).not.toContain('Pat');

    // The link is stored as a hash only, bound to this contact and number.
    const token43 = /\/s\/([A-Za-z0-9_-]{43})/.exec(sent[0]!.body!)![1]!;
    const { rows } = await stack.owner.query(
      `SELECT contact_id, channel, encode(token_hash, 'hex') AS hash FROM secure_links WHERE message_id = $1`,
      [res.body.messageId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ contact_id: patient.contactId, channel: 'sms' });
    expect(rows[0].hash).not.toContain(Buffer.from(token43).toString('hex'));
  });

  it('consent request -> YES -> consent recorded with evidence -> the next reply goes plain', async () => {
    const patient = await patientFromForm(stack, practice);
    const requested = await stack.staff
      .post(`/v1/contacts/${patient.contactId}/consent-requests`, { channel: 'sms' }, token())
      .expect(202);
    // A YES counts once the carrier confirmed delivering the request.
    await stack.waitForStatus(token(), requested.body.messageId, ['delivered']);
    const [asked] = await stack.sentTo(patient.phone);
    expect(asked!.body).toContain('Reply YES to receive health information by text, NO to decline');
    expect(asked!.body).toMatch(/\/c\/[A-Za-z0-9_-]{43}$/);

    const twiml = await textFrom(stack, practice, patient.phone, ' yes ');
    expect(twiml).toContain('We will send health information to this number by text');

    const consents = await stack.staff.get(`/v1/contacts/${patient.contactId}/consents`, token()).expect(200);
    expect(consents.body.current).toEqual([
      expect.objectContaining({
        channel: 'sms',
        address: patient.phone,
        decision: 'granted',
        method: 'sms_keyword',
        actor: { type: 'patient', id: patient.contactId },
        consentRequestId: requested.body.requestId,
        disclosureVersion: 'sms-v1',
        disclosureHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    const { rows } = await stack.owner.query(
      `SELECT inbound_message_id FROM consent_records WHERE consent_request_id = $1`,
      [requested.body.requestId],
    );
    expect(rows[0].inbound_message_id).toEqual(expect.any(String));

    const plain = await reply(patient.conversationId, { body: PHI, channel: 'sms' }).expect(202);
    expect(plain.body.deliveryRoute).toBe('plain');
    await stack.waitForStatus(token(), plain.body.messageId, ['delivered']);
    expect((await stack.sentTo(patient.phone))[0]!.body).toBe(PHI);
  });

  it('SMS consent does not allow plain email', async () => {
    const patient = await patientFromForm(stack, practice);
    await attestConsent(stack, token(), patient.contactId, {
      channel: 'sms',
      method: 'verbal_attested',
      attestation: 'Patient agreed on the phone',
    });
    const res = await reply(patient.conversationId, { body: PHI, channel: 'email' }).expect(202);
    expect(res.body).toMatchObject({
      channel: 'email',
      deliveryRoute: 'secure_link',
      routeReason: 'no_consent',
    });
    await stack.waitForStatus(token(), res.body.messageId, ['sent', 'delivered']);
    const [mail] = await stack.sentTo(patient.email);
    expect(mail!.subject).toBe('New secure message from Riverside Family Clinic');
    expect(mail!.text).toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
    expect(mail!.text).not.toContain('biopsy');
  });

  it('a hard bounce suppresses the email address: the next email reply is 409 email_suppressed, nothing sent', async () => {
    const patient = await patientFromForm(stack, practice);
    const first = await reply(patient.conversationId, { body: PHI, channel: 'email' }).expect(202);
    await stack.waitForStatus(token(), first.body.messageId, ['sent', 'delivered']);
    expect(await stack.sentTo(patient.email)).toHaveLength(1);
    // A temporary refusal ("blocked") suppresses nothing; the permanent bounce does.
    for (const type of ['blocked', 'bounce']) {
      await request(stack.api.getHttpServer())
        .post(new URL(practice.email.eventsUrl).pathname)
        .send([
          {
            event: 'bounce',
            type,
            messageId: first.body.messageId,
            sg_event_id: `ev-${type}-${first.body.messageId}`,
          },
        ])
        .expect(200);
      if (type === 'blocked')
        await reply(patient.conversationId, { body: 'Still reachable?', channel: 'email' }).expect(202);
    }
    const refused = await reply(patient.conversationId, { body: PHI, channel: 'email' }).expect(409);
    expect(refused.body.error.code).toBe('email_suppressed');
    const { rows } = await stack.owner.query(
      `SELECT action, reason FROM email_suppression_events WHERE message_id = $1`,
      [first.body.messageId],
    );
    expect(rows).toEqual([{ action: 'suppress', reason: 'bounce' }]);
    // SMS to the same patient is not affected.
    await reply(patient.conversationId, { body: 'Please call us', channel: 'sms' }).expect(202);

    // The patient fixed the mailbox: staff lift the suppression (audited), and email works again.
    const lift = () =>
      stack.staff.post(`/v1/contacts/${patient.contactId}/email-suppression/lift`, {}, token());
    expect((await lift().expect(200)).body).toEqual({
      channel: 'email',
      address: patient.email,
      suppressed: false,
    });
    expect((await lift().expect(409)).body.error.code).toBe('not_suppressed');
    const again = await reply(patient.conversationId, { body: PHI, channel: 'email' }).expect(202);
    await stack.waitForStatus(token(), again.body.messageId, ['sent', 'delivered']);
    const { rows: lifted } = await stack.owner.query(
      `SELECT action, reason FROM email_suppression_events WHERE action = 'lift' AND tenant_id = $1`,
      [practice.owner.practiceId],
    );
    expect(lifted).toEqual([{ action: 'lift', reason: 'staff' }]);
    const { rows: audited } = await stack.owner.query(
      `SELECT count(*)::int AS n FROM (SELECT action FROM audit_events WHERE tenant_id = $1
         UNION ALL SELECT action FROM audit_outbox WHERE tenant_id = $1) a
       WHERE action = 'email.suppression_lifted'`,
      [practice.owner.practiceId],
    );
    expect(audited[0].n).toBe(1);
  });

  it('a bounce waits for an email being sent to that address (the address lock, like a revocation)', async () => {
    const patient = await patientFromForm(stack, practice);
    const first = await reply(patient.conversationId, { body: PHI, channel: 'email' }).expect(202);
    await stack.waitForStatus(token(), first.body.messageId, ['sent', 'delivered']);
    const { rows } = await stack.owner.query(
      `SELECT tenant_id, to_address_bidx FROM messages WHERE id = $1`,
      [first.body.messageId],
    );
    // What a worker holds from its send-time check until the provider has answered.
    const sending = await stack.owner.connect();
    try {
      await sending.query(`SELECT pg_advisory_lock_shared(hashtextextended($1, 0))`, [
        addressLockKey(rows[0].tenant_id, 'email', rows[0].to_address_bidx),
      ]);
      const bounce = request(stack.api.getHttpServer())
        .post(new URL(practice.email.eventsUrl).pathname)
        .send([
          { event: 'bounce', type: 'bounce', messageId: first.body.messageId, sg_event_id: randomUUID() },
        ])
        .then((r) => r);
      const suppressions = async () =>
        (
          await stack.owner.query(`SELECT 1 FROM email_suppression_events WHERE message_id = $1`, [
            first.body.messageId,
          ])
        ).rowCount;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await suppressions()).toBe(0);
      await sending.query(`SELECT pg_advisory_unlock_all()`);
      expect((await bounce).status).toBe(200);
      expect(await suppressions()).toBe(1);
    } finally {
      sending.release();
    }
  });

  it('STOP: one confirmation, then a reply is 409 and the provider receives nothing', async () => {
    const patient = await patientFromForm(stack, practice);
    const twiml = await textFrom(stack, practice, patient.phone, 'STOP');
    expect(twiml.match(/<Message>/g)).toHaveLength(1);
    expect(twiml).toContain('You are unsubscribed');

    const res = await reply(patient.conversationId, { body: PHI, channel: 'sms' });
    // The contact has an email address: the gate may use it (secure); without one, 409.
    expect(res.status).toBe(202);
    expect(res.body.channel).toBe('email');
    const refused = await stack.staff
      .post(`/v1/contacts/${patient.contactId}/consent-requests`, { channel: 'sms' }, token())
      .expect(409);
    expect(refused.body.error.code).toBe('recipient_opted_out');
    await stack.waitForStatus(token(), res.body.messageId, ['sent', 'delivered']);
    expect(await stack.sentTo(patient.phone)).toEqual([]);
  });

  it('STOP from an SMS-only contact: a reply answers 409 recipient_opted_out and nothing is written', async () => {
    const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await textFrom(stack, practice, phone, 'Hello, is the office open Saturday?');
    const { rows } = await stack.owner.query(
      `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND channel = 'sms' ORDER BY created_at DESC LIMIT 1`,
      [practice.owner.practiceId],
    );
    const conversationId = rows[0].conversation_id as string;
    await textFrom(stack, practice, phone, 'stop');
    const before = await stack.owner.query(
      `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`,
      [conversationId],
    );
    const res = await reply(conversationId, { body: PHI }).expect(409);
    expect(res.body.error.code).toBe('recipient_opted_out');
    const after = await stack.owner.query(
      `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`,
      [conversationId],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(await stack.sentTo(phone)).toEqual([]);
  });

  it('a revocation after the reply was queued but before it was sent: only the secure notice goes out', async () => {
    const patient = await patientFromForm(stack, practice);
    await attestConsent(stack, token(), patient.contactId, {
      channel: 'sms',
      method: 'written_attested',
      attestation: 'Signed form on file',
    });
    await stack.stopWorker(); // nothing is sent while the revocation happens
    try {
      const res = await reply(patient.conversationId, { body: PHI, channel: 'sms' }).expect(202);
      expect(res.body.deliveryRoute).toBe('plain');
      await stack.staff
        .post(
          `/v1/contacts/${patient.contactId}/consents/revoke`,
          { channel: 'sms', reason: 'asked by phone' },
          token(),
        )
        .expect(201);
      await stack.startWorker();
      const state = await stack.waitForStatus(token(), res.body.messageId, ['sent', 'delivered']);
      expect(state).toMatchObject({ deliveryRoute: 'secure_link', routeReason: 'consent_revoked' });
      const sent = await stack.sentTo(patient.phone);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toContain('You have a new secure message');
      expect(sent[0]!.body).not.toContain('biopsy');
    } finally {
      if (!stack.worker) await stack.startWorker();
    }
  });

  it('Twilio 21610: the message fails with the reason and the opt-out is recorded', async () => {
    const answer = await textFrom(stack, practice, SMS_UNSUBSCRIBED, 'hi there');
    expect(answer).toContain('<Response/>');
    const { rows } = await stack.owner.query(
      `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND channel = 'sms' AND direction = 'inbound'
       ORDER BY created_at DESC LIMIT 1`,
      [practice.owner.practiceId],
    );
    const res = await reply(rows[0].conversation_id, { body: 'We are open 9-5' }).expect(202);
    const state = await stack.waitForStatus(token(), res.body.messageId, ['failed']);
    expect(state.error).toEqual({
      code: '21610',
      message: 'The recipient has unsubscribed from text messages (STOP)',
    });
    const optOut = await waitFor(async () => {
      const r = await stack.owner.query(
        `SELECT action, source FROM sms_opt_out_events WHERE tenant_id = $1 ORDER BY recorded_at DESC LIMIT 1`,
        [practice.owner.practiceId],
      );
      return r.rows[0]?.source === 'provider' && r.rows[0];
    });
    expect(optOut).toEqual({ action: 'opt_out', source: 'provider' });
    await reply(rows[0].conversation_id, { body: 'Again' }).expect(409);
  });

  it('Twilio 21610: the failure and the opt-out commit together (a crash between them loses neither)', async () => {
    const other = await createDeliveryPractice(stack);
    await textFrom(stack, other, SMS_UNSUBSCRIBED, 'hello');
    const { rows } = await stack.owner.query(
      `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND channel = 'sms' AND direction = 'inbound'`,
      [other.owner.practiceId],
    );
    // The first write of this practice's opt-out fails, as a crash right there would.
    const fault = await injectWriteFault(stack.owner, {
      table: 'sms_opt_out_events',
      operation: 'INSERT',
      rows: { tenantId: other.owner.practiceId },
      once: true,
    });
    try {
      const res = await stack.staff
        .post(
          `/v1/conversations/${rows[0].conversation_id}/replies`,
          { body: 'We are open 9-5' },
          other.owner.accessToken,
        )
        .expect(202);
      await stack.waitForStatus(other.owner.accessToken, res.body.messageId, ['failed']);
      // Once the failure is visible, so is the opt-out: no later transaction to wait for.
      const optOut = await stack.owner.query(
        `SELECT action, source FROM sms_opt_out_events WHERE tenant_id = $1`,
        [other.owner.practiceId],
      );
      expect(optOut.rows).toEqual([{ action: 'opt_out', source: 'provider' }]);
      expect(await fault.writesSeen()).toBe(2);
    } finally {
      await fault.remove();
    }
  });

  it('a 500 from the provider twice, then success: delivered exactly once', async () => {
    const patient = await patientFromForm(stack, practice);
    await stack.injectFault({ provider: 'twilio', to: patient.phone, status: 500, times: 2 });
    const res = await reply(patient.conversationId, { body: PHI, channel: 'sms' }).expect(202);
    const state = await stack.waitForStatus(token(), res.body.messageId, ['delivered']);
    expect(state.attempts).toBe(3);
    expect(await stack.sentTo(patient.phone)).toHaveLength(1);
  });

  it('exposes queue depth, outbox backlog and delivery latency on the worker, without PHI', async () => {
    const res = await request(stack.worker!.getHttpServer())
      .get('/metrics')
      .set('authorization', `Bearer ${process.env.METRICS_TOKEN}`)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/^inbox_queue_jobs\{queue="delivery-sms",state="waiting"\} \d+$/m);
    expect(res.text).toMatch(/^inbox_delivery_outbox_rows \d+$/m);
    expect(res.text).toMatch(
      /^inbox_delivery_latency_seconds_count\{channel="sms",route="secure_link"\} [1-9]\d*$/m,
    );
    // The provider's STOP refusal above, by its known code.
    expect(res.text).toMatch(/^inbox_delivery_failures_total\{channel="sms",reason="21610"\} [1-9]\d*$/m);
    // The gate decided again right before sending (no PHI: stage, route, channel, reason only).
    expect(res.text).toMatch(
      /^inbox_consent_gate_decisions_total\{stage="send",route="secure_link",channel="sms",reason="no_consent"\} [1-9]\d*$/m,
    );
    expect(res.text).not.toMatch(/\+1\d{10}|@|biopsy/);
  });

  it('the outbox relay claims due rows and re-enqueues them (a job Redis lost comes back)', async () => {
    const patient = await patientFromForm(stack, practice);
    const res = await reply(patient.conversationId, { body: PHI, channel: 'sms' }).expect(202);
    await stack.waitForStatus(token(), res.body.messageId, ['sent', 'delivered']);
    // The worker's own relay passes (every 200 ms here) call the same method: what any pass
    // claims counts, whichever comes first.
    const relay = stack.worker!.get(OutboxRelay, { strict: false });
    const passes = vi.spyOn(relay, 'relayOnce');
    // As if the row had stayed behind: due now, its job long gone from BullMQ.
    await stack.owner.query(
      `INSERT INTO delivery_outbox (tenant_id, message_id, channel) VALUES ($1, $2, 'sms')`,
      [practice.owner.practiceId, res.body.messageId],
    );
    // Row-level security lets the relay read every practice's rows; its lease update runs per practice.
    await relay.relayOnce();
    const claimed = await Promise.all(passes.mock.results.map((r) => r.value as Promise<number>));
    passes.mockRestore();
    expect(claimed.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(1);
    // The revived job sees the message already handed over and only clears the row; nothing is re-sent.
    await waitFor(async () => {
      const { rows } = await stack.owner.query(`SELECT 1 FROM delivery_outbox WHERE message_id = $1`, [
        res.body.messageId,
      ]);
      return rows.length === 0;
    }, 10_000);
    expect(await stack.sentTo(patient.phone)).toHaveLength(1);
  });

  it('bad input: unknown conversation 404, empty body 400, other practice 404', async () => {
    await reply('00000000-0000-4000-8000-000000000000', { body: 'x' }).expect(404);
    const patient = await patientFromForm(stack, practice);
    const bad = await reply(patient.conversationId, { body: '   ' }).expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const other = await stack.staff.signupPractice();
    await stack.staff
      .post(`/v1/conversations/${patient.conversationId}/replies`, { body: 'x' }, other.accessToken)
      .expect(404);
    await stack.staff.get(`/v1/contacts/${patient.contactId}/consents`, other.accessToken).expect(404);
  });
});
