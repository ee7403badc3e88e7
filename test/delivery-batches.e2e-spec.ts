import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutboundMessages } from '@app/delivery';
import {
  DeliveryMetrics,
  type ProviderLookupResult,
} from '../libs/delivery/src/dispatch/delivery-metrics.js';
import { DispatchSessions } from '../libs/delivery/src/dispatch/dispatch-locks.js';
import { SenderRateLimit } from '../libs/delivery/src/dispatch/sender-rate-limit.js';
import { SMS_SENDER, type SmsSender } from '../libs/delivery/src/dispatch/senders.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  patientFromForm,
  runDispatchJob,
  textFrom,
} from './delivery-fixtures.js';
import { waitFor } from './ingestion-fixtures.js';

// A practice's jobs that arrive together are dispatched as one batch: one connection, one
// transaction before the provider calls and one after.
describe('dispatch batches', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let worker: INestApplication;

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    worker = await stack.idleWorker('batches-idle');
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await stack?.stop();
  });

  /**
   * `each` replies (secure notices: no consent; two unless told) to each of `patients` new
   * patients; their message ids. A patient's second reply waits for the first (invariant 12).
   */
  async function queueReplies(patients: number, each = 2): Promise<{ ids: string[]; phones: string[] }> {
    const phones: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < patients; i++) {
      const patient = await patientFromForm(stack, practice);
      phones.push(patient.phone);
      for (const body of ['Your results are ready', 'Please call us back'].slice(0, each)) {
        const { body: queued } = await stack.staff
          .post(
            `/v1/conversations/${patient.conversationId}/replies`,
            { body, channel: 'sms' },
            practice.owner.accessToken,
          )
          .expect(202);
        ids.push(queued.messageId as string);
      }
    }
    // Only this test's: a message an earlier test left unsent must not shift these.
    return { ids, phones };
  }

  const runJob = (messageId: string) => runDispatchJob(worker, practice.owner.practiceId, messageId);

  /** Per message: handed over (the provider's id recorded) and how many attempts were persisted. */
  async function statuses(ids: string[]): Promise<Map<string, { handedOver: boolean; attempts: number }>> {
    const { rows } = await stack.owner.query<{ id: string; handedOver: boolean; attempts: number }>(
      `SELECT m.id, m.provider_message_id IS NOT NULL AS "handedOver",
              (SELECT count(*)::int FROM delivery_attempts a WHERE a.message_id = m.id) AS attempts
       FROM messages m WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { handedOver: r.handedOver, attempts: r.attempts }]));
  }

  /** Session advisory locks held by the worker's dispatch connections. */
  async function dispatchLocksHeld(): Promise<number> {
    const { rows } = await stack.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND a.application_name = 'inbox-dispatch'`,
    );
    return rows[0]!.n;
  }

  async function waitNoDispatchLocks(): Promise<void> {
    for (let i = 0; i < 100 && (await dispatchLocksHeld()) > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await dispatchLocksHeld()).toBe(0);
  }

  it('jobs arriving together share a connection and its transactions; each message is sent once', async () => {
    // One reply per patient: none waits for another (see delivery-order.e2e-spec.ts for those that do).
    const { ids, phones } = await queueReplies(6, 1);
    expect(ids).toHaveLength(6);
    const open = vi.spyOn(worker.get(DispatchSessions, { strict: false }), 'open');

    await Promise.all(ids.map((id) => runJob(id)));

    // The first job starts a batch alone; the five that arrive while it decides go together.
    expect(open.mock.calls.length).toBeLessThan(ids.length);
    open.mockRestore();
    for (const [id, row] of await statuses(ids)) expect(row, id).toEqual({ handedOver: true, attempts: 1 });
    for (const phone of phones) expect(await stack.sentTo(phone)).toHaveLength(1);
    await waitNoDispatchLocks();
  });

  it('a message that fails its batch fails alone: its neighbours are sent, it is left as it was', async () => {
    const { ids, phones } = await queueReplies(2);
    const outbound = worker.get(OutboundMessages, { strict: false });
    // A patient's last reply: the replies before it do not wait for it.
    const bad = ids[3]!;
    const startAttempt = outbound.startAttempt.bind(outbound);
    const spy = vi.spyOn(outbound, 'startAttempt').mockImplementation((tx, message, route) => {
      if (message.id === bad) throw new Error('injected failure');
      return startAttempt(tx, message, route);
    });

    const results = await Promise.allSettled(ids.map((id) => runJob(id)));

    expect(results.map((r) => r.status)).toEqual(ids.map((id) => (id === bad ? 'rejected' : 'fulfilled')));
    const after = await statuses(ids);
    expect(after.get(bad)).toEqual({ handedOver: false, attempts: 0 });
    for (const id of ids.filter((other) => other !== bad))
      expect(after.get(id)).toEqual({ handedOver: true, attempts: 1 });
    expect((await stack.sentTo(phones[0]!)).length + (await stack.sentTo(phones[1]!)).length).toBe(3);
    await waitNoDispatchLocks();

    // Its locks ended with the failed transaction: once the fault is gone, its retry sends it.
    spy.mockRestore();
    await runJob(bad);
    expect((await statuses([bad])).get(bad)).toEqual({ handedOver: true, attempts: 1 });
    expect((await stack.sentTo(phones[0]!)).length + (await stack.sentTo(phones[1]!)).length).toBe(4);
  });

  it('a batch keeps its sender’s rate: each provider call waits for its own slot', async () => {
    const { ids } = await queueReplies(3);
    const slots: number[] = [];
    const calls: number[] = [];
    const limit = worker.get(SenderRateLimit, { strict: false });
    const take = limit.take.bind(limit);
    const takeSpy = vi.spyOn(limit, 'take').mockImplementation(async (sender, perSecond) => {
      const slot = await take(sender, perSecond);
      if (slot.reserved) slots.push(slot.at);
      return slot;
    });
    const sms = worker.get<SmsSender>(SMS_SENDER, { strict: false });
    const send = sms.send.bind(sms);
    const sendSpy = vi.spyOn(sms, 'send').mockImplementation((request) => {
      calls.push(Date.now());
      return send(request);
    });

    await Promise.all(ids.map((id) => runJob(id)));
    takeSpy.mockRestore();
    sendSpy.mockRestore();

    // 200/s: slots 5 ms apart, a batch's reserved at once. Each call comes at or after its slot, so
    // the n-th call no earlier than the n-th slot (less a timer's rounding to the millisecond).
    expect(calls).toHaveLength(ids.length);
    expect(slots).toHaveLength(ids.length);
    const bySlot = slots.toSorted((a, b) => a - b);
    expect(bySlot.at(-1)! - bySlot[0]!).toBeGreaterThanOrEqual(5 * (ids.length - 1));
    calls.toSorted((a, b) => a - b).forEach((at, i) => expect(at).toBeGreaterThanOrEqual(bySlot[i]! - 2));
    for (const [id, row] of await statuses(ids)) expect(row, id).toEqual({ handedOver: true, attempts: 1 });
  });

  it('replies the gate blocks at send time (a STOP since they were queued) fail with the reason and spend none of the sender’s rate', async () => {
    const { ids, phones } = await queueReplies(1);
    await textFrom(stack, practice, phones[0]!, 'STOP');
    const takeSpy = vi.spyOn(worker.get(SenderRateLimit, { strict: false }), 'take');

    await Promise.all(ids.map((id) => runJob(id)));
    const slotsTaken = takeSpy.mock.calls.length;
    takeSpy.mockRestore();

    expect(slotsTaken).toBe(0);
    const { rows } = await stack.owner.query(
      `SELECT status, error_code FROM messages WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toEqual(ids.map(() => ({ status: 'failed', error_code: 'recipient_opted_out' })));
    expect(await stack.sentTo(phones[0]!)).toHaveLength(0);
    await waitNoDispatchLocks();
  });

  it('a job whose message the provider accepted completes without waiting for its batch’s slowest call', async () => {
    const { ids } = await queueReplies(4, 1);
    const sms = worker.get<SmsSender>(SMS_SENDER, { strict: false });
    const send = sms.send.bind(sms);
    let releaseSlow!: () => void;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    let calls = 0;
    const spy = vi.spyOn(sms, 'send').mockImplementation(async (request) => {
      // The first job goes alone; of the batch the other three share, the last call hangs.
      if (++calls === ids.length) await slow;
      return send(request);
    });
    let completed = 0;
    const jobs = ids.map((id) =>
      runDispatchJob(worker, practice.owner.practiceId, id, { waitForRecord: false }).then(() => completed++),
    );

    try {
      await waitFor(async () => completed === ids.length - 1, 10_000);
      expect(calls).toBe(ids.length);
      // Its neighbours' outcomes wait for it: still unrecorded, their locks held.
      expect([...(await statuses(ids)).values()].filter((row) => row.handedOver)).toHaveLength(1);
    } finally {
      releaseSlow();
    }
    await Promise.all(jobs);
    await worker.get(DispatchSessions, { strict: false }).idle();
    spy.mockRestore();
    for (const [id, row] of await statuses(ids)) expect(row, id).toEqual({ handedOver: true, attempts: 1 });
    await waitNoDispatchLocks();
  });

  it('a batch records its sends in the order status callbacks lock messages (by provider id): a callback batch never deadlocks with it', async () => {
    // Three patients: the first job goes alone, the other two share the next batch.
    const { ids, phones } = await queueReplies(3, 1);
    const sms = worker.get<SmsSender>(SMS_SENDER, { strict: false });
    const send = sms.send.bind(sms);
    // The batch's first message gets the higher provider id, so the callbacks' order is the reverse.
    const fakeIds = ['SM' + 'f'.repeat(32), 'SM' + '0'.repeat(32)];
    const callbacks = await stack.owner.connect();
    let calls = 0;
    const spy = vi.spyOn(sms, 'send').mockImplementation(async (request) => {
      const n = ++calls;
      if (n === 1) return send(request);
      if (n === 3) {
        // A callback batch for the second message holds its row before the batch records.
        await callbacks.query('BEGIN');
        await callbacks.query(`SELECT id FROM messages WHERE id = $1 FOR UPDATE`, [
          ids[phones.indexOf(request.to)],
        ]);
      }
      return { providerMessageId: fakeIds[n - 2]!, status: 'queued' };
    });
    const jobs = ids.map((id) =>
      runDispatchJob(worker, practice.owner.practiceId, id, { waitForRecord: false }),
    );
    try {
      await Promise.all(jobs);
      expect(calls).toBe(3);
      // The batch's record waits for that row...
      await waitFor(async () => {
        const { rows } = await stack.owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE application_name = 'inbox-dispatch' AND wait_event_type = 'Lock'`,
        );
        return rows[0]!.n > 0;
      }, 10_000);
      // ...while the callback batch goes on to the first message (the higher provider id).
      await callbacks.query(`UPDATE messages SET updated_at = now() WHERE id = $1`, [ids[1]]);
      await callbacks.query('COMMIT');
    } finally {
      await callbacks.query('ROLLBACK').catch(() => undefined);
      callbacks.release();
      spy.mockRestore();
    }
    await worker.get(DispatchSessions, { strict: false }).idle();
    for (const [id, row] of await statuses(ids)) expect(row, id).toEqual({ handedOver: true, attempts: 1 });
    await waitNoDispatchLocks();
  });

  /** Outcomes of a message's attempts, in order (null: open). */
  async function attemptOutcomes(id: string): Promise<Array<string | null>> {
    const { rows } = await stack.owner.query<{ outcome: string | null }>(
      `SELECT outcome FROM delivery_attempts WHERE message_id = $1 ORDER BY attempt`,
      [id],
    );
    return rows.map((r) => r.outcome);
  }

  /** Provider lookups of SMS attempts the worker counted with `result` (its /metrics counter). */
  async function lookupsCounted(result: ProviderLookupResult): Promise<number> {
    const counter = worker
      .get(DeliveryMetrics, { strict: false })
      .registry.getSingleMetric('inbox_delivery_provider_lookups_total')!;
    const { values } = await counter.get();
    return values.find((v) => v.labels.channel === 'sms' && v.labels.result === result)?.value ?? 0;
  }

  /** Whether the message's row is free (no transaction holds it locked) right now. */
  async function rowUnlocked(id: string): Promise<boolean> {
    try {
      await stack.owner.query(`SELECT id FROM messages WHERE id = $1 FOR UPDATE NOWAIT`, [id]);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === '55P03') return false;
      throw err;
    }
  }

  /**
   * Wraps the worker's provider lookup: each call first notes whether the message's row was free
   * (its batch's transaction committed) while the provider was asked.
   */
  function watchLookups(id: string, fail?: () => Error) {
    const sms = worker.get<SmsSender>(SMS_SENDER, { strict: false });
    const findSent = sms.findSent.bind(sms);
    const rowFree: boolean[] = [];
    const spy = vi.spyOn(sms, 'findSent').mockImplementation(async (...args) => {
      rowFree.push(await rowUnlocked(id));
      if (fail) throw fail();
      return findSent(...args);
    });
    return { rowFree, restore: () => spy.mockRestore() };
  }

  it('an attempt that may have reached the provider is looked up with no transaction open; found, it is not sent again', async () => {
    const { ids, phones } = await queueReplies(1);
    await Promise.all(ids.map((id) => runJob(id)));
    const id = ids[0]!;
    await stack.waitForStatus(practice.owner.accessToken, id, ['delivered']);
    // As if the worker died during the provider call.
    await stack.forgetOutcome(id);
    const lookups = watchLookups(id);
    const foundBefore = await lookupsCounted('found');

    await runJob(id);
    lookups.restore();

    expect(lookups.rowFree).toEqual([true]);
    expect(await attemptOutcomes(id)).toEqual(['found_at_provider']);
    expect(await lookupsCounted('found')).toBe(foundBefore + 1);
    expect((await statuses([id])).get(id)).toEqual({ handedOver: true, attempts: 1 });
    expect(await stack.sentTo(phones[0]!)).toHaveLength(2);
    await waitNoDispatchLocks();
  });

  it('an attempt left open after its status callback came (a crash before the record) is closed as found and audited, with no lookup and no send', async () => {
    const { ids, phones } = await queueReplies(1);
    await Promise.all(ids.map((id) => runJob(id)));
    const id = ids[0]!;
    await stack.waitForStatus(practice.owner.accessToken, id, ['delivered']);
    // The worker died after the call: the callbacks moved the message on (and stored Twilio's
    // id), but its attempt never got an outcome.
    await stack.reopenAttempt(id);
    const lookups = watchLookups(id);

    await runJob(id);
    lookups.restore();

    expect(lookups.rowFree).toEqual([]);
    expect(await attemptOutcomes(id)).toEqual(['found_at_provider']);
    expect(await stack.sentTo(phones[0]!)).toHaveLength(2);
    const { rows } = await stack.owner.query(
      `SELECT metadata FROM audit_events WHERE target_id = $1 AND action = 'message.dispatch_recovered'
       UNION ALL
       SELECT metadata FROM audit_outbox WHERE target_id = $1 AND action = 'message.dispatch_recovered'`,
      [id],
    );
    expect(rows.map((r) => r.metadata)).toEqual([{ channel: 'sms', attempt: 1, foundBy: 'status_callback' }]);
    await waitNoDispatchLocks();
  });

  it('an earlier attempt the provider never got: a failed lookup changes nothing; then it is closed and the message sent once, beside its batch', async () => {
    // Two patients: a reply to the same one would wait for the unresolved attempt (invariant 12).
    const { ids, phones } = await queueReplies(2, 1);
    const [lost, neighbour] = ids as [string, string];
    // As if the worker died before its call reached the provider: an attempt without an outcome.
    await stack.owner.query(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
       VALUES (gen_random_uuid(), $1, $2, 1, 'secure_link')`,
      [practice.owner.practiceId, lost],
    );
    const [failedBefore, notFoundBefore] = [
      await lookupsCounted('failed'),
      await lookupsCounted('not_found'),
    ];
    const down = watchLookups(lost, () => Object.assign(new Error('Service Unavailable'), { status: 503 }));
    const results = await Promise.allSettled(ids.map((id) => runJob(id)));
    down.restore();

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/lookup failed \(http_503\)/);
    expect(down.rowFree).toEqual([true]);
    expect(await attemptOutcomes(lost)).toEqual([null]);
    expect((await statuses([neighbour])).get(neighbour)).toEqual({ handedOver: true, attempts: 1 });
    expect(await stack.sentTo(phones[0]!)).toHaveLength(0);
    expect(await stack.sentTo(phones[1]!)).toHaveLength(1);

    const lookups = watchLookups(lost);
    await runJob(lost);
    lookups.restore();

    expect(lookups.rowFree).toEqual([true]);
    expect(await attemptOutcomes(lost)).toEqual(['not_found', 'accepted']);
    expect(await stack.sentTo(phones[0]!)).toHaveLength(1);
    expect([await lookupsCounted('failed'), await lookupsCounted('not_found')]).toEqual([
      failedBefore + 1,
      notFoundBefore + 1,
    ]);
    await waitNoDispatchLocks();
  });

  it('two runs recovering the same attempt (a stalled job and its relayed twin): one new attempt, one send, its link live', async () => {
    const { ids, phones } = await queueReplies(1);
    const id = ids[0]!;
    await stack.owner.query(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
       VALUES (gen_random_uuid(), $1, $2, 1, 'secure_link')`,
      [practice.owner.practiceId, id],
    );
    // Both runs set the message aside before either looks; the second's answer comes only after
    // the first has settled the attempt and sent the message afresh (a new link token).
    const sms = worker.get<SmsSender>(SMS_SENDER, { strict: false });
    const findSent = sms.findSent.bind(sms);
    let lookups = 0;
    let secondAsking!: () => void;
    const second = new Promise<void>((resolve) => (secondAsking = resolve));
    const spy = vi.spyOn(sms, 'findSent').mockImplementation(async (...args) => {
      if (++lookups === 1) await second;
      else {
        secondAsking();
        await waitFor(async () => (await attemptOutcomes(id)).includes('accepted'), 10_000);
      }
      return findSent(...args);
    });

    await Promise.all([runJob(id), runJob(id)]);
    spy.mockRestore();

    expect(lookups).toBe(2);
    expect(await attemptOutcomes(id)).toEqual(['not_found', 'accepted']);
    expect(await stack.sentTo(phones[0]!)).toHaveLength(1);
    // The late run found its attempt settled by the other: it left the new link alone.
    const { rows } = await stack.owner.query<{ live: number }>(
      `SELECT count(*)::int AS live FROM secure_links WHERE message_id = $1 AND retracted_at IS NULL`,
      [id],
    );
    expect(rows[0]!.live).toBe(1);
    await waitNoDispatchLocks();
  });

  it('email: an earlier attempt is looked up by our id in SendGrid’s Activity API; found, not sent again; never got, sent once', async () => {
    const patient = await patientFromForm(stack, practice);
    const reply = async (body: string): Promise<string> =>
      (
        await stack.staff
          .post(
            `/v1/conversations/${patient.conversationId}/replies`,
            { body, channel: 'email' },
            practice.owner.accessToken,
          )
          .expect(202)
      ).body.messageId as string;
    const sent = await reply('Your results are ready');
    await runJob(sent);
    expect(await stack.sentTo(patient.email)).toHaveLength(1);
    // The worker died during that call; and a second reply's call never left.
    await stack.forgetOutcome(sent);
    const lost = await reply('Please call us back');
    await stack.owner.query(
      `INSERT INTO delivery_attempts (id, tenant_id, message_id, attempt, route)
       VALUES (gen_random_uuid(), $1, $2, 1, 'secure_link')`,
      [practice.owner.practiceId, lost],
    );

    await Promise.all([runJob(sent), runJob(lost)]);

    expect(await attemptOutcomes(sent)).toEqual(['found_at_provider']);
    expect(await attemptOutcomes(lost)).toEqual(['not_found', 'accepted']);
    expect(await stack.sentTo(patient.email)).toHaveLength(2);
    await waitNoDispatchLocks();
  });
});
