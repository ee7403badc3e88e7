import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactRepository } from '@app/contacts';
import { TenantDb } from '@app/database';
import { freshPhone } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  patientFromForm,
  textFrom,
} from './delivery-fixtures.js';

// QuickSend consent requests: which YES/NO counts, which never does, and staff cannot spam.
describe('consent requests and SMS answers', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const token = () => practice.owner.accessToken;
  const requestConsent = (contactId: string, channel: 'sms' | 'email') =>
    stack.staff.post(`/v1/contacts/${contactId}/consent-requests`, { channel }, token());
  const consents = async (contactId: string) =>
    (await stack.staff.get(`/v1/contacts/${contactId}/consents`, token()).expect(200)).body as {
      current: Array<{ decision: string; channel: string }>;
      history: unknown[];
    };

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a YES with no live request records nothing and asks for a new request', async () => {
    const patient = await patientFromForm(stack, practice);
    const twiml = await textFrom(stack, practice, patient.phone, 'YES');
    expect(twiml).toContain('could not match your reply to a current request');
    expect((await consents(patient.contactId)).history).toEqual([]);
  });

  it('NO answers a live request: declined is recorded, the request is answered, a later YES counts for nothing', async () => {
    const patient = await patientFromForm(stack, practice);
    const sent = await requestConsent(patient.contactId, 'sms').expect(202);
    // An answer counts once the carrier confirmed delivering the request.
    await stack.waitForStatus(token(), sent.body.messageId, ['delivered']);
    expect(await textFrom(stack, practice, patient.phone, 'no')).toContain(
      'keep sending health information as secure',
    );
    expect((await consents(patient.contactId)).current).toEqual([
      expect.objectContaining({ channel: 'sms', decision: 'declined', method: 'sms_keyword' }),
    ]);
    expect(await textFrom(stack, practice, patient.phone, 'YES')).toContain('could not match');
    expect((await consents(patient.contactId)).current[0]!.decision).toBe('declined');
  });

  it('several contacts on one number with live requests: a bare YES is ambiguous and records nothing', async () => {
    const parent = await patientFromForm(stack, practice);
    const child = await stack.api
      .get(TenantDb)
      .forTenant(practice.owner.practiceId, (tx) =>
        stack.api.get(ContactRepository).create(tx, { name: 'Sam Example', phone: parent.phone }),
      );
    for (const contactId of [parent.contactId, child.id]) {
      const sent = await requestConsent(contactId, 'sms').expect(202);
      await stack.waitForStatus(token(), sent.body.messageId, ['sent', 'delivered']);
    }
    expect(await textFrom(stack, practice, parent.phone, 'Yes')).toContain('Several people use this number');
    expect((await consents(parent.contactId)).history).toEqual([]);
    expect((await consents(child.id)).history).toEqual([]);
  });

  it('re-requesting supersedes the live request; more than 3 a day for one contact is 429', async () => {
    const patient = await patientFromForm(stack, practice);
    await stack.stopWorker(); // both requests wait in the queue
    const first = await requestConsent(patient.contactId, 'sms').expect(202);
    const second = await requestConsent(patient.contactId, 'sms').expect(202);
    await stack.startWorker();
    const { rows } = await stack.owner.query(
      `SELECT id, status FROM consent_requests WHERE contact_id = $1 ORDER BY created_at`,
      [patient.contactId],
    );
    expect(rows).toEqual([
      { id: first.body.requestId, status: 'superseded' },
      { id: second.body.requestId, status: 'live' },
    ]);
    // The superseded request's message is not sent (or its link no longer counts).
    const firstState = await stack.waitForStatus(token(), first.body.messageId, [
      'failed',
      'sent',
      'delivered',
    ]);
    if (firstState.status === 'failed') expect(firstState.error).toMatchObject({ code: 'request_closed' });
    await requestConsent(patient.contactId, 'sms').expect(202);
    const limited = await requestConsent(patient.contactId, 'sms').expect(429);
    expect(limited.body.error.code).toBe('consent_request_rate_limited');
  });

  it('by email: a PHI-free email with the consent page link, no YES/NO', async () => {
    const patient = await patientFromForm(stack, practice);
    const sent = await requestConsent(patient.contactId, 'email').expect(202);
    await stack.waitForStatus(token(), sent.body.messageId, ['sent', 'delivered']);
    const [mail] = await stack.sentTo(patient.email);
    expect(mail!.subject).toBe('Riverside Family Clinic: how would you like to receive health information?');
    expect(mail!.text).toMatch(/\/c\/[A-Za-z0-9_-]{43}\n/);
    expect(mail!.text).not.toContain('Pat');
  });

  it('a contact without a phone cannot be asked by SMS (422); an opted-out number is 409', async () => {
    const noPhone = await stack.api
      .get(TenantDb)
      .forTenant(practice.owner.practiceId, (tx) =>
        stack.api.get(ContactRepository).create(tx, { name: 'No Phone', email: 'nophone@mail.test' }),
      );
    expect((await requestConsent(noPhone.id, 'sms').expect(422)).body.error.code).toBe(
      'no_reachable_address',
    );
    const phone = freshPhone();
    await textFrom(stack, practice, phone, 'STOP');
    const { rows } = await stack.owner.query(
      `SELECT contact_id FROM messages WHERE tenant_id = $1 AND direction = 'inbound' ORDER BY created_at DESC LIMIT 1`,
      [practice.owner.practiceId],
    );
    expect((await requestConsent(rows[0].contact_id, 'sms').expect(409)).body.error.code).toBe(
      'recipient_opted_out',
    );
  });
});
