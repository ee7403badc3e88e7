import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOMATION_CLOCK, type AutomationClock } from '@app/automation';
import { TenantDb } from '@app/database';
import { auditTrail, testClientIp } from '@app/testing';
import { AutoReplyRepository } from '../libs/automation/src/auto-replies/auto-reply.repository.js';
import { ChatWidget } from './chat-fixtures.js';
import {
  createDeliveryPractice,
  type DeliveryPractice,
  DeliveryStack,
  patientFromForm,
  type SentView,
  textFrom,
  WEBSITE,
} from './delivery-fixtures.js';
import { freshPhone, messageSid, waitFor } from './ingestion-fixtures.js';

const EVERY_DAY_8_TO_5 = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ from: '08:00', to: '17:00' }]]),
);
const HOURS = { timeZone: 'America/New_York', weekly: EVERY_DAY_8_TO_5, closures: [] };

const AUTO_REPLIES = {
  afterHours: {
    enabled: true,
    sms: '{practiceName}: we are closed and will reply from {nextOpening}. Urgent? Call {practicePhone}.',
    email:
      'Thank you for writing to {practiceName}. We are closed; we will answer from {nextOpening}. {link}',
    chat: 'We are away until {nextOpening}. Leave a message and we will answer then.',
    webform: 'Thanks for contacting {practiceName}. We will answer from {nextOpening}.',
  },
  firstContact: {
    enabled: true,
    webform: 'Thanks for contacting {practiceName}! We will be in touch shortly.',
    email: 'Welcome to {practiceName}. We received your email and will answer today.',
  },
  throttleHours: 12,
  practicePhone: '+15555550100',
  link: 'https://clinic.example/book',
};

const NAME = 'Riverside Family Clinic';
const afterHoursSms = (opening: string) =>
  `${NAME}: we are closed and will reply from ${opening}. Urgent? Call +15555550100.`;

// Issue 23: an inbound message outside business hours (or a new contact's first) is answered
// automatically, once per throttle, never to a keyword, an opted-out number, a machine's email
// or a typed address; the answer is a system message delivered by the workers.
describe('auto-replies', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let emailInbound: string;
  const token = () => practice.owner.accessToken;
  const tenant = () => practice.owner.practiceId;

  /** "It is now `iso`" for the auto-replies of the api and the worker (both ingest texts). */
  function setClock(iso: string) {
    const at = new Date(iso);
    for (const app of [stack.api, stack.worker].filter((a): a is INestApplication => a !== null))
      app.get<AutomationClock>(AUTOMATION_CLOCK, { strict: false }).now = () => at;
  }

  /** `phone` texts `body` (MessageSid `sid`); once it is a message (the api's or the worker's run), its contact. */
  async function text(phone: string, body: string, sid = messageSid()): Promise<string> {
    await textFrom(stack, practice, phone, body, { MessageSid: sid, SmsSid: sid });
    const row = await waitFor(async () => {
      const { rows } = await stack.owner.query(
        `SELECT contact_id FROM messages WHERE tenant_id = $1 AND channel = 'sms' AND provider_message_id = $2`,
        [tenant(), sid],
      );
      return rows[0] as { contact_id: string } | undefined;
    });
    return row.contact_id;
  }

  async function autoReplies(contactId: string) {
    const { rows } = await stack.owner.query(
      `SELECT id, channel, kind, status, conversation_id FROM messages
       WHERE tenant_id = $1 AND contact_id = $2 AND template = 'auto_reply' ORDER BY created_at`,
      [tenant(), contactId],
    );
    return rows as Array<{
      id: string;
      channel: string;
      kind: string;
      status: string;
      conversation_id: string;
    }>;
  }

  async function sentTo(address: string, count: number): Promise<SentView[]> {
    return waitFor(async () => {
      const sent = await stack.sentTo(address);
      return sent.length >= count && sent;
    }, 10_000);
  }

  async function emailFrom(from: string, messageId: string, extraHeaders: string[] = []) {
    const fields: Record<string, string> = {
      headers: [
        `From: Pat <${from}>`,
        `To: ${emailInbound}`,
        `Message-ID: ${messageId}`,
        'Subject: Question',
        ...extraHeaders,
      ].join('\r\n'),
      from: `Pat <${from}>`,
      to: emailInbound,
      subject: 'Question',
      text: 'Can I come in tomorrow about my knee?',
      envelope: JSON.stringify({ to: [emailInbound], from }),
      SPF: 'pass',
      dkim: `{@${from.split('@')[1]} : pass}`,
    };
    const url = new URL(practice.email.inboundParseUrl);
    let req = request(stack.api.getHttpServer()).post(url.pathname + url.search);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    await req.expect((res) => expect(res.status).toBeLessThan(300));
  }

  /** The contacts of the latest `count` inbound emails (the webhook stores them before it answers). */
  async function contactsOfLatestEmails(count = 1): Promise<string[]> {
    const { rows } = await stack.owner.query(
      `SELECT contact_id FROM messages WHERE tenant_id = $1 AND channel = 'email' AND direction = 'inbound'
       ORDER BY created_at DESC LIMIT $2`,
      [tenant(), count],
    );
    return rows.map((r) => r.contact_id as string);
  }
  const contactOfEmail = async () => (await contactsOfLatestEmails())[0]!;

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
    const channel = await stack.staff.get(`/v1/channels/${practice.email.id}`, token()).expect(200);
    emailInbound = channel.body.inboundAddress as string;
    await stack.staff.put('/v1/practice/business-hours', HOURS, token()).expect(200);
    await stack.staff.put('/v1/practice/auto-replies', AUTO_REPLIES, token()).expect(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('settings', () => {
    it('read back as stored, audited without their text', async () => {
      const res = await stack.staff.get('/v1/practice/auto-replies', token()).expect(200);
      expect(res.body).toEqual({ ...AUTO_REPLIES, configured: true });
      const events = (await auditTrail(stack.api, tenant())).filter(
        (e) => e.action === 'practice.auto_replies_changed',
      );
      expect(events.map((e) => e.metadata)).toEqual([
        {
          afterHours: true,
          afterHoursChannels: 'sms,email,chat,webform',
          firstContact: true,
          firstContactChannels: 'email,webform',
          throttleHours: 12,
          practicePhone: true,
          link: true,
        },
      ]);
    });

    it('refuse a foreign placeholder, one nothing fills, markup, an SMS over 2 segments and a bad throttle, naming the field', async () => {
      const sms = (body: string, extra: object = {}) => ({
        ...AUTO_REPLIES,
        afterHours: { ...AUTO_REPLIES.afterHours, sms: body },
        ...extra,
      });
      const cases: Array<[object, string]> = [
        [sms('Hi {patientName}, we are closed'), 'afterHours.sms'],
        [sms('We are closed. {}'), 'afterHours.sms'],
        [sms('Book: {link}', { link: null }), 'afterHours.sms'],
        [sms('Call {practicePhone}', { practicePhone: null }), 'afterHours.sms'],
        [sms('<b>Closed</b>'), 'afterHours.sms'],
        [sms(`{practiceName} ${'x'.repeat(290)}`), 'afterHours.sms'],
        [
          { ...AUTO_REPLIES, firstContact: { enabled: true, chat: 'Hello {diagnosis}' } },
          'firstContact.chat',
        ],
        [{ ...AUTO_REPLIES, throttleHours: 0 }, 'throttleHours'],
        [{ ...AUTO_REPLIES, throttleHours: 169 }, 'throttleHours'],
        [{ ...AUTO_REPLIES, link: 'http://clinic.example' }, 'link'],
        [{ ...AUTO_REPLIES, practicePhone: '555-0100' }, 'practicePhone'],
        [{ ...AUTO_REPLIES, afterHours: { ...AUTO_REPLIES.afterHours, portal: 'x' } }, 'afterHours'],
      ];
      for (const [body, field] of cases) {
        const res = await stack.staff.put('/v1/practice/auto-replies', body, token()).expect(400);
        expect(res.body.error.code).toBe('validation_failed');
        expect(JSON.stringify(res.body.error.details)).toContain(field);
      }
      const after = await stack.staff.get('/v1/practice/auto-replies', token()).expect(200);
      expect(after.body).toEqual({ ...AUTO_REPLIES, configured: true });
    });

    it('are for those who may change the practice settings', async () => {
      const frontDesk = await stack.staff.addStaff(practice.owner, 'front_desk');
      await stack.staff.get('/v1/practice/auto-replies', frontDesk.accessToken).expect(403);
      await stack.staff.put('/v1/practice/auto-replies', AUTO_REPLIES, frontDesk.accessToken).expect(403);
    });
  });

  describe('SMS', () => {
    it('a text at 22:00 local gets exactly one after-hours reply, a system message delivered by the worker', async () => {
      setClock('2026-06-10T02:00:00Z'); // Tuesday 22:00 in New York (EDT)
      const phone = freshPhone();
      const contactId = await text(phone, 'Are you open tomorrow?');
      const [reply] = await sentTo(phone, 1);
      expect(reply).toMatchObject({ provider: 'twilio', body: afterHoursSms('Wednesday 8:00 AM') });

      const [stored] = await autoReplies(contactId);
      expect(stored).toMatchObject({ channel: 'sms', kind: 'system' });
      const page = await stack.staff
        .get(`/v1/conversations/${stored!.conversation_id}/messages`, token())
        .expect(200);
      expect(page.body.data).toContainEqual(
        expect.objectContaining({
          id: stored!.id,
          kind: 'system',
          direction: 'outbound',
          body: afterHoursSms('Wednesday 8:00 AM'),
        }),
      );
      const queued = (await auditTrail(stack.api, tenant())).filter(
        (e) => e.action === 'auto_reply.queued' && e.target?.id === stored!.id,
      );
      expect(queued).toHaveLength(1);
      expect(queued[0]!.metadata).toEqual({
        kind: 'after_hours',
        channel: 'sms',
        inboundChannel: 'sms',
        conversationId: stored!.conversation_id,
        messageId: stored!.id,
        inReplyTo: expect.any(String),
      });
      expect(JSON.stringify(queued[0])).not.toContain('closed');
      await stack.waitForStatus(token(), stored!.id, ['sent', 'delivered']);

      // A second text within the throttle: nothing more.
      setClock('2026-06-10T03:30:00Z');
      await text(phone, 'Hello? Anyone there?');
      expect(await autoReplies(contactId)).toHaveLength(1);
      // After the throttle (12 h), at night again: a second one.
      setClock('2026-06-11T02:30:00Z');
      await text(phone, 'Trying again tonight');
      expect(await autoReplies(contactId)).toHaveLength(2);
      expect((await sentTo(phone, 2))[0]!.body).toBe(afterHoursSms('Thursday 8:00 AM'));
    });

    it('answers no keyword (HELP, STOP) and nothing after STOP', async () => {
      setClock('2026-06-10T02:00:00Z');
      const helper = freshPhone();
      const helpContact = await text(helper, 'HELP');
      expect(await autoReplies(helpContact)).toEqual([]);

      const stopper = freshPhone();
      const stopContact = await text(stopper, 'STOP');
      expect(await autoReplies(stopContact)).toEqual([]);
      await text(stopper, 'Actually, one question');
      expect(await autoReplies(stopContact)).toEqual([]);
      // Only the STOP confirmation (TwiML in the webhook's answer) ever went back: the sandbox sent nothing.
      expect(await stack.sentTo(stopper)).toEqual([]);
    });

    it('during business hours a known contact gets none (no SMS first-contact template)', async () => {
      setClock('2026-06-10T14:00:00Z'); // Wednesday 10:00 EDT
      const contactId = await text(freshPhone(), 'Can I book a cleaning?');
      expect(await autoReplies(contactId)).toEqual([]);
    });

    it('follows New York across the DST changes: 07:30 is after hours, 08:30 is not', async () => {
      // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT. 11:30Z is 07:30 EDT, 12:30Z is 08:30 EDT.
      setClock('2026-03-08T11:30:00Z');
      const early = await text(freshPhone(), 'Spring early');
      expect(await autoReplies(early)).toHaveLength(1);
      setClock('2026-03-08T12:30:00Z');
      const open = await text(freshPhone(), 'Spring open');
      expect(await autoReplies(open)).toEqual([]);
      // 2026-11-01: clocks fall back from 02:00 EDT to 01:00 EST. The same 12:30Z is 07:30 EST: closed.
      setClock('2026-11-01T12:30:00Z');
      const phone = freshPhone();
      const fallEarly = await text(phone, 'Fall early');
      expect(await autoReplies(fallEarly)).toHaveLength(1);
      expect((await sentTo(phone, 1))[0]!.body).toBe(afterHoursSms('Sunday 8:00 AM'));
      setClock('2026-11-01T13:30:00Z'); // 08:30 EST
      const fallOpen = await text(freshPhone(), 'Fall open');
      expect(await autoReplies(fallOpen)).toEqual([]);
    });
  });

  describe('email', () => {
    it('a machine’s email gets none; an ordinary one after hours gets one marked Auto-Submitted: auto-replied', async () => {
      setClock('2026-06-10T02:00:00Z');
      const robot = `robot.${Math.random().toString(16).slice(2, 10)}@mail.test`;
      await emailFrom(robot, `<ooo-${Date.now()}@mail.test>`, ['Auto-Submitted: auto-replied']);
      expect(await autoReplies(await contactOfEmail())).toEqual([]);
      const list = `list.${Math.random().toString(16).slice(2, 10)}@mail.test`;
      await emailFrom(list, `<bulk-${Date.now()}@mail.test>`, ['Precedence: bulk']);
      expect(await autoReplies(await contactOfEmail())).toEqual([]);

      const patient = `pat.${Math.random().toString(16).slice(2, 10)}@mail.test`;
      await emailFrom(patient, `<q-${Date.now()}@mail.test>`, ['Auto-Submitted: no']);
      const contactId = await contactOfEmail();
      expect(await autoReplies(contactId)).toHaveLength(1);
      const [mail] = await sentTo(patient, 1);
      expect(mail).toMatchObject({
        provider: 'sendgrid',
        subject: `Thank you for contacting ${NAME}`,
        text: `Thank you for writing to ${NAME}. We are closed; we will answer from Wednesday 8:00 AM. https://clinic.example/book`,
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      // Nothing of the patient's email in ours.
      expect(JSON.stringify(mail)).not.toContain('knee');
      expect(await stack.sentTo(robot)).toEqual([]);

      // Our auto-reply bounces: the address is suppressed, and the next night's email gets none.
      const [ours] = await autoReplies(contactId);
      await stack.waitForStatus(token(), ours!.id, ['sent', 'delivered']);
      await request(stack.api.getHttpServer())
        .post(new URL(practice.email.eventsUrl).pathname)
        .send([{ event: 'bounce', type: 'bounce', messageId: ours!.id, sg_event_id: `ev-${ours!.id}` }])
        .expect(200);
      await waitFor(async () => {
        const res = await stack.staff.get(`/v1/contacts/${contactId}`, token()).expect(200);
        return res.body.emailSuppression !== null;
      });
      setClock('2026-06-11T02:30:00Z'); // past the throttle, at night again
      await emailFrom(patient, `<q2-${Date.now()}@mail.test>`);
      expect(await contactOfEmail()).toBe(contactId);
      expect(await autoReplies(contactId)).toHaveLength(1);
    });

    it('two emails at once from a new address get one reply (the throttle’s one conditional upsert)', async () => {
      setClock('2026-06-10T02:00:00Z');
      const patient = `twice.${Math.random().toString(16).slice(2, 10)}@mail.test`;
      await Promise.all([
        emailFrom(patient, `<a-${Date.now()}@mail.test>`),
        emailFrom(patient, `<b-${Date.now()}@mail.test>`),
      ]);
      const [one, two] = await contactsOfLatestEmails(2);
      expect(one).toBe(two); // the second waited for the first's contact (address lock)
      expect(await autoReplies(one!)).toHaveLength(1);
      expect(await sentTo(patient, 1)).toHaveLength(1);
    });

    it('the throttle statement: of two transactions racing for one contact, exactly one answers', async () => {
      const contactId = await text(freshPhone(), 'race');
      const db = stack.api.get(TenantDb, { strict: false });
      const repository = stack.api.get(AutoReplyRepository, { strict: false });
      const at = new Date('2030-01-01T00:00:00Z');
      const cutoff = new Date(at.getTime() - 12 * 3_600_000);
      let firstTook!: () => void;
      const tookFirst = new Promise<void>((resolve) => (firstTook = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const first = db.forTenant(tenant(), async (tx) => {
        const took = await repository.takeThrottleSlot(tx, contactId, 'webform', at, cutoff);
        firstTook();
        await released; // holds its uncommitted row while the second tries
        return took;
      });
      await tookFirst;
      const second = db.forTenant(tenant(), (tx) =>
        repository.takeThrottleSlot(tx, contactId, 'webform', at, cutoff),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      expect(await Promise.all([first, second])).toEqual([true, false]);
    });
  });

  describe('first contact and other channels', () => {
    it('a new lead from the web form during hours gets the first-contact acknowledgement by email; a claim gets none', async () => {
      setClock('2026-06-10T14:00:00Z');
      const patient = await patientFromForm(stack, practice);
      expect(await autoReplies(patient.contactId)).toHaveLength(1);
      const [mail] = await sentTo(patient.email, 1);
      expect(mail).toMatchObject({
        text: `Thanks for contacting ${NAME}! We will be in touch shortly.`,
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      expect(await stack.sentTo(patient.phone)).toEqual([]);

      // Someone types that same email into the form: a claim on the patient, never answered.
      await request(stack.api.getHttpServer())
        .post(`/v1/public/forms/${practice.formKey}/submissions`)
        .set('Origin', WEBSITE)
        .set('X-Forwarded-For', testClientIp())
        .send({ name: 'Someone Else', email: patient.email, message: 'Is this me?' })
        .expect(202);
      const { rows } = await stack.owner.query(
        `SELECT id FROM contacts WHERE tenant_id = $1 AND claim_of = $2`,
        [tenant(), patient.contactId],
      );
      expect(rows).toHaveLength(1);
      expect(await autoReplies(rows[0].id)).toEqual([]);
      expect(await stack.sentTo(patient.email)).toHaveLength(1);
    });

    it('a chat message after hours is answered in that chat session only', async () => {
      setClock('2026-06-10T02:00:00Z');
      const widget = await ChatWidget.create(stack, practice);
      const visitor = await widget.start({});
      const other = await widget.start({});
      const said = await widget.say(visitor, 'Anyone there?');
      const messages = await widget.read(visitor);
      expect(messages.map((m) => m.body)).toEqual([
        'Anyone there?',
        'We are away until Wednesday 8:00 AM. Leave a message and we will answer then.',
      ]);
      expect(await widget.read(other)).toEqual([]);
      const { contactId } = await widget.conversationOfMessage(said.body.id);
      expect(await autoReplies(contactId)).toMatchObject([{ channel: 'chat', kind: 'system' }]);
      // Within the throttle: the next chat message is not answered again.
      await widget.say(visitor, 'Hello?');
      expect(await widget.read(visitor)).toHaveLength(3);
    });

    it('a retried webhook is a duplicate and answers nothing more', async () => {
      setClock('2026-06-10T02:00:00Z');
      const phone = freshPhone();
      const sid = messageSid();
      const contactId = await text(phone, 'First', sid);
      await text(phone, 'First', sid);
      const { rows } = await stack.owner.query(
        `SELECT id FROM messages WHERE tenant_id = $1 AND provider_message_id = $2`,
        [tenant(), sid],
      );
      expect(rows).toHaveLength(1);
      expect(await autoReplies(contactId)).toHaveLength(1);
    });
  });
});
