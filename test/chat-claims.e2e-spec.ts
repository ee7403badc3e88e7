import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatWidget } from './chat-fixtures.js';
import { freshPhone } from './ingestion-fixtures.js';
import { SseClient } from './intake-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  WEBSITE,
  createDeliveryPractice,
  textFrom,
} from './delivery-fixtures.js';

const PHI = 'Your pathology came back: stage II, we need to discuss chemotherapy';

// Invariant 11: a phone number or email typed into the website chat is a claim, not an identity.
describe('website chat: a claimed address is not an identity', () => {
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

  it("a stranger who types a patient's phone neither joins the patient's conversation nor reads the reply", async () => {
    const patient = await chat.patientByText();

    const stranger = await chat.start({ phone: patient.phone, name: 'Not The Patient' });
    const said = await chat.say(stranger, 'Hi, it is me again, any news?');
    const strangers = await chat.conversationOfMessage(said.body.id);
    expect(strangers.contactId).not.toBe(patient.contactId);
    expect(strangers.conversationId).not.toBe(patient.conversationId);

    // Staff answer the patient's conversation and even ask for the chat: it is not the patient's chat.
    const res = await reply(patient.conversationId, { body: PHI, channel: 'chat' }).expect(202);
    expect(res.body.deliveryRoute).not.toBe('chat');
    expect(res.body).toMatchObject({ channel: 'sms', deliveryRoute: 'secure_link' });
    const seen = await chat.read(stranger);
    expect(seen.map((m) => m.body)).toEqual(['Hi, it is me again, any news?']);
    expect(JSON.stringify(seen)).not.toContain('pathology');

    // Staff see who the visitor claims to be, and that it is unproven.
    const claimant = await stack.staff.get(`/v1/contacts/${strangers.contactId}`, token()).expect(200);
    expect(claimant.body).toMatchObject({
      possibleMatch: { contactId: patient.contactId, reason: 'claimed_address_on_file' },
      claimed: { phone: patient.phone, email: null },
      phone: null,
    });
    // The patient's next text still lands in the patient's own conversation.
    await textFrom(stack, practice, patient.phone, 'Hello?');
    const { rows } = await stack.owner.query(
      `SELECT DISTINCT conversation_id FROM messages WHERE tenant_id = $1 AND channel = 'sms' AND contact_id = $2`,
      [practice.owner.practiceId, patient.contactId],
    );
    expect(rows.map((r) => r.conversation_id)).toEqual([patient.conversationId]);
  });

  it('a claimed email of a patient is a claim too', async () => {
    const patient = await chat.patientByText();
    const email = `pat.${Math.random().toString(16).slice(2, 8)}@mail.test`;
    await stack.staff.patch(`/v1/contacts/${patient.contactId}`, { email }, token()).expect(200);
    const stranger = await chat.start({ email: email.toUpperCase() });
    const said = await chat.say(stranger, 'hello');
    expect((await chat.conversationOfMessage(said.body.id)).contactId).not.toBe(patient.contactId);
    const res = await reply(patient.conversationId, { body: PHI, channel: 'chat' }).expect(202);
    expect(res.body.deliveryRoute).not.toBe('chat');
    expect(await chat.read(stranger)).toHaveLength(1);
  });

  it('the visitor who started a conversation is answered in the chat while present, and receives it', async () => {
    const visitor = await chat.start({ name: 'New Lead' });
    const said = await chat.say(visitor, 'Do you see new patients?');
    const { conversationId } = await chat.conversationOfMessage(said.body.id);

    const res = await reply(conversationId, { body: 'Yes, Mondays to Fridays.' }).expect(202);
    expect(res.body).toMatchObject({ channel: 'chat', deliveryRoute: 'chat', status: 'sent' });
    // Stored, not yet received: delivered only once the visitor's client fetched it.
    expect((await stack.messageState(token(), res.body.messageId)).status).toBe('sent');
    expect((await chat.read(visitor)).map((m) => m.id)).toEqual([said.body.id, res.body.messageId]);
    expect((await stack.messageState(token(), res.body.messageId)).status).toBe('delivered');
  });

  it("a reply pushed down the visitor's open stream is delivered; the open stream keeps them present", async () => {
    const visitor = await chat.start();
    const said = await chat.say(visitor, 'Is parking free?');
    const { conversationId } = await chat.conversationOfMessage(said.body.id);
    const events = await SseClient.open(
      `${stack.publicBaseUrl()}/v1/public/chat/sessions/${visitor.sessionId}/events`,
      {
        Authorization: `Bearer ${visitor.sessionToken}`,
        Origin: WEBSITE,
      },
    );
    streams.push(events);
    await events.next((e) => e.event === 'ready');
    const res = await reply(conversationId, { body: 'Yes, behind the building.' }).expect(202);
    expect(res.body).toMatchObject({ deliveryRoute: 'chat', status: 'sent' });
    await events.next((e) => e.event === 'message' && e.id === res.body.messageId);
    await stack.waitForStatus(token(), res.body.messageId, ['delivered']);
  });

  it('a visitor who left (no stream, no poll for minutes) is not answered in the chat', async () => {
    const phone = freshPhone();
    const visitor = await chat.start({ phone });
    const said = await chat.say(visitor, 'Can I book a cleaning?');
    const { conversationId } = await chat.conversationOfMessage(said.body.id);
    await stack.owner.query(
      `UPDATE chat_sessions SET last_seen_at = now() - interval '10 minutes' WHERE id = $1`,
      [visitor.sessionId],
    );
    // Handed to SMS through the gate (no consent: the secure link), not left in an empty chat.
    const res = await reply(conversationId, { body: 'Yes, call us.' }).expect(202);
    expect(res.body).toMatchObject({ channel: 'sms', deliveryRoute: 'secure_link' });

    // Polling again makes the visitor present (staff ask for the chat: the last reply went by SMS).
    await chat.read(visitor);
    const again = await reply(conversationId, { body: 'We have Tuesday 9am.', channel: 'chat' }).expect(202);
    expect(again.body).toMatchObject({ channel: 'chat', deliveryRoute: 'chat' });
  });

  it('a visitor who typed a number nobody held loses the chat once that number texts in', async () => {
    const phone = freshPhone();
    const visitor = await chat.start({ phone });
    const said = await chat.say(visitor, 'Hi, I would like my results');
    const { conversationId, contactId } = await chat.conversationOfMessage(said.body.id);
    // The number's real owner texts: the carrier proves it, and it lands in that contact's conversation.
    await textFrom(stack, practice, phone, 'Hello, are my results in?');
    const { rows } = await stack.owner.query(
      `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND contact_id = $2 AND channel = 'sms'`,
      [practice.owner.practiceId, contactId],
    );
    expect(rows.map((r) => r.conversation_id)).toEqual([conversationId]);
    await chat.read(visitor); // present
    const res = await reply(conversationId, { body: PHI, channel: 'chat' }).expect(202);
    expect(res.body).toMatchObject({ channel: 'sms', deliveryRoute: 'secure_link' });
    expect(JSON.stringify(await chat.read(visitor))).not.toContain('pathology');
  });

  it("merging the claimant into the patient does not give the chat session the patient's replies", async () => {
    const patient = await chat.patientByText();
    const stranger = await chat.start({ phone: patient.phone });
    const said = await chat.say(stranger, 'It is me');
    const { contactId: claimantId } = await chat.conversationOfMessage(said.body.id);
    await stack.staff
      .post(`/v1/contacts/${patient.contactId}/merge`, { otherContactId: claimantId }, token())
      .expect(200);
    await chat.say(stranger, 'Still here');
    const res = await reply(patient.conversationId, { body: PHI, channel: 'chat' }).expect(202);
    expect(res.body.deliveryRoute).not.toBe('chat');
    expect(JSON.stringify(await chat.read(stranger))).not.toContain('pathology');
  });
});
