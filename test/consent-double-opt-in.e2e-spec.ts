import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTokensIn } from '@app/delivery';
import { testClientIp } from '@app/testing';
import { freshPhone, waitFor } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  WEBSITE,
  createDeliveryPractice,
  textFrom,
} from './delivery-fixtures.js';
import { csrfOf } from './portal-fixtures.js';

const PHI = 'Your biopsy shows a melanoma; we need to book surgery';

interface ConsentView {
  channel: string;
  decision: string;
  method: string;
  consentRequestId: string | null;
  formSubmissionId: string | null;
}

// Consent is the patient's (issue 19): a form checkbox is evidence of intent, never consent; a YES
// counts only as the answer to a request the carrier delivered to that number.
describe('consent: double opt-in, and answers only to delivered requests', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const token = () => practice.owner.accessToken;
  const tenant = () => practice.owner.practiceId;
  const reply = (conversationId: string, body: string) =>
    stack.staff.post(`/v1/conversations/${conversationId}/replies`, { body }, token()).expect(202);
  const consents = async (contactId: string) =>
    (await stack.staff.get(`/v1/contacts/${contactId}/consents`, token()).expect(200)).body as {
      current: ConsentView[];
      history: ConsentView[];
    };

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** An anonymous web form post; returns the message it became and the submission's id. */
  async function postForm(body: object) {
    await request(stack.api.getHttpServer())
      .post(`/v1/public/forms/${practice.formKey}/submissions`)
      .set('Origin', WEBSITE)
      .set('X-Forwarded-For', testClientIp())
      .send({ name: 'Web Visitor', message: 'Please contact me', ...body })
      .expect(202);
    const { rows } = await stack.owner.query(
      `SELECT s.id AS submission_id, m.conversation_id, m.contact_id FROM form_submissions s
       JOIN messages m ON m.id = s.message_id WHERE s.tenant_id = $1 ORDER BY s.created_at DESC LIMIT 1`,
      [tenant()],
    );
    return rows[0] as { submission_id: string; conversation_id: string; contact_id: string };
  }

  /** A patient who texted the practice: the carrier proved their number. */
  async function patientByText(): Promise<{ phone: string; conversationId: string; contactId: string }> {
    const phone = freshPhone();
    await textFrom(stack, practice, phone, 'Are my results in?');
    const { rows } = await stack.owner.query(
      `SELECT conversation_id, contact_id FROM messages
       WHERE tenant_id = $1 AND channel = 'sms' AND direction = 'inbound' ORDER BY created_at DESC LIMIT 1`,
      [tenant()],
    );
    return { phone, conversationId: rows[0].conversation_id, contactId: rows[0].contact_id };
  }

  const consentRequestsOf = async (contactId: string) =>
    (
      await stack.owner.query(
        `SELECT id, status, message_id, form_submission_id FROM consent_requests WHERE contact_id = $1
         ORDER BY created_at`,
        [contactId],
      )
    ).rows as Array<{
      id: string;
      status: string;
      message_id: string | null;
      form_submission_id: string | null;
    }>;

  /** What the submission's audit event says became of its consent boxes. */
  const boxOutcomes = async (submissionId: string) => {
    const { rows } = await stack.owner.query(
      `SELECT metadata FROM audit_events WHERE target_id = $1 AND action = 'webform.submitted'
       UNION ALL
       SELECT metadata FROM audit_outbox WHERE target_id = $1 AND action = 'webform.submitted'`,
      [submissionId],
    );
    return rows.map((r) => r.metadata.consentRequests);
  };

  const consentRequestTextsTo = async (address: string) =>
    (await stack.sentTo(address)).filter((m) => /\/c\/[A-Za-z0-9_-]{43}/.test(m.body ?? m.text ?? ''));

  it("a form with a patient's phone and the SMS box ticked grants nothing: the next reply is still a secure link", async () => {
    const patient = await patientByText();
    const forged = await postForm({
      phone: patient.phone,
      consent: { sms: true, disclosureVersion: 'sms-v1' },
    });

    expect((await consents(patient.contactId)).history).toEqual([]);
    expect((await consents(forged.contact_id)).history).toEqual([]);
    const res = await reply(patient.conversationId, PHI);
    expect(res.body.deliveryRoute).toBe('secure_link');
    // The claimed number is not asked either: the claim contact has no address of its own.
    expect(await consentRequestsOf(forged.contact_id)).toEqual([]);
    expect(await consentRequestsOf(patient.contactId)).toEqual([]);
    expect(await boxOutcomes(forged.submission_id)).toEqual(['sms:claim']);
  });

  it("a form with a patient's phone is a claim: its own contact and conversation, flagged for staff", async () => {
    const patient = await patientByText();
    const claim = await postForm({ phone: patient.phone, message: 'Did my results come back?' });
    expect(claim.contact_id).not.toBe(patient.contactId);
    expect(claim.conversation_id).not.toBe(patient.conversationId);
    const claimant = await stack.staff.get(`/v1/contacts/${claim.contact_id}`, token()).expect(200);
    expect(claimant.body).toMatchObject({
      possibleMatch: { contactId: patient.contactId, reason: 'claimed_address_on_file' },
      claimed: { phone: patient.phone },
      phone: null,
    });
    // The patient's next text still lands in the patient's own conversation.
    await textFrom(stack, practice, patient.phone, 'Hello?');
    const { rows } = await stack.owner.query(
      `SELECT DISTINCT conversation_id FROM messages WHERE tenant_id = $1 AND contact_id = $2`,
      [tenant(), patient.contactId],
    );
    expect(rows.map((r) => r.conversation_id)).toEqual([patient.conversationId]);
  });

  it('a form from a new number with the SMS box ticked: a request goes there; only the YES after delivery grants, with the submission as evidence', async () => {
    const phone = freshPhone();
    const lead = await postForm({ phone, consent: { sms: true, disclosureVersion: 'sms-v1' } });

    expect((await consents(lead.contact_id)).history).toEqual([]);
    const [asked] = await consentRequestsOf(lead.contact_id);
    expect(asked).toMatchObject({ status: 'live', form_submission_id: lead.submission_id });
    expect(await boxOutcomes(lead.submission_id)).toEqual(['sms:requested']);
    const [requestMessage] = (
      await stack.owner.query(
        `SELECT id FROM messages WHERE consent_request_id = $1 AND template = 'consent_request'`,
        [asked!.id],
      )
    ).rows;
    await stack.waitForStatus(token(), requestMessage.id, ['delivered']);
    const [sms] = await consentRequestTextsTo(phone);
    expect(sms!.body).toContain('Reply YES');
    expect((await reply(lead.conversation_id, PHI)).body.deliveryRoute).toBe('secure_link');

    expect(await textFrom(stack, practice, phone, 'YES')).toContain('Thank you');
    expect((await consents(lead.contact_id)).current).toEqual([
      expect.objectContaining({
        channel: 'sms',
        decision: 'granted',
        method: 'sms_keyword',
        consentRequestId: asked!.id,
        formSubmissionId: lead.submission_id,
      }),
    ]);
    expect((await reply(lead.conversation_id, PHI)).body.deliveryRoute).toBe('plain');
  });

  it('a form with the email box ticked: the consent page sent to that mailbox grants, with the submission as evidence', async () => {
    const email = `lead.${Math.random().toString(16).slice(2, 10)}@mail.test`;
    const lead = await postForm({ email, consent: { email: true } });
    expect((await consents(lead.contact_id)).history).toEqual([]);

    const [mail] = await waitFor(async () => {
      const sent = await consentRequestTextsTo(email);
      return sent.length > 0 && sent;
    }, 15_000);
    const consentToken = linkTokensIn(mail!.text!)[0]!;
    const agent = request.agent(stack.api.getHttpServer());
    const ip = testClientIp();
    const page = await agent.get(`/c/${consentToken}`).set('X-Forwarded-For', ip).expect(200);
    await agent
      .post(`/c/${consentToken}`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ csrf: csrfOf(page.text), decision: 'accept' })
      .expect(200);
    expect((await consents(lead.contact_id)).current).toEqual([
      expect.objectContaining({
        channel: 'email',
        decision: 'granted',
        method: 'email_link',
        formSubmissionId: lead.submission_id,
      }),
    ]);
  });

  it('a number that opted out gets no consent request from a form, and nothing is granted', async () => {
    const phone = freshPhone();
    await textFrom(stack, practice, phone, 'STOP');
    const { rows } = await stack.owner.query(
      `SELECT contact_id FROM messages WHERE tenant_id = $1 AND direction = 'inbound' ORDER BY created_at DESC LIMIT 1`,
      [tenant()],
    );
    // Staff move that contact to another number: nobody holds the opted-out one any more.
    await stack.staff
      .patch(`/v1/contacts/${rows[0].contact_id}`, { phone: freshPhone() }, token())
      .expect(200);

    const lead = await postForm({ phone, consent: { sms: true } });
    const contact = (await stack.staff.get(`/v1/contacts/${lead.contact_id}`, token()).expect(200)).body;
    expect(contact.phone).toBe(phone);
    expect(contact.possibleMatch).toBeUndefined();
    expect((await consents(lead.contact_id)).history).toEqual([]);
    expect(await consentRequestsOf(lead.contact_id)).toEqual([]);
    expect(await boxOutcomes(lead.submission_id)).toEqual(['sms:recipient_opted_out']);
  });

  // Sandbox magic numbers: 21211 refused at send, 30008 failed, 30003 undelivered after `sent`.
  for (const [phone, outcome] of [
    ['+15005550001', 'failed'],
    ['+15005550011', 'failed'],
    ['+15005550010', 'undelivered'],
  ] as const) {
    it(`a YES after the request to ${phone} ended ${outcome} records nothing; the request is no longer live`, async () => {
      const lead = await postForm({ phone });
      const sent = await stack.staff
        .post(`/v1/contacts/${lead.contact_id}/consent-requests`, { channel: 'sms' }, token())
        .expect(202);
      await stack.waitForStatus(token(), sent.body.messageId, [outcome]);

      expect(await textFrom(stack, practice, phone, 'YES')).toContain('could not match');
      expect((await consents(lead.contact_id)).history).toEqual([]);
      await waitFor(async () => (await consentRequestsOf(lead.contact_id))[0]?.status === 'failed');
      expect((await reply(lead.conversation_id, PHI)).body.deliveryRoute).toBe('secure_link');
    });
  }

  it('a YES to a request the carrier has not confirmed delivering records nothing; its link still answers', async () => {
    const phone = freshPhone();
    const lead = await postForm({ phone });
    const sent = await stack.staff
      .post(`/v1/contacts/${lead.contact_id}/consent-requests`, { channel: 'sms' }, token())
      .expect(202);
    await stack.waitForStatus(token(), sent.body.messageId, ['delivered']);
    // As if the carrier gave no delivery receipt (some never do): the message stays `sent`.
    await stack.owner.query(`UPDATE messages SET status = 'sent' WHERE id = $1`, [sent.body.messageId]);

    expect(await textFrom(stack, practice, phone, 'YES')).toContain('use the link in our last message');
    expect((await consents(lead.contact_id)).history).toEqual([]);
    expect((await consentRequestsOf(lead.contact_id))[0]!.status).toBe('live');

    // Whoever holds the text holds its link: the page answers the request.
    const [sms] = await consentRequestTextsTo(phone);
    const link = linkTokensIn(sms!.body!)[0]!;
    const agent = request.agent(stack.api.getHttpServer());
    const page = await agent.get(`/c/${link}`).expect(200);
    await agent
      .post(`/c/${link}`)
      .type('form')
      .send({ csrf: csrfOf(page.text), decision: 'accept' })
      .expect(200);
    expect((await consents(lead.contact_id)).current).toEqual([
      expect.objectContaining({ channel: 'sms', decision: 'granted', method: 'web_link' }),
    ]);
  });
});
