import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '@app/audit';
import { ConversationRepository, LiveSubscriptions, StaffEvents } from '@app/conversations';
import { RoutedDb, TenantDb } from '@app/database';
import { OutboundMessages, SecureReminderSweep, hashLinkToken, linkTokensIn } from '@app/delivery';
import { GateFacts } from '../libs/delivery/src/outbound/gate-facts.js';
import { SecureReminderRepository } from '../libs/delivery/src/reminders/secure-reminders.repository.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  type Patient,
  createDeliveryPractice,
  patientFromForm,
  runDispatchJob,
  textFrom,
} from './delivery-fixtures.js';
import { waitFor } from './ingestion-fixtures.js';
import {
  SECRET_REPLY,
  csrfOf,
  portalBrowser,
  requestPortalCode,
  secureMessageTo,
} from './portal-fixtures.js';

const HOUR = 3_600_000;

/**
 * A fixed-offset zone (Etc/GMT-N is UTC+N, no DST, so its wall clock is plain arithmetic here)
 * where the real clock reads about noon now: the sweep runs on a fake clock, but the send checks
 * the reminder hours on the real one, so a zone fixed once would fail these tests at some hours
 * of the day.
 */
const ZONE_OFFSET_HOURS = ((offset: number) => (offset > 14 ? offset - 24 : offset))(
  (((12 - new Date().getUTCHours()) % 24) + 24) % 24,
);
const ZONE =
  ZONE_OFFSET_HOURS === 0
    ? 'Etc/GMT'
    : `Etc/GMT${ZONE_OFFSET_HOURS > 0 ? '-' : '+'}${Math.abs(ZONE_OFFSET_HOURS)}`;

/** The first instant after `after` whose wall clock in the practice's zone reads `hour`:00. */
function nextLocalHour(after: Date, hour: number): Date {
  const t = new Date(after);
  t.setUTCMinutes(0, 0, 0);
  t.setUTCHours((hour - ZONE_OFFSET_HOURS + 24) % 24);
  return t > after ? t : new Date(t.getTime() + 24 * HOUR);
}

// Issue 22: reminders of unread secure messages, on a fake clock (the sweep's `now`).
describe('reminders for unread secure messages', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const token = () => practice.owner.accessToken;
  const sweep = (now: Date) => stack.worker!.get(SecureReminderSweep, { strict: false }).run(now);
  const texts = async (patient: Patient) => (await stack.sentTo(patient.phone)).length;
  /** The sweep on the api's providers: its reminders wait in the outbox while no worker runs. */
  const sweepInApi = () =>
    new SecureReminderSweep(
      stack.api.get(RoutedDb, { strict: false }),
      stack.api.get(TenantDb, { strict: false }),
      new SecureReminderRepository(),
      stack.api.get(OutboundMessages, { strict: false }),
      stack.api.get(GateFacts, { strict: false }),
      stack.api.get(ConversationRepository, { strict: false }),
      stack.api.get(AuditService, { strict: false }),
      stack.api.get(StaffEvents, { strict: false }),
    );
  const conversation = async (patient: Patient) =>
    (await stack.staff.get(`/v1/conversations/${patient.conversationId}`, token()).expect(200)).body as {
      secureMessageUnread: boolean;
    };

  beforeAll(async () => {
    // A database of its own: the sweep reads every practice of the database it runs on.
    stack = await DeliveryStack.start({ privateDatabase: true });
    practice = await createDeliveryPractice(stack);
    await stack.staff.patch('/v1/practice/settings', { timeZone: ZONE }, token()).expect(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('validates the reminder settings with bounds, and shows them', async () => {
    for (const bad of [
      { timeZone: 'Mars/Olympus_Mons' },
      { secureReminderMax: 6 },
      { secureReminderDelayHours: 0 },
      { reminderWindowStartHour: 7, reminderWindowEndHour: 20 },
      { reminderWindowStartHour: 12, reminderWindowEndHour: 12 },
      { reminderWindowStartHour: 9 },
    ])
      await stack.staff.patch('/v1/practice/settings', bad, token()).expect(400);
    const res = await stack.staff.get('/v1/practice/settings', token()).expect(200);
    expect(res.body).toMatchObject({
      timeZone: ZONE,
      secureReminderDelayHours: 24,
      secureReminderMax: 2,
      reminderWindowStartHour: 8,
      reminderWindowEndHour: 21,
    });
  });

  it('sends exactly the configured reminders, none at night, then flags the conversation and tells staff', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const seen: Array<Record<string, unknown>> = [];
    const stop = await stack.api
      .get(LiveSubscriptions, { strict: false })
      .subscribe(stack.api.get(StaffEvents, { strict: false }).channelOf(practice.owner.practiceId), (m) =>
        seen.push(JSON.parse(m) as Record<string, unknown>),
      );
    const sent = await texts(patient);
    const start = new Date();

    // Not yet due: nothing.
    await sweep(new Date(start.getTime() + 23 * HOUR));
    // Due at night (03:00 in the practice's zone): waits for the morning, nothing sent.
    const night = nextLocalHour(new Date(start.getTime() + 24 * HOUR), 3);
    expect((await sweep(night)).postponed).toBe(1);
    await sweep(new Date(night.getTime() + HOUR));
    expect(await texts(patient)).toBe(sent);

    // 08:00: the first reminder, PHI-free, with a working link of its own.
    const morning = nextLocalHour(night, 8);
    expect((await sweep(morning)).reminded).toBe(1);
    const first = await waitFor(
      async () => (await texts(patient)) > sent && (await stack.sentTo(patient.phone))[0],
    );
    expect(first.body).toContain('Reminder: you have an unread secure message');
    expect(first.body).not.toContain('A1c');
    expect(first.body).not.toContain('Pat');
    const reminderToken = linkTokensIn(first.body!)[0]!;
    expect(reminderToken).not.toBe(link.token);
    const { rows: links } = await stack.owner.query(
      `SELECT message_id, notice_message_id FROM secure_links WHERE token_hash = $1`,
      [hashLinkToken(reminderToken)],
    );
    expect(links).toEqual([{ message_id: link.messageId, notice_message_id: expect.any(String) }]);

    // A retried or repeated sweep at the same moment sends no step twice.
    expect((await sweep(morning)).reminded).toBe(0);
    expect((await sweep(new Date(morning.getTime() + 23 * HOUR))).reminded).toBe(0);
    // The second (last) one a day later.
    expect((await sweep(new Date(morning.getTime() + 24 * HOUR))).reminded).toBe(1);
    await waitFor(async () => (await texts(patient)) === sent + 2);
    expect((await conversation(patient)).secureMessageUnread).toBe(false);

    // A day after the last: no third reminder; staff are told and the conversation is flagged.
    expect((await sweep(new Date(morning.getTime() + 48 * HOUR))).flagged).toBe(1);
    expect((await sweep(new Date(morning.getTime() + 96 * HOUR))).reminded).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await texts(patient)).toBe(sent + 2);
    expect((await conversation(patient)).secureMessageUnread).toBe(true);
    const inbox = await stack.staff.get('/v1/conversations', token()).expect(200);
    expect(
      (inbox.body.data as Array<{ id: string; secureMessageUnread: boolean }>).find(
        (c) => c.id === patient.conversationId,
      )?.secureMessageUnread,
    ).toBe(true);
    await waitFor(() => seen.find((e) => e.type === 'secure_message.unread'));
    expect(seen.find((e) => e.type === 'secure_message.unread')).toMatchObject({
      conversationId: patient.conversationId,
      messageId: link.messageId,
    });
    await stop();

    // The patient opens the reminder's link and reads it: the flag goes.
    const b = portalBrowser(stack);
    const page = await b.get(`/s/${reminderToken}`).expect(200);
    const code = await requestPortalCode(stack, b, reminderToken, csrfOf(page.text), patient.phone);
    const form = await b.get(`/s/${reminderToken}`).expect(200);
    await b.post(`/s/${reminderToken}/verify`, { csrf: csrfOf(form.text), code }).expect(303);
    expect((await b.get(`/s/${reminderToken}`).expect(200)).text).toContain(SECRET_REPLY);
    expect((await conversation(patient)).secureMessageUnread).toBe(false);
  });

  it('sends none for a message read, retracted, or to a number that texted STOP', async () => {
    const readOne = await patientFromForm(stack, practice);
    const read = await secureMessageTo(stack, practice, readOne);
    const retractedOne = await patientFromForm(stack, practice);
    const retracted = await secureMessageTo(stack, practice, retractedOne);
    const stoppedOne = await patientFromForm(stack, practice);
    await secureMessageTo(stack, practice, stoppedOne);
    const before = await Promise.all([readOne, retractedOne, stoppedOne].map(texts));

    const b = portalBrowser(stack);
    const page = await b.get(`/s/${read.token}`).expect(200);
    const code = await requestPortalCode(stack, b, read.token, csrfOf(page.text), readOne.phone);
    const form = await b.get(`/s/${read.token}`).expect(200);
    await b.post(`/s/${read.token}/verify`, { csrf: csrfOf(form.text), code }).expect(303);
    await b.get(`/s/${read.token}`).expect(200);
    await stack.staff
      .post(`/v1/messages/${retracted.messageId}/secure-link/retract`, {}, token())
      .expect(200);
    await textFrom(stack, practice, stoppedOne.phone, 'STOP');
    const after = await Promise.all([readOne, retractedOne, stoppedOne].map(texts));
    expect(after[0]).toBe(before[0]! + 1); // the portal code

    const noon = nextLocalHour(new Date(Date.now() + 25 * HOUR), 12);
    expect(await sweep(noon)).toMatchObject({ reminded: 0, ended: 3 });
    expect(await sweep(new Date(noon.getTime() + 72 * HOUR))).toMatchObject({ reminded: 0, flagged: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await Promise.all([readOne, retractedOne, stoppedOne].map(texts))).toEqual(after);
    for (const p of [readOne, retractedOne, stoppedOne])
      expect((await conversation(p)).secureMessageUnread).toBe(false);
  });

  it('reminds by email where the link went by email, and stops once the address is suppressed', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient, SECRET_REPLY, 'email');
    const emails = async () => (await stack.sentTo(patient.email)).length;
    const sent = await emails();
    const noon = nextLocalHour(new Date(Date.now() + 25 * HOUR), 12);
    expect((await sweep(noon)).reminded).toBe(1);
    const reminder = await waitFor(
      async () => (await emails()) > sent && (await stack.sentTo(patient.email))[0],
    );
    expect(reminder.subject).toBe('Reminder: unread secure message from Riverside Family Clinic');
    expect(reminder.text).not.toContain('A1c');
    expect(linkTokensIn(reminder.text!)).toHaveLength(1);

    await request(stack.api.getHttpServer())
      .post(new URL(practice.email.eventsUrl).pathname)
      .send([
        { event: 'bounce', type: 'bounce', messageId: link.messageId, sg_event_id: `ev-${link.messageId}` },
      ])
      .expect(200);
    expect((await sweep(new Date(noon.getTime() + 24 * HOUR))).ended).toBe(1);
    expect((await sweep(new Date(noon.getTime() + 72 * HOUR))).flagged).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await emails()).toBe(sent + 1);
  });

  it('runs each step once when two sweeps race', async () => {
    const patient = await patientFromForm(stack, practice);
    await secureMessageTo(stack, practice, patient);
    const sent = await texts(patient);
    const noon = nextLocalHour(new Date(Date.now() + 25 * HOUR), 12);
    const [a, b] = await Promise.all([sweep(noon), sweep(noon)]);
    expect(a.reminded + b.reminded).toBe(1);
    await waitFor(async () => (await texts(patient)) === sent + 1);
    const { rows } = await stack.owner.query(
      `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND template = 'secure_reminder'`,
      [patient.conversationId],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('sends none when the practice turned reminders off', async () => {
    await stack.staff.patch('/v1/practice/settings', { secureReminderMax: 0 }, token()).expect(200);
    const patient = await patientFromForm(stack, practice);
    await secureMessageTo(stack, practice, patient);
    const sent = await texts(patient);
    const noon = nextLocalHour(new Date(Date.now() + 25 * HOUR), 12);
    expect((await sweep(noon)).reminded).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await texts(patient)).toBe(sent);
    await stack.staff.patch('/v1/practice/settings', { secureReminderMax: 2 }, token()).expect(200);
  });

  it('a reminder queued before the patient read the message is not sent (failed reminder_moot)', async () => {
    const patient = await patientFromForm(stack, practice);
    const link = await secureMessageTo(stack, practice, patient);
    const sent = await texts(patient);
    // No worker: the step runs here (the api's own providers), its reminder waits in the outbox.
    await stack.stopWorker();
    const steps = sweepInApi();
    expect((await steps.run(nextLocalHour(new Date(Date.now() + 25 * HOUR), 12))).reminded).toBe(1);
    const { rows } = await stack.owner.query<{ reminder_message_id: string }>(
      `SELECT reminder_message_id FROM secure_reminder_sends WHERE message_id = $1`,
      [link.messageId],
    );
    await stack.owner.query(`UPDATE messages SET status = 'read' WHERE id = $1`, [link.messageId]);

    const worker = await stack.idleWorker('reminders-idle');
    await runDispatchJob(worker, practice.owner.practiceId, rows[0]!.reminder_message_id);
    const state = await stack.messageState(token(), rows[0]!.reminder_message_id);
    expect(state).toMatchObject({ status: 'failed', error: { code: 'reminder_moot' } });
    expect(await texts(patient)).toBe(sent);
  });

  it('a reminder whose send slipped into the night (practice time) fails quiet_hours, unsent', async () => {
    const patient = await patientFromForm(stack, practice);
    await stack.stopWorker(); // the idle one of the previous test
    await stack.startWorker();
    await secureMessageTo(stack, practice, patient);
    const sent = await texts(patient);
    await stack.stopWorker();
    // A zone where it is 03:00 now (Etc/GMT-N is UTC+N): the real clock the send checks.
    let offset = (((3 - new Date().getUTCHours()) % 24) + 24) % 24;
    if (offset > 14) offset -= 24;
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    await stack.staff.patch('/v1/practice/settings', { timeZone: zone }, token()).expect(200);
    // The step itself ran at noon, local time (the sweep's fake clock): the first local noon once
    // the first reminder is due (setting the UTC hour on the same day could land before it).
    const noon = new Date(Date.now() + 25 * HOUR);
    noon.setUTCMinutes(0, 0, 0);
    while ((noon.getUTCHours() + offset + 24) % 24 !== 12) noon.setTime(noon.getTime() + HOUR);
    expect((await sweepInApi().run(noon)).reminded).toBe(1);
    const { rows } = await stack.owner.query<{ reminder_message_id: string }>(
      `SELECT s.reminder_message_id FROM secure_reminder_sends s JOIN messages m ON m.id = s.message_id
       WHERE m.conversation_id = $1`,
      [patient.conversationId],
    );

    const worker = await stack.idleWorker('reminders-night');
    await runDispatchJob(worker, practice.owner.practiceId, rows[0]!.reminder_message_id);
    expect(await stack.messageState(token(), rows[0]!.reminder_message_id)).toMatchObject({
      status: 'failed',
      error: { code: 'quiet_hours' },
    });
    expect(await texts(patient)).toBe(sent);
  });
});
