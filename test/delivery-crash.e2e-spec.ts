import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, freshPhone, waitFor } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  createDeliveryPractice,
  textFrom,
  attestConsent,
} from './delivery-fixtures.js';

const REPLIES = 500;
const CONVERSATIONS = 100;
const FINAL = ['sent', 'delivered', 'failed', 'undelivered'];

/** The production worker bundle as a child process we can SIGKILL, on this test run's database. */
async function spawnWorker(stack: DeliveryStack): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/worker/main.js'], {
    env: {
      ...process.env,
      ...stack.env(),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      WORKER_HEALTH_PORT: String(await freePort()),
      PUBLIC_BASE_URL: stack.publicBaseUrl(),
      DELIVERY_CONCURRENCY: '8',
      DELIVERY_BACKOFF_MS: '100',
      DELIVERY_LEASE_SECONDS: '4',
      DELIVERY_RELAY_INTERVAL_MS: '250',
      JOB_STALLED_INTERVAL_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  // stdout is ignored: the worker logs (JSON lines, PHI-free) go to stdout; warnings and errors
  // are what a failure here needs, kept for `workerLog`.
  child.stdout?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  workerLogs.set(child, () => stderr);
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL' && signal !== 'SIGTERM') console.error(`worker exited ${code}: ${stderr}`);
  });
  return child;
}

const workerLogs = new WeakMap<ChildProcess, () => string>();

// Invariant 9 under the crash that matters: the worker dies (SIGKILL: no shutdown hooks, provider
// calls cut mid-flight, BullMQ jobs left active) while sending. After a restart every reply ends
// sent/delivered or failed with a reason; none is lost; duplicates at the provider are counted.
describe('delivery survives SIGKILL of the worker mid-send', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    const build = spawnSync('npx', ['nest', 'build', 'worker'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`nest build worker failed:\n${build.stdout}${build.stderr}`);
    // Each provider call takes a while, so the kill lands with calls in flight.
    stack = await DeliveryStack.start({ responseDelayMs: 40, privateDatabase: true });
    await stack.stopWorker();
    practice = await createDeliveryPractice(stack);
  }, 180_000);
  // A test that failed half way must not leave its worker running into the next test.
  afterEach(() => stopWorker());
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await stack?.stop();
  });

  /** Ends the running worker (SIGKILL: nothing of it may outlive its test). */
  async function stopWorker(): Promise<void> {
    const running = worker;
    worker = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  /** What a failure needs: each attempt left open, its message and outbox row; the worker's log. */
  async function openAttemptsReport(where: string, params: unknown[]): Promise<string> {
    const { rows } = await stack.owner.query(
      `SELECT a.attempt, a.route, a.started_at, m.status, m.provider_message_id IS NOT NULL AS has_provider_id,
              o.available_at AS outbox_due, o.relays AS outbox_relays,
              (SELECT count(*)::int FROM delivery_attempts b WHERE b.message_id = a.message_id) AS attempts
       FROM delivery_attempts a JOIN messages m ON m.id = a.message_id
       LEFT JOIN delivery_outbox o ON o.message_id = a.message_id
       WHERE a.outcome IS NULL AND ${where}`,
      params,
    );
    return `${JSON.stringify(rows)}\nworker log: ${worker ? (workerLogs.get(worker)?.() ?? '') : ''}`;
  }

  it(`kills the worker while ${REPLIES} replies are being sent; after a restart none is lost`, async () => {
    const token = practice.owner.accessToken;
    const conversations: Array<{ id: string; phone: string }> = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const phone = freshPhone();
      await textFrom(stack, practice, phone, `Question ${i}`);
      const { rows } = await stack.owner.query(
        `SELECT conversation_id, contact_id FROM messages WHERE tenant_id = $1 AND direction = 'inbound'
         ORDER BY created_at DESC LIMIT 1`,
        [practice.owner.practiceId],
      );
      conversations.push({ id: rows[0].conversation_id, phone });
      // Half of the patients consented: their replies go plain, the others as secure notices.
      if (i % 2 === 0)
        await attestConsent(stack, token, rows[0].contact_id, {
          channel: 'sms',
          method: 'verbal_attested',
          attestation: 'Agreed at the desk',
        });
    }

    const messageIds: string[] = [];
    // Each patient's replies in the order staff sent them (a round is accepted before the next).
    const sentInOrder = new Map<string, string[]>();
    for (let i = 0; i < REPLIES; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          stack.staff
            .post(
              `/v1/conversations/${conversations[(i + j) % CONVERSATIONS]!.id}/replies`,
              { body: `Reply ${i + j}` },
              token,
            )
            .expect(202),
        ),
      );
      messageIds.push(...batch.map((r) => r.body.messageId as string));
      batch.forEach((r, j) => {
        const phone = conversations[(i + j) % CONVERSATIONS]!.phone;
        sentInOrder.set(phone, [...(sentInOrder.get(phone) ?? []), r.body.messageId as string]);
      });
    }

    // All 500 accepted and queued; now the worker starts, and dies mid-stream: some replies sent,
    // many still queued, some inside a provider call.
    worker = await spawnWorker(stack);
    const countSent = async () =>
      (
        await stack.owner.query(`SELECT count(*)::int AS n FROM delivery_attempts WHERE tenant_id = $1`, [
          practice.owner.practiceId,
        ])
      ).rows[0].n as number;
    await waitFor(async () => (await countSent()) >= REPLIES / 4, 60_000);
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
    const attemptsAtKill = await countSent();

    worker = await spawnWorker(stack);
    const states = await waitFor(async () => {
      const { rows } = await stack.owner.query<{ id: string; status: string; error_code: string | null }>(
        `SELECT id, status, error_code FROM messages WHERE id = ANY($1::uuid[])`,
        [messageIds],
      );
      return rows.every((r) => FINAL.includes(r.status)) && rows;
    }, 120_000);

    // Every attempt ends with an outcome, also those whose status callbacks came before the
    // kill let the worker record them (their outbox rows come due again).
    const openAttempts = async () =>
      (
        await stack.owner.query(
          `SELECT count(*)::int AS n FROM delivery_attempts WHERE tenant_id = $1 AND outcome IS NULL`,
          [practice.owner.practiceId],
        )
      ).rows[0].n as number;
    // An open attempt is resolved when its outbox row comes due (its lease may run past the
    // provider call's timeout): wait for the latest of them, and 30 s more.
    const { rows: due } = await stack.owner.query<{ ms: number | null }>(
      `SELECT extract(epoch FROM max(available_at) - now())::float8 * 1000 AS ms
       FROM delivery_outbox WHERE tenant_id = $1`,
      [practice.owner.practiceId],
    );
    const untilDue = Math.max(0, Math.ceil(due[0]?.ms ?? 0));
    await waitFor(async () => (await openAttempts()) === 0, untilDue + 30_000).catch(() => undefined);

    // Every provider-side send, attributed to our message by the id in its StatusCallback URL.
    const sent = await stack.sentVia('twilio');
    const perMessage = new Map<string, number>();
    for (const message of sent) {
      const id = /messageId=([0-9a-f-]{36})/.exec(
        (message as { statusCallback?: string }).statusCallback ?? '',
      )?.[1];
      if (id) perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    }
    const report = {
      replies: REPLIES,
      attemptsAtKill,
      final: states.length,
      delivered: states.filter((s) => s.status === 'delivered' || s.status === 'sent').length,
      failed: states.filter((s) => s.status === 'failed').length,
      failedWithoutReason: states.filter((s) => s.status === 'failed' && !s.error_code).length,
      lost: messageIds.length - states.length,
      neverSent: messageIds.filter((id) => !perMessage.has(id)).length,
      duplicates: [...perMessage.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0),
      openAttemptsLeft: await openAttempts(),
      // Attempts the crash left open, by what the restarted worker found at the provider.
      openAttemptsResolved: Object.fromEntries(
        (
          await stack.owner.query<{ outcome: string; n: number }>(
            `SELECT outcome, count(*)::int AS n FROM delivery_attempts
             WHERE tenant_id = $1 AND outcome IN ('found_at_provider', 'not_found') GROUP BY outcome`,
            [practice.owner.practiceId],
          )
        ).rows.map((r) => [r.outcome, r.n]),
      ),
    };
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/delivery-crash-report.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log('delivery crash report', JSON.stringify(report));

    expect(report.lost).toBe(0);
    expect(report.final).toBe(REPLIES);
    expect(report.failedWithoutReason).toBe(0);
    expect(report.neverSent).toBe(report.failed);
    expect(report.duplicates).toBe(0);
    expect(
      report.openAttemptsLeft,
      report.openAttemptsLeft
        ? await openAttemptsReport('a.tenant_id = $1', [practice.owner.practiceId])
        : '',
    ).toBe(0);
    // Invariant 12 across the crash: each patient got their replies in the order staff sent them.
    const receivedInOrder = new Map<string, string[]>();
    for (const message of sent.toReversed()) {
      const id = /messageId=([0-9a-f-]{36})/.exec(message.statusCallback ?? '')?.[1];
      if (id) receivedInOrder.set(message.to, [...(receivedInOrder.get(message.to) ?? []), id]);
    }
    for (const [phone, ids] of sentInOrder) expect(receivedInOrder.get(phone), phone).toEqual(ids);
  }, 240_000);

  it('SIGTERM mid-send: in-flight sends finish (no attempt left open), the rest waits for the next worker', async () => {
    const token = practice.owner.accessToken;
    const phone = freshPhone();
    await textFrom(stack, practice, phone, 'One more question');
    const { rows } = await stack.owner.query(
      `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND direction = 'inbound' ORDER BY created_at DESC LIMIT 1`,
      [practice.owner.practiceId],
    );
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await stack.staff
        .post(`/v1/conversations/${rows[0].conversation_id}/replies`, { body: `Follow-up ${i}` }, token)
        .expect(202);
      ids.push(res.body.messageId);
    }
    worker = await spawnWorker(stack);
    const attempts = async () =>
      (
        await stack.owner.query(
          `SELECT count(*)::int AS n FROM delivery_attempts WHERE message_id = ANY($1::uuid[])`,
          [ids],
        )
      ).rows[0].n as number;
    await waitFor(async () => (await attempts()) >= 5, 30_000);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      worker!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    worker.kill('SIGTERM');
    // Nest closes the app (jobs finish, pools close), then re-raises the signal to exit.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    const open = await stack.owner.query(
      `SELECT count(*)::int AS n FROM delivery_attempts WHERE message_id = ANY($1::uuid[]) AND outcome IS NULL`,
      [ids],
    );
    expect(
      open.rows[0].n,
      open.rows[0].n ? await openAttemptsReport('a.message_id = ANY($1::uuid[])', [ids]) : '',
    ).toBe(0);

    worker = await spawnWorker(stack);
    await waitFor(async () => {
      const { rows: states } = await stack.owner.query<{ status: string }>(
        `SELECT status FROM messages WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return states.every((r) => FINAL.includes(r.status));
    }, 60_000);
    const perMessage = new Map<string, number>();
    for (const message of await stack.sentVia('twilio')) {
      const id = /messageId=([0-9a-f-]{36})/.exec(message.statusCallback ?? '')?.[1];
      if (id && ids.includes(id)) perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    }
    expect(perMessage.size).toBe(ids.length);
    expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
    // In the order staff sent them, across the two workers.
    const received = (await stack.sentVia('twilio'))
      .toReversed()
      .map((message) => /messageId=([0-9a-f-]{36})/.exec(message.statusCallback ?? '')?.[1])
      .filter((id) => id && ids.includes(id));
    expect(received).toEqual(ids);
  }, 120_000);
});
