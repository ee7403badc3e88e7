import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '@app/audit';
import { ConversationRepository, LiveSubscriptions, StaffEvents } from '@app/conversations';
import { RoutedDb, TenantDb } from '@app/database';
import { WEEKDAYS } from '@app/identity';
import { InboxSweep } from '@app/reports';
import { auditTrail } from '@app/testing';
import {
  type DeliveryPractice,
  DeliveryStack,
  conversationOfText,
  createDeliveryPractice,
  patientFromForm,
  textFrom,
} from './delivery-fixtures.js';
import { freshPhone } from './ingestion-fixtures.js';
import { injectWriteFault } from './write-faults.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Facts {
  first_inbound_at: Date | null;
  first_inbound_channel: string | null;
  first_response_at: Date | null;
  waiting_since: Date | null;
  sla_breached_at: Date | null;
  status: string;
}

// Issue 23: the response facts kept on the write paths, the SLA sweep and its filter, auto-close.
describe('SLA and auto-close', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let sweep: InboxSweep;
  const token = () => practice.owner.accessToken;

  /** The sweep's pass for one practice at `now` (the fake clock). */
  const sweepPractice = (p: DeliveryPractice, now: Date) =>
    stack.api.get(TenantDb, { strict: false }).forTenant(p.owner.practiceId, (tx) => sweep.practice(tx, now));

  const facts = async (conversationId: string): Promise<Facts> =>
    (
      await stack.owner.query<Facts>(
        `SELECT first_inbound_at, first_inbound_channel, first_response_at, waiting_since, sla_breached_at, status
         FROM conversations WHERE id = $1`,
        [conversationId],
      )
    ).rows[0]!;
  const inboundTimes = async (conversationId: string): Promise<Date[]> =>
    (
      await stack.owner.query<{ created_at: Date }>(
        `SELECT created_at FROM messages WHERE conversation_id = $1 AND direction = 'inbound' ORDER BY created_at`,
        [conversationId],
      )
    ).rows.map((r) => r.created_at);
  const reply = (conversationId: string, p = practice) =>
    stack.staff
      .post(
        `/v1/conversations/${conversationId}/replies`,
        { body: 'We can see you Thursday.' },
        p.owner.accessToken,
      )
      .expect(202);

  beforeAll(async () => {
    // A database of its own: the sweep visits every practice that set an SLA in the database.
    stack = await DeliveryStack.start({ privateDatabase: true });
    // No worker: its scheduled sweep would run on the real clock; the tests drive the sweep.
    await stack.stopWorker();
    practice = await createDeliveryPractice(stack);
    sweep = new InboxSweep(
      stack.api.get(RoutedDb, { strict: false }),
      stack.api.get(TenantDb, { strict: false }),
      stack.api.get(ConversationRepository, { strict: false }),
      stack.api.get(AuditService, { strict: false }),
      stack.api.get(StaffEvents, { strict: false }),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps first inbound, first staff reply and the waiting episode on the write paths; contacts record their source', async () => {
    const phone = freshPhone();
    const { conversationId, contactId } = await conversationOfText(
      stack,
      practice,
      phone,
      'Hi, any openings?',
    );
    const [first] = await inboundTimes(conversationId);
    expect(await facts(conversationId)).toEqual({
      first_inbound_at: first,
      first_inbound_channel: 'sms',
      first_response_at: null,
      waiting_since: first,
      sla_breached_at: null,
      status: 'open',
    });
    const { rows: source } = await stack.owner.query(
      `SELECT source_channel, source_channel_id FROM contacts WHERE id = $1`,
      [contactId],
    );
    expect(source).toEqual([{ source_channel: 'sms', source_channel_id: practice.sms.id }]);

    // A note is no reply.
    await stack.staff
      .post(`/v1/conversations/${conversationId}/notes`, { body: 'Call back' }, token())
      .expect(201);
    expect((await facts(conversationId)).first_response_at).toBeNull();

    await reply(conversationId);
    const answered = await facts(conversationId);
    expect(answered.first_response_at!.getTime()).toBeGreaterThanOrEqual(first!.getTime());
    expect(answered.waiting_since).toBeNull();

    // A new message opens a new episode; the first response stays the first.
    await textFrom(stack, practice, phone, 'Thursday works');
    const [, second] = await inboundTimes(conversationId);
    expect(await facts(conversationId)).toMatchObject({
      first_inbound_at: first,
      first_response_at: answered.first_response_at,
      waiting_since: second,
    });
    await reply(conversationId);
    expect(await facts(conversationId)).toMatchObject({
      first_response_at: answered.first_response_at,
      waiting_since: null,
    });

    // A web form lead records its form.
    const lead = await patientFromForm(stack, practice);
    const { rows: form } = await stack.owner.query(
      `SELECT k.source_channel, k.source_channel_id = ch.id AS same
       FROM contacts k JOIN channels ch ON ch.tenant_id = k.tenant_id AND ch.type = 'webform'
       WHERE k.id = $1`,
      [lead.contactId],
    );
    expect(form).toEqual([{ source_channel: 'webform', same: true }]);
    await reply(lead.conversationId);
  });

  it('validates slaMinutes and autoCloseDays (400 naming the field) and shows them', async () => {
    for (const [body, field] of [
      [{ slaMinutes: 0 }, 'slaMinutes'],
      [{ slaMinutes: 43_201 }, 'slaMinutes'],
      [{ slaMinutes: 'soon' }, 'slaMinutes'],
      [{ autoCloseDays: -1 }, 'autoCloseDays'],
      [{ autoCloseDays: 366 }, 'autoCloseDays'],
      [{ autoCloseDays: 1.5 }, 'autoCloseDays'],
    ] as const) {
      const res = await stack.staff.patch('/v1/practice/settings', body, token()).expect(400);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
    const before = await stack.staff.get('/v1/practice/settings', token()).expect(200);
    expect(before.body).toMatchObject({ slaMinutes: null, autoCloseDays: null });
    const after = await stack.staff.patch('/v1/practice/settings', { slaMinutes: 30 }, token()).expect(200);
    expect(after.body).toMatchObject({ slaMinutes: 30, autoCloseDays: null });
  });

  it('marks a conversation over SLA once per waiting episode, audited and announced; the filter lists it; a reply clears it', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const stop = await stack.api
      .get(LiveSubscriptions, { strict: false })
      .subscribe(stack.api.get(StaffEvents, { strict: false }).channelOf(practice.owner.practiceId), (m) =>
        seen.push(JSON.parse(m) as Record<string, unknown>),
      );
    const phone = freshPhone();
    const { conversationId } = await conversationOfText(stack, practice, phone, 'Is my prescription ready?');
    const since = (await facts(conversationId)).waiting_since!;
    const overSla = async () =>
      (await stack.staff.get('/v1/conversations?waiting=over_sla', token()).expect(200)).body.data.map(
        (c: { id: string }) => c.id,
      );

    expect(await sweepPractice(practice, new Date(since.getTime() + 29 * MINUTE))).toEqual({
      breached: 0,
      closed: 0,
    });
    const at = new Date(since.getTime() + 31 * MINUTE);
    expect(await sweepPractice(practice, at)).toEqual({ breached: 1, closed: 0 });
    // Once per episode.
    expect(await sweepPractice(practice, new Date(since.getTime() + 90 * MINUTE))).toEqual({
      breached: 0,
      closed: 0,
    });

    const view = await stack.staff.get(`/v1/conversations/${conversationId}`, token()).expect(200);
    expect(view.body).toMatchObject({ slaBreachedAt: at.toISOString(), waitingSince: since.toISOString() });
    expect(await overSla()).toEqual([conversationId]);
    const audited = (await auditTrail(stack.api, practice.owner.practiceId)).filter(
      (e) => e.action === 'conversation.sla_breached',
    );
    expect(audited.map((e) => [e.actor, e.target, e.metadata])).toEqual([
      [
        { type: 'system', id: 'inbox_sweep' },
        { type: 'conversation', id: conversationId },
        { waitingSince: since.toISOString(), slaMinutes: 30, businessHours: false },
      ],
    ]);
    await expect
      .poll(() => seen.filter((e) => e.type === 'conversation.sla_breached').map((e) => e.conversationId))
      .toEqual([conversationId]);
    await stop();

    await reply(conversationId);
    expect(await facts(conversationId)).toMatchObject({ waiting_since: null, sla_breached_at: null });
    expect(await overSla()).toEqual([]);

    // The patient writes again: a new episode, found by the cross-practice pass.
    await textFrom(stack, practice, phone, 'Any news?');
    const again = (await facts(conversationId)).waiting_since!;
    expect(await sweep.run(new Date(again.getTime() + 31 * MINUTE))).toEqual({
      practices: 1,
      breached: 1,
      closed: 0,
    });
    expect(await overSla()).toEqual([conversationId]);
    await reply(conversationId);
  });

  it('counts the wait in business hours when the practice has them', async () => {
    const { conversationId } = await conversationOfText(stack, practice, freshPhone(), 'Hello?');
    const since = (await facts(conversationId)).waiting_since!;
    // Open only 09:00-17:00 UTC on the weekday three days from now: closed until then.
    const openDay = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate() + 3));
    await stack.staff
      .put(
        '/v1/practice/business-hours',
        {
          timeZone: 'UTC',
          weekly: { [WEEKDAYS[openDay.getUTCDay()]!]: [{ from: '09:00', to: '17:00' }] },
          closures: [],
        },
        token(),
      )
      .expect(200);
    try {
      // A day of wall-clock wait, no open time: not over. (Other leads of this practice wait too.)
      await sweepPractice(practice, new Date(since.getTime() + DAY));
      expect((await facts(conversationId)).sla_breached_at).toBeNull();
      const opens = openDay.getTime() + 9 * 60 * MINUTE;
      await sweepPractice(practice, new Date(opens + 29 * MINUTE));
      expect((await facts(conversationId)).sla_breached_at).toBeNull();
      await sweepPractice(practice, new Date(opens + 30 * MINUTE));
      expect((await facts(conversationId)).sla_breached_at).toEqual(new Date(opens + 30 * MINUTE));
      const audited = (await auditTrail(stack.api, practice.owner.practiceId)).find(
        (e) => e.action === 'conversation.sla_breached' && e.target?.id === conversationId,
      );
      expect(audited?.metadata).toEqual({
        waitingSince: since.toISOString(),
        slaMinutes: 30,
        businessHours: true,
      });
    } finally {
      await reply(conversationId);
    }
  });

  it('auto-closes open and pending conversations idle for autoCloseDays (not snoozed), audited, counters kept', async () => {
    const other = await createDeliveryPractice(stack);
    const t = other.owner.accessToken;
    await stack.staff.patch('/v1/practice/settings', { autoCloseDays: 2 }, t).expect(200);
    const openPhone = freshPhone();
    const open = await conversationOfText(stack, other, openPhone, 'Hi');
    const pending = await conversationOfText(stack, other, freshPhone(), 'Hello');
    const snoozed = await conversationOfText(stack, other, freshPhone(), 'Hey');
    await stack.staff
      .patch(`/v1/conversations/${pending.conversationId}`, { status: 'pending' }, t)
      .expect(200);
    await stack.staff
      .patch(
        `/v1/conversations/${snoozed.conversationId}`,
        { snoozedUntil: new Date(Date.now() + 30 * DAY).toISOString() },
        t,
      )
      .expect(200);
    const counts = async () => (await stack.staff.get('/v1/conversations/counts', t).expect(200)).body;
    const before = await counts();

    expect(await sweepPractice(other, new Date(Date.now() + DAY))).toEqual({ breached: 0, closed: 0 });
    expect(await sweepPractice(other, new Date(Date.now() + 3 * DAY))).toEqual({ breached: 0, closed: 2 });
    expect(await sweepPractice(other, new Date(Date.now() + 3 * DAY))).toEqual({ breached: 0, closed: 0 });

    expect((await facts(open.conversationId)).status).toBe('closed');
    expect((await facts(pending.conversationId)).status).toBe('closed');
    expect((await facts(snoozed.conversationId)).status).toBe('snoozed');
    const view = await stack.staff.get(`/v1/conversations/${open.conversationId}`, t).expect(200);
    expect(view.body).toMatchObject({ status: 'closed', closedAt: expect.any(String), waitingSince: null });
    const after = await counts();
    expect(after.byStatus.closed).toBe(before.byStatus.closed + 2);
    expect(after.byStatus.open).toBe(before.byStatus.open - 1);
    expect(after.byStatus.pending).toBe(before.byStatus.pending - 1);

    const audited = (await auditTrail(stack.api, other.owner.practiceId))
      .filter((e) => e.action === 'conversation.auto_closed')
      .map((e) => [e.actor.type, e.target?.id, e.metadata])
      .toSorted((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(audited).toEqual(
      [
        ['system', open.conversationId, { from: 'open', autoCloseDays: 2 }],
        ['system', pending.conversationId, { from: 'pending', autoCloseDays: 2 }],
      ].toSorted((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    // The next message reopens it as usual (within the reopen window).
    await textFrom(stack, other, openPhone, 'Back again');
    expect((await facts(open.conversationId)).status).toBe('open');
  });
  it('one practice whose pass fails holds up no other practice; the run reports the failure', async () => {
    const [failing, healthy] = (
      await Promise.all([createDeliveryPractice(stack), createDeliveryPractice(stack)])
    ).toSorted((a, b) => a.owner.practiceId.localeCompare(b.owner.practiceId));
    // Practices are visited in id order: the failing one comes first.
    const waiting = new Map<DeliveryPractice, string>();
    for (const p of [failing!, healthy!]) {
      await stack.staff.patch('/v1/practice/settings', { slaMinutes: 30 }, p.owner.accessToken).expect(200);
      waiting.set(p, (await conversationOfText(stack, p, freshPhone(), 'Anyone there?')).conversationId);
    }
    const latest = Math.max(
      ...(await Promise.all(
        [...waiting.values()].map(async (id) => (await facts(id)).waiting_since!.getTime()),
      )),
    );
    const fault = await injectWriteFault(stack.owner, {
      table: 'conversations',
      operation: 'UPDATE',
      rows: { tenantId: failing!.owner.practiceId },
    });
    try {
      await expect(sweep.run(new Date(latest + 31 * MINUTE))).rejects.toThrow(
        /Inbox sweep failed for 1 practice/,
      );
      expect((await facts(waiting.get(healthy!)!)).sla_breached_at).not.toBeNull();
      expect((await facts(waiting.get(failing!)!)).sla_breached_at).toBeNull();
    } finally {
      await fault.remove();
    }
  });
});
