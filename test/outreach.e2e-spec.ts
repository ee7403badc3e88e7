import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '@app/testing';
import {
  createDeliveryPractice,
  type DeliveryPractice,
  DeliveryStack,
  textFrom,
} from './delivery-fixtures.js';
import { freshPhone } from './ingestion-fixtures.js';

const PHI = 'Your biopsy came back benign; no further treatment is needed.';

// Issue 22, staff-started outreach: staff enter a patient who never wrote and write first, through
// the same consent gate as a reply; the consent request reaches them too.
describe('staff-started outreach (POST /v1/contacts, POST /v1/conversations)', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const token = () => practice.owner.accessToken;
  const post = (path: string, body: object) => stack.staff.post(path, body, token());

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a new patient: notice only without consent; after a consent request and YES the next message goes plain; STOP refuses', async () => {
    const phone = freshPhone();
    const contact = await post('/v1/contacts', { name: 'Nora New', phone }).expect(201);
    const contactId: string = contact.body.id;
    await post('/v1/contacts', { phone }).expect(409);

    const first = await post('/v1/conversations', { contactId, channel: 'sms', body: PHI }).expect(202);
    expect(first.body).toMatchObject({
      channel: 'sms',
      deliveryRoute: 'secure_link',
      routeReason: 'no_consent',
      status: 'queued',
    });
    const conversationId: string = first.body.conversationId;
    await stack.waitForStatus(token(), first.body.messageId, ['sent', 'delivered']);
    const notice = (await stack.sentTo(phone))[0]!;
    expect(notice.body).not.toContain('biopsy');
    expect(notice.body).toMatch(/\/s\/[A-Za-z0-9_-]{43}/);

    // The consent request reaches a contact who never wrote; the YES answers it.
    const request = await post(`/v1/contacts/${contactId}/consent-requests`, { channel: 'sms' }).expect(202);
    await stack.waitForStatus(token(), request.body.messageId, ['delivered']);
    await textFrom(stack, practice, phone, 'YES');

    const second = await post('/v1/conversations', { contactId, channel: 'sms', body: PHI }).expect(202);
    expect(second.body).toMatchObject({ conversationId, deliveryRoute: 'plain', routeReason: null });
    await stack.waitForStatus(token(), second.body.messageId, ['sent', 'delivered']);
    expect((await stack.sentTo(phone))[0]!.body).toBe(PHI);

    await textFrom(stack, practice, phone, 'STOP');
    const refused = await post('/v1/conversations', { contactId, channel: 'sms', body: PHI }).expect(409);
    expect(refused.body.error.code).toBe('recipient_opted_out');

    const actions = (await auditTrail(stack.api, practice.owner.practiceId))
      .filter((e) => e.metadata?.conversationId === conversationId)
      .map((e) => e.action);
    expect(actions.filter((a) => a === 'message.outreach_accepted')).toHaveLength(2);
  });

  it('by email: a contact with only an email gets a PHI-free notice with the secure link', async () => {
    const email = `outreach.${Math.random().toString(16).slice(2, 10)}@mail.test`;
    const contact = await post('/v1/contacts', { name: 'Eve Email', email }).expect(201);
    const first = await post('/v1/conversations', {
      contactId: contact.body.id,
      channel: 'email',
      body: PHI,
    }).expect(202);
    expect(first.body).toMatchObject({
      channel: 'email',
      deliveryRoute: 'secure_link',
      routeReason: 'no_consent',
    });
    await stack.waitForStatus(token(), first.body.messageId, ['sent', 'delivered']);
    const notice = (await stack.sentTo(email))[0]!;
    expect(notice.provider).toBe('sendgrid');
    expect(`${notice.subject} ${notice.text}`).not.toContain('biopsy');
    expect(notice.text).toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
  });

  it('refuses without starting anything: an unknown or malformed contact, no address for the channel, a bad body', async () => {
    const phoneOnly = await post('/v1/contacts', { phone: freshPhone() }).expect(201);
    const before = await stack.owner.query(
      `SELECT count(*)::int AS n FROM conversations WHERE contact_id = $1`,
      [phoneOnly.body.id],
    );
    const noEmail = await post('/v1/conversations', {
      contactId: phoneOnly.body.id,
      channel: 'email',
      body: 'Hello',
    }).expect(422);
    expect(noEmail.body.error.code).toBe('no_reachable_address');
    const after = await stack.owner.query(
      `SELECT count(*)::int AS n FROM conversations WHERE contact_id = $1`,
      [phoneOnly.body.id],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);

    await post('/v1/conversations', {
      contactId: '00000000-0000-4000-8000-000000000000',
      channel: 'sms',
      body: 'Hello',
    }).expect(404);
    for (const body of [
      { contactId: 'nope', channel: 'sms', body: 'x' },
      { contactId: phoneOnly.body.id, channel: 'chat', body: 'x' },
      { contactId: phoneOnly.body.id, channel: 'sms', body: '   ' },
      { contactId: phoneOnly.body.id, channel: 'sms' },
    ])
      expect((await post('/v1/conversations', body)).status, JSON.stringify(body)).toBe(400);

    // Another practice's contact is unknown here.
    const other = await stack.staff.signupPractice();
    const theirs = await stack.staff
      .post('/v1/contacts', { phone: freshPhone() }, other.accessToken)
      .expect(201);
    await post('/v1/conversations', { contactId: theirs.body.id, channel: 'sms', body: 'Hello' }).expect(404);
  });
});
