import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatSession, ChatWidget, type ReceivedChatCode } from './chat-fixtures.js';
import { freshPhone, waitFor } from './ingestion-fixtures.js';
import { SseClient } from './intake-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  textFrom,
} from './delivery-fixtures.js';

const PHI = 'Your pathology came back: stage II, we need to discuss chemotherapy';
const CODE_SMS =
  /^Riverside Family Clinic: Your chat verification code is (\d{6})\. It expires in 10 minutes\. Do not share it\.$/;

/** Another code than `code` (six digits). */
const wrongCode = (code: string, n: number): string =>
  ((Number(code) + n) % 1_000_000).toString().padStart(6, '0');

// Issue 19, breach 1: a chat visitor proves the address they typed with a code sent there; only
// then does a claim join the patient's contact and the chat receive the patient's replies.
describe('website chat: a visitor proves the address they typed', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let chat: ChatWidget;
  const token = () => practice.owner.accessToken;
  const reply = (conversationId: string, body: object) =>
    stack.staff.post(`/v1/conversations/${conversationId}/replies`, body, token());

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
    chat = await ChatWidget.create(stack, practice);
  });
  const streams: SseClient[] = [];
  afterAll(async () => {
    for (const s of streams) s.close();
    await stack?.stop();
  });

  const askCode = (session: ChatSession, channel: 'sms' | 'email') =>
    chat.verification(session, '', { channel });
  const confirm = (session: ChatSession, code: string) => chat.verification(session, '/confirm', { code });

  /** The newest chat code the sandbox delivered to `to` once it got `count` of them (what the address's owner reads). */
  const codeReceivedBy = (to: string, count = 1): Promise<ReceivedChatCode> =>
    waitFor(async () => {
      const codes = await chat.codesSentTo(to);
      return codes.length >= count ? codes[0] : undefined;
    }, 15_000);

  const auditActions = async (sessionId: string): Promise<string[]> => {
    // Sealing is asynchronous: the outbox or the chain holds the event.
    const { rows } = await stack.owner.query(
      `SELECT action FROM audit_events WHERE target_id = $1
       UNION ALL SELECT action FROM audit_outbox WHERE target_id = $1`,
      [sessionId],
    );
    return rows.map((r) => r.action as string);
  };

  it("a stranger who claims a patient's phone cannot verify without the code; five wrong codes lock the chat", async () => {
    const patient = await chat.patientByText();
    const stranger = await chat.start({ phone: patient.phone, name: 'Not The Patient' });
    await chat.say(stranger, 'It is me, any news?');

    const asked = await askCode(stranger, 'sms').expect(202);
    expect(asked.body).toEqual({ sent: true, expiresInSeconds: 600 });
    // The code goes to the patient's phone: the stranger never sees it.
    const { code } = await codeReceivedBy(patient.phone);
    for (let n = 1; n <= 5; n++) {
      const res = await confirm(stranger, wrongCode(code, n)).expect(400);
      expect(res.body.error).toEqual({ code: 'invalid_code', message: 'The code is not valid' });
    }
    // Locked: even the right code (had the stranger guessed it) no longer verifies, nor a new one comes.
    expect((await confirm(stranger, code).expect(423)).body.error.code).toBe('verification_locked');
    expect((await askCode(stranger, 'sms').expect(423)).body.error.code).toBe('verification_locked');

    const res = await reply(patient.conversationId, { body: PHI, channel: 'chat' }).expect(202);
    expect(res.body.deliveryRoute).not.toBe('chat');
    expect(JSON.stringify(await chat.read(stranger))).not.toContain('pathology');
    const { rows } = await stack.owner.query(`SELECT merged_into FROM contacts WHERE claim_of = $1`, [
      patient.contactId,
    ]);
    expect(rows).toEqual([{ merged_into: null }]);
    await waitFor(async () => (await auditActions(stranger.sessionId)).includes('chat.verification_locked'));
    const actions = await auditActions(stranger.sessionId);
    expect(actions.filter((a) => a === 'chat.verify_failed')).toHaveLength(5);
    expect(actions).not.toContain('chat.address_verified');
  });

  it("the phone's owner verifies in the chat: the claim joins the patient and the chat is answered with the patient's conversation", async () => {
    const patient = await chat.patientByText();
    const visitor = await chat.start({ phone: patient.phone, name: 'Pat' });
    const said = await chat.say(visitor, 'Hi, I texted you earlier');
    const claim = await chat.conversationOfMessage(said.body.id);
    expect(claim.contactId).not.toBe(patient.contactId);

    await askCode(visitor, 'sms').expect(202);
    const { code, text } = await codeReceivedBy(patient.phone);
    // Practice name and code only: no name, no message content.
    expect(text).toMatch(CODE_SMS);
    // Only a keyed hash is stored: neither the code nor its plain SHA-256.
    const { rows: codes } = await stack.owner.query(
      `SELECT code_hash FROM portal_codes WHERE chat_session_id = $1`,
      [visitor.sessionId],
    );
    expect(codes).toHaveLength(1);
    const stored = codes[0].code_hash as Buffer;
    expect(stored).toHaveLength(32);
    expect(stored.toString('latin1')).not.toContain(code);
    expect(stored.equals(createHash('sha256').update(code).digest())).toBe(false);

    const staffEvents = await SseClient.open(`${stack.publicBaseUrl()}/v1/events`, {
      Authorization: `Bearer ${token()}`,
    });
    streams.push(staffEvents);
    await staffEvents.next((e) => e.event === 'ready');
    expect((await confirm(visitor, code).expect(200)).body).toEqual({ verified: true });
    // Staff see it live: ids only.
    const verified = await staffEvents.next((e) => e.event === 'chat.address_verified');
    expect(verified.data).toMatchObject({
      conversationId: patient.conversationId,
      contactId: patient.contactId,
      sessionId: visitor.sessionId,
    });
    // Single use.
    expect((await confirm(visitor, code).expect(400)).body.error.code).toBe('invalid_code');

    const { rows: merged } = await stack.owner.query(`SELECT merged_into FROM contacts WHERE id = $1`, [
      claim.contactId,
    ]);
    expect(merged[0].merged_into).toBe(patient.contactId);
    const { rows: sessions } = await stack.owner.query(
      `SELECT contact_id, proven_contact_id, address_verified_at IS NOT NULL AS verified FROM chat_sessions WHERE id = $1`,
      [visitor.sessionId],
    );
    expect(sessions[0]).toEqual({
      contact_id: patient.contactId,
      proven_contact_id: patient.contactId,
      verified: true,
    });

    // The chat now belongs to the patient's conversation and is answered there.
    const next = await chat.say(visitor, 'Any news on the biopsy?');
    expect(await chat.conversationOfMessage(next.body.id)).toEqual({
      conversationId: patient.conversationId,
      contactId: patient.contactId,
    });
    const res = await reply(patient.conversationId, {
      body: 'All clear, nothing to worry about.',
      channel: 'chat',
    }).expect(202);
    expect(res.body).toMatchObject({ channel: 'chat', deliveryRoute: 'chat' });
    expect((await chat.read(visitor)).map((m) => m.body)).toContain('All clear, nothing to worry about.');
    await waitFor(async () => (await auditActions(visitor.sessionId)).includes('chat.address_verified'));
  });

  it("a visitor's own address (nobody else's) is verified by email too, and the code is single-use", async () => {
    const email = `visitor.${Math.random().toString(16).slice(2, 10)}@mail.test`;
    const visitor = await chat.start({ email });
    await chat.say(visitor, 'Do you take new patients?');
    await askCode(visitor, 'email').expect(202);
    const { code, text } = await codeReceivedBy(email);
    expect(text).not.toContain('new patients');
    expect(text).toContain('Riverside Family Clinic');
    expect((await confirm(visitor, code).expect(200)).body).toEqual({ verified: true });
    expect((await confirm(visitor, code).expect(400)).body.error.code).toBe('invalid_code');
    const { rows } = await stack.owner.query(
      `SELECT contact_id = proven_contact_id AS proven, address_verified_at IS NOT NULL AS verified FROM chat_sessions WHERE id = $1`,
      [visitor.sessionId],
    );
    expect(rows[0]).toEqual({ proven: true, verified: true });
  });

  it('an opted-out number gets no code; an address the chat did not type is refused', async () => {
    const patient = await chat.patientByText();
    await textFrom(stack, practice, patient.phone, 'STOP');
    const sentBefore = (await stack.sentTo(patient.phone)).length;
    const visitor = await chat.start({ phone: patient.phone });
    expect((await askCode(visitor, 'sms').expect(409)).body.error.code).toBe('recipient_opted_out');
    expect((await askCode(visitor, 'email').expect(422)).body.error.code).toBe('no_claimed_address');
    const anonymous = await chat.start({ name: 'Anon' });
    expect((await askCode(anonymous, 'sms').expect(422)).body.error.code).toBe('no_claimed_address');
    await new Promise((r) => setTimeout(r, 500));
    expect(await stack.sentTo(patient.phone)).toHaveLength(sentBefore);
  });

  it('codes are rate limited per chat; only the newest code counts', async () => {
    const phone = freshPhone();
    const visitor = await chat.start({ phone });
    await askCode(visitor, 'sms').expect(202);
    const first = await codeReceivedBy(phone);
    await askCode(visitor, 'sms').expect(202);
    await codeReceivedBy(phone, 2);
    await askCode(visitor, 'sms').expect(202);
    const limited = await askCode(visitor, 'sms').expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const third = await codeReceivedBy(phone, 3);
    if (third.code !== first.code)
      expect((await confirm(visitor, first.code).expect(400)).body.error.code).toBe('invalid_code');
    expect((await confirm(visitor, third.code).expect(200)).body).toEqual({ verified: true });
  });

  it('one address gets at most 5 chat codes per 15 minutes, however many chats type it', async () => {
    const phone = freshPhone();
    for (let n = 0; n < 5; n++) await askCode(await chat.start({ phone }), 'sms').expect(202);
    const flooded = await askCode(await chat.start({ phone }), 'sms').expect(429);
    expect(flooded.body.error.code).toBe('rate_limited');
    // The header says when, as every other 429 does (the details carry the same seconds).
    expect(flooded.headers['retry-after']).toBe(String(flooded.body.error.details.retryAfterSeconds));
    await codeReceivedBy(phone, 5);
  });

  it("after a staff merge the chat gets the patient's replies only once the visitor proves the phone", async () => {
    const patient = await chat.patientByText();
    const visitor = await chat.start({ phone: patient.phone });
    const said = await chat.say(visitor, 'It is me');
    const { contactId: claimantId } = await chat.conversationOfMessage(said.body.id);
    await stack.staff
      .post(`/v1/contacts/${patient.contactId}/merge`, { otherContactId: claimantId }, token())
      .expect(200);
    const before = await reply(patient.conversationId, { body: PHI, channel: 'chat' }).expect(202);
    expect(before.body.deliveryRoute).not.toBe('chat');

    await askCode(visitor, 'sms').expect(202);
    const { code } = await codeReceivedBy(patient.phone);
    await confirm(visitor, code).expect(200);
    const after = await reply(patient.conversationId, { body: 'See you Monday.', channel: 'chat' }).expect(
      202,
    );
    expect(after.body.deliveryRoute).toBe('chat');
    const seen = (await chat.read(visitor)).map((m) => m.body);
    expect(seen).toContain('See you Monday.');
    expect(JSON.stringify(seen)).not.toContain('pathology');
  });
});
