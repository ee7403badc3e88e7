import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentRepository } from '@app/conversations';
import { TenantDb } from '@app/database';
import { auditTrail } from '@app/testing';
import {
  type DeliveryPractice,
  DeliveryStack,
  type Patient,
  createDeliveryPractice,
  patientFromForm,
  textFrom,
} from './delivery-fixtures.js';
import { freshPhone } from './ingestion-fixtures.js';
import {
  type PortalBrowser,
  csrfOf,
  portalBrowser,
  requestPortalCode,
  secureMessageTo,
  submissionIdOf,
  withoutNonce,
} from './portal-fixtures.js';

// Issue 19, breach 3: a secure link reads only what was sent to its own address (channel + address),
// and changing a contact's address retracts the live links (and consent requests) to the old one.
describe('secure links are bound to the address they were sent to', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const staffToken = () => practice.owner.accessToken;

  const browser = () => portalBrowser(stack);

  /** The holder of `to` opens the link, asks for a code (delivered to `to`) and verifies. */
  const verifyAs = async (token: string, to: string, b: PortalBrowser = browser()) => {
    const page = await b.get(`/s/${token}`).expect(200);
    const csrf = csrfOf(page.text);
    const code = await requestPortalCode(stack, b, token, csrf, to);
    await b.post(`/s/${token}/verify`, { csrf, code }).expect(303);
    return b;
  };

  const changeContact = (contactId: string, patch: Record<string, string | null>) =>
    stack.staff.patch(`/v1/contacts/${contactId}`, patch, staffToken()).expect(200);

  const statusOf = async (messageId: string) =>
    (await stack.messageState(staffToken(), messageId)).status as string;

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a link to the old number does not show (nor mark read) a secure message sent to the corrected number', async () => {
    const patient = await patientFromForm(stack, practice);
    const old = await secureMessageTo(stack, practice, patient, 'Old number: see you Tuesday');
    // Whoever holds the old (wrong) number verifies with the code sent there.
    const holder = await verifyAs(old.token, patient.phone);
    expect((await holder.get(`/s/${old.token}`).expect(200)).text).toContain('see you Tuesday');

    const corrected: Patient = { ...patient, phone: freshPhone() };
    await changeContact(patient.contactId, { phone: corrected.phone });
    const secret = 'Biopsy result: benign, no further treatment';
    const fresh = await secureMessageTo(stack, practice, corrected, secret);

    const page = await holder.get(`/s/${old.token}`);
    expect(page.text).not.toContain('Biopsy result');
    expect(await statusOf(fresh.messageId)).not.toBe('read');
    // The patient at the corrected number reads it.
    const patientBrowser = await verifyAs(fresh.token, corrected.phone);
    expect((await patientBrowser.get(`/s/${fresh.token}`).expect(200)).text).toContain('Biopsy result');
    expect(await statusOf(fresh.messageId)).toBe('read');
  });

  it('changing the phone retracts the live links to the old number at once (neutral page, session too), audited', async () => {
    const patient = await patientFromForm(stack, practice);
    const first = await secureMessageTo(stack, practice, patient, 'first');
    const second = await secureMessageTo(stack, practice, patient, 'second');
    const byEmail = await secureMessageTo(stack, practice, patient, 'by email', 'email');
    const verified = await verifyAs(first.token, patient.phone);
    const csrf = csrfOf((await verified.get(`/s/${first.token}`).expect(200)).text);

    // The same number written another way is no change: nothing is retracted.
    await changeContact(patient.contactId, { phone: patient.phone.replace(/^\+1/, '') });
    await verified.get(`/s/${first.token}`).expect(200);

    await changeContact(patient.contactId, { phone: freshPhone() });
    const neutral = withoutNonce(
      (
        await browser()
          .get(`/s/${'A'.repeat(43)}`)
          .expect(404)
      ).text,
    );
    for (const token of [first.token, second.token])
      expect(withoutNonce((await browser().get(`/s/${token}`).expect(404)).text)).toBe(neutral);
    // The browser verified before the change holds a session for a dead link: nothing opens.
    expect(withoutNonce((await verified.get(`/s/${first.token}`).expect(404)).text)).toBe(neutral);
    await verified
      .post(`/s/${first.token}/reply`, { csrf, body: 'still here?', submissionId: crypto.randomUUID() })
      .expect(404);
    // The email link went to an address that did not change: it still works.
    await browser().get(`/s/${byEmail.token}`).expect(200);

    const { rows } = await stack.owner.query(
      `SELECT message_id, retracted_at IS NOT NULL AS retracted FROM secure_links WHERE contact_id = $1`,
      [patient.contactId],
    );
    const retracted = Object.fromEntries(
      rows.map((r: { message_id: string; retracted: boolean }) => [r.message_id, r.retracted]),
    );
    expect(retracted).toEqual({
      [first.messageId]: true,
      [second.messageId]: true,
      [byEmail.messageId]: false,
    });
    const trail = await auditTrail(stack.api, practice.owner.practiceId);
    const event = trail.find(
      (e) => e.action === 'contact.address_changed' && e.target?.id === patient.contactId,
    );
    expect(event).toMatchObject({
      metadata: { channel: 'sms', linksRetracted: 2, consentRequestsCancelled: 0 },
    });
    expect(JSON.stringify(event)).not.toContain(patient.phone);

    // Changing the email retracts the email link.
    await changeContact(patient.contactId, { email: `moved.${Date.now()}@mail.test` });
    await browser().get(`/s/${byEmail.token}`).expect(404);
  });

  it('a link reads only what went to its own channel and address: messages, read marks, replies, attachments', async () => {
    const patient = await patientFromForm(stack, practice);
    const bySms = await secureMessageTo(stack, practice, patient, 'Texted: lab appointment at 9');
    const byEmail = await secureMessageTo(
      stack,
      practice,
      patient,
      'Emailed: MRI shows a small cyst',
      'email',
    );
    const attachmentId = await stack.api
      .get(TenantDb, { strict: false })
      .forTenant(practice.owner.practiceId, (tx) =>
        stack.api.get(AttachmentRepository, { strict: false }).createStored(tx, byEmail.messageId, 0, {
          contentType: 'application/pdf',
          filename: 'mri.pdf',
          content: Buffer.from('%PDF-1.4 mri'),
        }),
      );

    const phoneHolder = await verifyAs(bySms.token, patient.phone);
    const smsThread = (await phoneHolder.get(`/s/${bySms.token}`).expect(200)).text;
    expect(smsThread).toContain('lab appointment');
    expect(smsThread).not.toContain('small cyst');
    expect(smsThread).not.toContain(attachmentId);
    expect(await statusOf(bySms.messageId)).toBe('read');
    expect(await statusOf(byEmail.messageId)).not.toBe('read');
    await phoneHolder.get(`/s/${bySms.token}/attachments/${attachmentId}`).expect(404);
    await phoneHolder
      .post(`/s/${bySms.token}/reply`, {
        csrf: csrfOf(smsThread),
        body: 'Replied from the text link',
        submissionId: submissionIdOf(smsThread),
      })
      .expect(303);
    expect((await phoneHolder.get(`/s/${bySms.token}`).expect(200)).text).toContain(
      'Replied from the text link',
    );

    const mailboxHolder = await verifyAs(byEmail.token, patient.email);
    const emailThread = (await mailboxHolder.get(`/s/${byEmail.token}`).expect(200)).text;
    expect(emailThread).toContain('small cyst');
    expect(emailThread).not.toContain('lab appointment');
    expect(emailThread).not.toContain('Replied from the text link');
    await mailboxHolder.get(`/s/${byEmail.token}/attachments/${attachmentId}`).expect(200);
    expect(await statusOf(byEmail.messageId)).toBe('read');
  });

  it('after a merge each link still reads only what went to its own address', async () => {
    const kept = await patientFromForm(stack, practice);
    const duplicate = await patientFromForm(stack, practice);
    const keptLink = await secureMessageTo(stack, practice, kept, 'For the kept number: flu shot due');
    const duplicateLink = await secureMessageTo(
      stack,
      practice,
      duplicate,
      'For the other number: x-ray clear',
    );
    await stack.staff
      .post(`/v1/contacts/${kept.contactId}/merge`, { otherContactId: duplicate.contactId }, staffToken())
      .expect(200);

    const other = await verifyAs(duplicateLink.token, duplicate.phone);
    const otherThread = (await other.get(`/s/${duplicateLink.token}`).expect(200)).text;
    expect(otherThread).toContain('x-ray clear');
    expect(otherThread).not.toContain('flu shot');
    expect(await statusOf(keptLink.messageId)).not.toBe('read');
    const own = await verifyAs(keptLink.token, kept.phone);
    const ownThread = (await own.get(`/s/${keptLink.token}`).expect(200)).text;
    expect(ownThread).toContain('flu shot');
    expect(ownThread).not.toContain('x-ray clear');
  });

  it('a consent request to the old number dies with the change: a YES or the page from there records nothing', async () => {
    const patient = await patientFromForm(stack, practice);
    const sent = await stack.staff
      .post(`/v1/contacts/${patient.contactId}/consent-requests`, { channel: 'sms' }, staffToken())
      .expect(202);
    await stack.waitForStatus(staffToken(), sent.body.messageId, ['sent', 'delivered']);
    const requestText = (await stack.sentTo(patient.phone))[0]!.body!;
    const pageToken = /\/c\/([A-Za-z0-9_-]{43})/.exec(requestText)![1]!;

    const newPhone = freshPhone();
    await changeContact(patient.contactId, { phone: newPhone });
    await browser().get(`/c/${pageToken}`).expect(404);
    expect(await textFrom(stack, practice, patient.phone, 'YES')).toContain('could not match');
    const consents = await stack.staff
      .get(`/v1/contacts/${patient.contactId}/consents`, staffToken())
      .expect(200);
    expect(consents.body.history).toEqual([]);
    const { rows } = await stack.owner.query(`SELECT status FROM consent_requests WHERE id = $1`, [
      sent.body.requestId,
    ]);
    expect(rows[0].status).toBe('cancelled');
    // And nothing about the new number changed: a reply there is still a secure message.
    const reply = await stack.staff
      .post(
        `/v1/conversations/${patient.conversationId}/replies`,
        { body: 'Results in', channel: 'sms' },
        staffToken(),
      )
      .expect(202);
    expect(reply.body.deliveryRoute).toBe('secure_link');
  });
});
