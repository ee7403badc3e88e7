import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone, waitFor } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  conversationOfText,
  createDeliveryPractice,
  patientFromForm,
  textFrom,
} from './delivery-fixtures.js';

const PHI = 'Your A1c came back at 6.1; keep the metformin';

// Issue 22's small gaps: opt-outs visible to staff, the practice's HELP answer, the reopen
// window in the settings API, and our emails threading in the patient's mail client.
describe('small gaps: opt-out visibility, HELP answer, reopen window, email threading', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let inboundParse: string;
  const token = () => practice.owner.accessToken;
  const settings = (patch: object) => stack.staff.patch('/v1/practice/settings', patch, token());

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
    inboundParse = practice.email.inboundParseUrl;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('a number’s opt-out and an address’s suppression, shown to staff', () => {
    it('STOP shows on the contact and in its consent ledger though no consent was ever recorded', async () => {
      const phone = freshPhone();
      const { contactId } = await conversationOfText(stack, practice, phone, 'Hello, is the clinic open?');
      const before = await stack.staff.get(`/v1/contacts/${contactId}`, token()).expect(200);
      expect(before.body).toMatchObject({ phone, smsOptOut: null, emailSuppression: null });

      await textFrom(stack, practice, phone, 'STOP');
      const contact = await stack.staff.get(`/v1/contacts/${contactId}`, token()).expect(200);
      expect(contact.body.smsOptOut).toEqual({
        since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        source: 'keyword',
        keyword: 'STOP',
      });
      const ledger = await stack.staff.get(`/v1/contacts/${contactId}/consents`, token()).expect(200);
      expect(ledger.body).toEqual({
        current: [],
        history: [],
        smsOptOut: contact.body.smsOptOut,
        emailSuppression: null,
      });

      // START lifts it: staff see that at once too.
      await textFrom(stack, practice, phone, 'START');
      const after = await stack.staff.get(`/v1/contacts/${contactId}`, token()).expect(200);
      expect(after.body.smsOptOut).toBeNull();
    });

    it('Twilio’s OptOutType STOP and a provider 21610 show with their sources', async () => {
      const typed = freshPhone();
      const { contactId } = await conversationOfText(stack, practice, typed, 'Hi');
      await textFrom(stack, practice, typed, 'arrete', { OptOutType: 'STOP' });
      const contact = await stack.staff.get(`/v1/contacts/${contactId}`, token()).expect(200);
      expect(contact.body.smsOptOut).toMatchObject({ source: 'keyword', keyword: 'ARRETE' });

      // The sandbox's magic number answers 21610: the carrier says the number sent STOP.
      const patient = await patientFromForm(stack, practice);
      await stack.staff
        .patch(`/v1/contacts/${patient.contactId}`, { phone: SMS_UNSUBSCRIBED }, token())
        .expect(200);
      const sent = await stack.staff
        .post(`/v1/conversations/${patient.conversationId}/replies`, { body: PHI, channel: 'sms' }, token())
        .expect(202);
      await stack.waitForStatus(token(), sent.body.messageId, ['failed']);
      // Recorded in the failure's transaction: visible as soon as the failure is.
      const ledger = await stack.staff.get(`/v1/contacts/${patient.contactId}/consents`, token()).expect(200);
      expect(ledger.body.smsOptOut).toMatchObject({ source: 'provider', keyword: null });
      expect(ledger.body.current).toEqual([]);
    });

    it('a hard bounce shows as the email suppression until staff lift it', async () => {
      const patient = await patientFromForm(stack, practice);
      const sent = await stack.staff
        .post(`/v1/conversations/${patient.conversationId}/replies`, { body: PHI, channel: 'email' }, token())
        .expect(202);
      await stack.waitForStatus(token(), sent.body.messageId, ['sent', 'delivered']);
      await request(stack.api.getHttpServer())
        .post(new URL(practice.email.eventsUrl).pathname)
        .send([
          {
            event: 'bounce',
            type: 'bounce',
            messageId: sent.body.messageId,
            sg_event_id: `ev-${sent.body.messageId}`,
          },
        ])
        .expect(200);
      const suppressed = await waitFor(async () => {
        const res = await stack.staff.get(`/v1/contacts/${patient.contactId}`, token()).expect(200);
        return res.body.emailSuppression !== null && res.body;
      });
      expect(suppressed.emailSuppression).toEqual({ since: expect.any(String), reason: 'bounce' });
      await stack.staff
        .post(`/v1/contacts/${patient.contactId}/email-suppression/lift`, {}, token())
        .expect(200);
      const ledger = await stack.staff.get(`/v1/contacts/${patient.contactId}/consents`, token()).expect(200);
      expect(ledger.body.emailSuppression).toBeNull();
    });
  });

  describe('the HELP answer', () => {
    it('by default names the practice and the number the patient texted', async () => {
      const twiml = await textFrom(stack, practice, freshPhone(), 'HELP');
      expect(twiml).toContain(
        `Riverside Family Clinic: For help, call ${practice.sms.phoneNumber} or reply here. Reply STOP to unsubscribe.`,
      );
    });

    it('names the practice’s contact number, or is the practice’s own text, once set', async () => {
      const res = await settings({ smsHelpContactNumber: '+15555550199' }).expect(200);
      expect(res.body).toMatchObject({ smsHelpContactNumber: '+15555550199', smsHelpReply: null });
      expect(await textFrom(stack, practice, freshPhone(), 'help')).toContain(
        'For help, call +15555550199 or reply',
      );

      const own = 'Riverside Family Clinic help desk: call (555) 555-0199, 8am-6pm. Reply STOP to opt out.';
      await settings({ smsHelpReply: own }).expect(200);
      expect(await textFrom(stack, practice, freshPhone(), 'INFO')).toContain(own);

      // Null restores the default.
      await settings({ smsHelpReply: null, smsHelpContactNumber: null }).expect(200);
      expect(await textFrom(stack, practice, freshPhone(), 'HELP')).toContain(
        `call ${practice.sms.phoneNumber}`,
      );
    });

    it('refuses a HELP answer that does not say how to opt out, or a number that is not E.164', async () => {
      for (const patch of [
        { smsHelpReply: 'Call us any time.' },
        { smsHelpReply: 'x'.repeat(300) + ' STOP' + 'y'.repeat(10) },
        { smsHelpContactNumber: '555-0199' },
      ]) {
        const res = await settings(patch).expect(400);
        expect(res.body.error.code).toBe('validation_failed');
      }
    });
  });

  describe('conversationReopenDays', () => {
    it('defaults to 7, is settable (0-365) and decides whether a closed conversation reopens', async () => {
      expect(
        (await stack.staff.get('/v1/practice/settings', token()).expect(200)).body.conversationReopenDays,
      ).toBe(7);
      for (const bad of [-1, 366, 2.5]) await settings({ conversationReopenDays: bad }).expect(400);

      const phone = freshPhone();
      const first = await conversationOfText(stack, practice, phone, 'First question');
      await stack.staff
        .patch(`/v1/conversations/${first.conversationId}`, { status: 'closed' }, token())
        .expect(200);
      const reopened = await conversationOfText(stack, practice, phone, 'One more thing');
      expect(reopened.conversationId).toBe(first.conversationId);

      expect((await settings({ conversationReopenDays: 0 }).expect(200)).body.conversationReopenDays).toBe(0);
      await stack.staff
        .patch(`/v1/conversations/${first.conversationId}`, { status: 'closed' }, token())
        .expect(200);
      const fresh = await conversationOfText(stack, practice, phone, 'A new question');
      expect(fresh.conversationId).not.toBe(first.conversationId);

      // Staff-sent messages honour the practice's window too: a consent request starts a new one.
      await stack.staff
        .patch(`/v1/conversations/${fresh.conversationId}`, { status: 'closed' }, token())
        .expect(200);
      const asked = await stack.staff
        .post(`/v1/contacts/${fresh.contactId}/consent-requests`, { channel: 'sms' }, token())
        .expect(202);
      const { rows } = await stack.owner.query(`SELECT conversation_id FROM messages WHERE id = $1`, [
        asked.body.messageId,
      ]);
      expect([first.conversationId, fresh.conversationId]).not.toContain(rows[0].conversation_id);
      await settings({ conversationReopenDays: 7 }).expect(200);
    });
  });

  describe('email threading', () => {
    it('a reply carries In-Reply-To/References of the patient’s last email and a PHI-free subject', async () => {
      const from = `pat.${randomBytes(4).toString('hex')}@mail-${randomBytes(3).toString('hex')}.test`;
      const first = `<${randomBytes(10).toString('hex')}@mail.example.org>`;
      const second = `<${randomBytes(10).toString('hex')}@mail.example.org>`;
      await emailFrom(from, first, 'Question about my biopsy');
      const conversationId = await landedConversation();

      const sent = await reply(conversationId);
      const [mail] = await waitFor(async () => {
        const all = await stack.sentTo(from);
        return all.length > 0 && all;
      });
      expect(mail).toMatchObject({
        headers: { 'In-Reply-To': first, References: first },
        subject: 'Re: New secure message from Riverside Family Clinic',
      });
      expect(JSON.stringify(mail)).not.toContain('biopsy');
      expect(sent.deliveryRoute).toBe('secure_link');

      // The patient writes again: the next reply threads under that newer email.
      await emailFrom(from, second, 'Re: New secure message from Riverside Family Clinic');
      expect(await landedConversation()).toBe(conversationId);
      await reply(conversationId);
      const latest = await waitFor(async () => {
        const all = await stack.sentTo(from);
        return all.length > 1 && all[0];
      });
      expect(latest!.headers).toEqual({ 'In-Reply-To': second, References: second });

      // The Message-ID is kept encrypted, never as the header.
      const { rows } = await stack.owner.query(
        `SELECT message_id_enc FROM email_message_refs WHERE conversation_id = $1`,
        [conversationId],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.message_id_enc.toString('latin1')).not.toContain('mail.example.org');
    });

    it('an email to a patient who never emailed carries no threading headers', async () => {
      const patient = await patientFromForm(stack, practice);
      await stack.staff
        .post(`/v1/conversations/${patient.conversationId}/replies`, { body: PHI, channel: 'email' }, token())
        .expect(202);
      const [mail] = await waitFor(async () => {
        const all = await stack.sentTo(patient.email);
        return all.length > 0 && all;
      });
      expect(mail).toMatchObject({ headers: {}, subject: 'New secure message from Riverside Family Clinic' });
    });
  });

  /** Staff reply by email (no consent: the secure notice); the reply's answer body. */
  async function reply(conversationId: string) {
    const res = await stack.staff
      .post(`/v1/conversations/${conversationId}/replies`, { body: PHI, channel: 'email' }, token())
      .expect(202);
    await stack.waitForStatus(token(), res.body.messageId, ['sent', 'delivered']);
    return res.body as { messageId: string; deliveryRoute: string };
  }

  /** An authenticated email from `from` (SPF and DKIM pass), as Inbound Parse posts it. */
  async function emailFrom(from: string, messageId: string, subject: string) {
    const inbound = await inboundAddress();
    const fields: Record<string, string> = {
      headers: [
        `From: Pat <${from}>`,
        `To: ${inbound}`,
        `Message-ID: ${messageId}`,
        `Subject: ${subject}`,
      ].join('\r\n'),
      from: `Pat <${from}>`,
      to: inbound,
      subject,
      text: 'My biopsy results: when will they be in?',
      envelope: JSON.stringify({ to: [inbound], from }),
      SPF: 'pass',
      dkim: `{@${from.split('@')[1]} : pass}`,
    };
    let req = request(stack.api.getHttpServer()).post(
      new URL(inboundParse).pathname + new URL(inboundParse).search,
    );
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    await req.expect((res) => expect(res.status).toBeLessThan(300));
  }

  async function inboundAddress(): Promise<string> {
    const channel = await stack.staff.get(`/v1/channels/${practice.email.id}`, token()).expect(200);
    return channel.body.inboundAddress as string;
  }

  async function landedConversation(): Promise<string> {
    const row = await waitFor(async () => {
      const { rows } = await stack.owner.query(
        `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND channel = 'email' AND direction = 'inbound'
         ORDER BY created_at DESC, id DESC LIMIT 1`,
        [practice.owner.practiceId],
      );
      return rows[0] as { conversation_id: string } | undefined;
    });
    return row.conversation_id;
  }
});

const SMS_UNSUBSCRIBED = '+15005550009';
