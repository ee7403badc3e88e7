import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import twilio from 'twilio';
import { createTwilioClient } from '@app/providers';
import { queuePrefix } from '@app/redis';
import type { TestInfra } from '@app/testing';
import {
  freePort,
  processCpuSeconds,
  signedInOwner,
  startBuiltApi,
  stopProcess,
  waitHttpOk,
} from './api-process.js';
import { withBenchDatabase } from './bench-env.js';
import type { Benchmark } from './harness.js';
import { percentiles, round } from './harness.js';

const MESSAGES = Number(process.env.BENCH_DELIVERY_MESSAGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_DELIVERY_CONCURRENCY ?? 8);
const PATIENTS = 200;
const ROUNDS = Number(process.env.BENCH_DELIVERY_ROUNDS ?? 3);
/**
 * A second, shorter measurement with the sandbox answering each API call after this long, as
 * Twilio does over the internet (its Messages.create takes some 100-300 ms): there both sides wait
 * on the provider rather than on the CPU.
 */
const PROVIDER_LATENCY_MS = Number(process.env.BENCH_DELIVERY_PROVIDER_LATENCY_MS ?? 100);
const LATENCY_MESSAGES = 400;
const CLINIC_NUMBER = '+15550002222';
const BODY = 'Your results are in and look normal. Call us with any questions.';

/** CPU milliseconds per message of each process taking part in a drain (null: no /proc). */
type CpuPerMessage = Record<string, number | null>;

interface Round {
  perSecond: number;
  apiAcceptedPerSecond: number;
  cpuMsPerMessage: CpuPerMessage;
}

type Pids = () => Promise<ReadonlyArray<number | undefined>>;

/**
 * Starts counting the CPU of named groups of processes (from /proc; each group's pids are
 * listed again at the end, so a process started meanwhile, e.g. a new pool connection, counts
 * from zero, and one gone by then is left out). The returned function gives each group's CPU
 * milliseconds per message for `messages` handed over since; null where /proc is missing.
 */
async function cpuMeter(groups: Record<string, Pids>): Promise<(messages: number) => Promise<CpuPerMessage>> {
  const readAll = async () =>
    new Map(
      await Promise.all(
        Object.entries(groups).map(
          async ([name, pids]) =>
            [name, new Map((await pids()).map((pid) => [pid, processCpuSeconds(pid)]))] as const,
        ),
      ),
    );
  const before = await readAll();
  return async (messages) => {
    const after = await readAll();
    return Object.fromEntries(
      [...after].map(([name, now]) => {
        if ([...now.values()].every((s) => s === null)) return [name, null];
        let seconds = 0;
        for (const [pid, s] of now) seconds += (s ?? 0) - (before.get(name)?.get(pid) ?? 0);
        return [name, round((seconds * 1000) / messages, 3)];
      }),
    );
  };
}

/**
 * A connection error on one of the bench's own clients (BullMQ queue or worker, pg pool) is
 * reported and the run goes on (the client reconnects); without a listener it would end the run.
 */
const reportError =
  (what: string) =>
  (err: Error): void => {
    process.stderr.write(`bench: ${what}: ${err.message}\n`);
  };

const fixed =
  (...pids: Array<number | undefined>): Pids =>
  () =>
    Promise.resolve(pids);

/**
 * The Postgres backends serving one process, by the application name its connections carry
 * (`inbox-api`; the worker's `inbox-worker` and `inbox-dispatch`), not the bench's own.
 */
const backendsOf =
  (owner: pg.Pool, processName: 'api' | 'worker'): Pids =>
  async () => {
    const { rows } = await owner.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ANY($1)`,
      [processName === 'api' ? ['inbox-api'] : ['inbox-worker', 'inbox-dispatch']],
    );
    return rows.map((r) => r.pid);
  };

/** The median round (ROUNDS is odd by default; with an even count, the upper of the middle two). */
const median = (values: number[]): number => percentiles(values).p50;

/** A built app (`nest build <app>` already done) as a child process on the bench's database. */
async function startBuilt(
  app: 'worker' | 'sandbox',
  env: Record<string, string>,
  readyUrl: string,
): Promise<ChildProcess> {
  // Node flags, e.g. --cpu-prof --cpu-prof-dir=...: BENCH_NODE_ARGS for the worker under test,
  // BENCH_SANDBOX_NODE_ARGS for the sandbox (BENCH_API_NODE_ARGS for the api, see api-process.ts).
  const nodeArgs =
    app === 'worker'
      ? (process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])
      : (process.env.BENCH_SANDBOX_NODE_ARGS?.split(' ').filter(Boolean) ?? []);
  const child = spawn(process.execPath, [...nodeArgs, `dist/apps/${app}/main.js`], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  await waitHttpOk(readyUrl, child, () => stderr);
  return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the machine stays quiet before a drain is timed (after its leftovers are done). */
const QUIET_MS = 500;

async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`delivery bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The floor: a bare BullMQ worker posting the same Messages.create to the same sandbox. */
async function floorDrain(
  infra: TestInfra,
  sandboxUrl: string,
  creds: { accountSid: string; authToken: string },
  statusCallback: string,
  cpuOf: Record<string, Pids>,
  messages = MESSAGES,
): Promise<{ perSecond: number; cpuMsPerMessage: CpuPerMessage }> {
  const connection = { url: infra.redisUrl, maxRetriesPerRequest: null };
  const prefix = `{bench-floor-${randomBytes(4).toString('hex')}}`;
  const queue = new Queue('floor', { connection, prefix });
  queue.on('error', reportError('floor queue'));
  await queue.addBulk(
    Array.from({ length: messages }, (_, i) => ({
      name: 'send',
      data: { to: `+1555${String(3_000_000 + (i % PATIENTS)).padStart(7, '0')}` },
    })),
  );
  const client = createTwilioClient({ ...creds, baseUrl: sandboxUrl, timeoutMs: 15_000 });
  let done = 0;
  const start = performance.now();
  // The bare worker runs in this process: its CPU includes the bench's own (slow) polling.
  const cpu = await cpuMeter({ bench: fixed(process.pid), ...cpuOf });
  const worker = new Worker(
    'floor',
    async (job) => {
      await client.messages.create({ to: job.data.to, from: CLINIC_NUMBER, body: BODY, statusCallback });
      done++;
    },
    { connection, prefix, concurrency: CONCURRENCY },
  );
  worker.on('error', reportError('floor worker'));
  await waitUntil('the floor to drain its queue', async () => done >= messages, 300_000);
  const seconds = (performance.now() - start) / 1000;
  const cpuMsPerMessage = await cpu(messages);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { perSecond: messages / seconds, cpuMsPerMessage };
}

/**
 * Outbound replies per second through the whole path: accepted by the api (consent gate,
 * encrypted, outbox), queued in BullMQ, sent by one worker process at concurrency N (gate again,
 * locks, attempt persisted, real twilio SDK) to the sandbox, recorded. Measured as the drain
 * rate of a prefilled queue, next to a bare BullMQ worker sending the same request.
 */
export const deliveryBenchmark: Benchmark = {
  name: 'delivery',
  description: `${MESSAGES} replies drained by one worker at concurrency ${CONCURRENCY} vs a bare BullMQ worker`,
  run: () =>
    withBenchDatabase(async ({ infra, masterKey }) => {
      for (const app of ['worker', 'sandbox']) {
        const build = spawnSync('npx', ['nest', 'build', app], { encoding: 'utf8', stdio: 'pipe' });
        if (build.status !== 0)
          throw new Error(`bench: nest build ${app} failed:\n${build.stdout}${build.stderr}`);
      }
      const sandboxPort = await freePort();
      const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
      const sandbox = await startBuilt(
        'sandbox',
        { SANDBOX_PORT: String(sandboxPort) },
        `${sandboxUrl}/sandbox/health`,
      );
      const owner = new pg.Pool({ connectionString: infra.ownerUrl, max: 2 });
      owner.on('error', reportError('pg pool'));
      let worker: ChildProcess | undefined;
      try {
        const api = await startBuiltApi({ infra, masterKey });
        try {
          const token = await signedInOwner(api.client);
          const auth = { authorization: `Bearer ${token}` };
          const authToken = randomBytes(16).toString('hex');
          const accountSid = `AC${randomBytes(16).toString('hex')}`;
          const channel = JSON.parse(
            (
              await api.client.post(
                '/v1/channels',
                {
                  type: 'sms',
                  name: 'Bench line',
                  phoneNumber: CLINIC_NUMBER,
                  twilioAccountSid: accountSid,
                  twilioAuthToken: authToken,
                  sendRatePerSecond: 1000,
                },
                auth,
              )
            ).body,
          ) as { id: string; webhooks: { inbound: string; status: string } };

          const healthPort = await freePort();
          const startWorker = () =>
            startBuilt(
              'worker',
              {
                DATABASE_URL: infra.appUrl,
                REDIS_URL: infra.redisUrl,
                REDIS_PREFIX: infra.redisPrefix,
                PUBLIC_BASE_URL: api.baseUrl,
                MASTER_KEY: masterKey,
                TWILIO_API_BASE_URL: sandboxUrl,
                WORKER_HEALTH_PORT: String(healthPort),
                DELIVERY_CONCURRENCY: String(CONCURRENCY),
              },
              `http://127.0.0.1:${healthPort}/health/live`,
            );
          // Patients who texted in and consented: every reply goes plain, the same request as the floor's.
          // The worker turns their texts into messages; it keeps running (warm, like the floor's
          // worker), and its SMS queue is paused while each round's replies queue up.
          worker = await startWorker();
          const smsQueue = new Queue('delivery-sms', {
            connection: { url: infra.redisUrl, maxRetriesPerRequest: null },
            prefix: queuePrefix(infra.redisPrefix, 'delivery-sms'),
          });
          smsQueue.on('error', reportError('delivery-sms queue'));
          const conversations: string[] = [];
          for (let i = 0; i < PATIENTS; i++) {
            const params = {
              MessageSid: `SM${randomBytes(16).toString('hex')}`,
              AccountSid: accountSid,
              From: `+1555${String(3_000_000 + i).padStart(7, '0')}`,
              To: CLINIC_NUMBER,
              Body: 'Hello',
              NumMedia: '0',
            };
            const url = channel.webhooks.inbound;
            await new Promise<void>((resolve, reject) => {
              void fetch(url, {
                method: 'POST',
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params),
                },
                body: new URLSearchParams(params).toString(),
              }).then((r) => (r.ok ? resolve() : reject(new Error(`inbound ${r.status}`))), reject);
            });
            let rows: Array<{ conversation_id: string; contact_id: string }> = [];
            await waitUntil(
              'an inbound text to be stored',
              async () => {
                ({ rows } = await owner.query(
                  `SELECT conversation_id, contact_id FROM messages WHERE provider_message_id = $1`,
                  [params.MessageSid],
                ));
                return rows.length > 0;
              },
              30_000,
            );
            conversations.push(rows[0]!.conversation_id);
            const consent = await api.client.post(
              `/v1/contacts/${rows[0]!.contact_id}/consents`,
              {
                channel: 'sms',
                decision: 'granted',
                method: 'verbal_attested',
                attestation: 'Bench consent',
              },
              auth,
            );
            if (consent.status !== 201) throw new Error(`bench: consent answered ${consent.status}`);
          }

          // The two are measured in turns, ROUNDS times after one warm-up round (JIT of every
          // process, Postgres's caches), and the medians reported: this machine's speed drifts
          // over minutes (other tenants), which one pair of measurements takes for a difference.
          const rounds: Array<Round & { floor: number; floorCpuMsPerMessage: CpuPerMessage; ratio: number }> =
            [];
          for (let i = 0; i <= ROUNDS; i++) {
            const ours = await drainOurs();
            const floor = await drainFloor();
            if (i > 0)
              rounds.push({
                ...ours,
                floor: round(floor.perSecond),
                floorCpuMsPerMessage: floor.cpuMsPerMessage,
                ratio: round(ours.perSecond / floor.perSecond, 3),
              });
          }
          await setProviderLatency(PROVIDER_LATENCY_MS);
          const oursAtLatency = await drainOurs(LATENCY_MESSAGES);
          const floorAtLatency = await drainFloor(LATENCY_MESSAGES);
          await setProviderLatency(0);
          await smsQueue.close();
          return {
            benchmark: 'delivery',
            unit: 'outbound SMS/s (queue drained by one worker)',
            value: median(rounds.map((r) => r.perSecond)),
            floor: {
              what: `bare BullMQ worker, concurrency ${CONCURRENCY}, twilio SDK Messages.create to the same sandbox`,
              value: median(rounds.map((r) => r.floor)),
            },
            ratio: median(rounds.map((r) => r.ratio)),
            goal: '>= 0.6 of the floor',
            details: {
              messages: MESSAGES,
              concurrency: CONCURRENCY,
              // Each round: replies accepted by the api, drained by the worker, then the floor; CPU
              // per message of every process taking part (the floor shares the api and sandbox),
              // Postgres split by whose backends (the worker's, the api's) did the work.
              rounds,
              // Both sides waiting on a provider as slow as the real one: the worker's own time per
              // message (the gap to the floor) against the provider's.
              atProviderLatency: {
                latencyMs: PROVIDER_LATENCY_MS,
                messages: LATENCY_MESSAGES,
                perSecond: oursAtLatency.perSecond,
                floor: round(floorAtLatency.perSecond),
                ratio: round(oursAtLatency.perSecond / floorAtLatency.perSecond, 3),
                cpuMsPerMessage: oursAtLatency.cpuMsPerMessage,
                floorCpuMsPerMessage: floorAtLatency.cpuMsPerMessage,
              },
              loadAverage: os.loadavg().map((l) => round(l, 2)),
            },
          };

          /** Sets how long the sandbox takes to answer each provider API call. */
          async function setProviderLatency(ms: number): Promise<void> {
            const res = await fetch(`${sandboxUrl}/sandbox/config`, {
              method: 'PUT',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ responseDelayMs: ms }),
            });
            if (!res.ok) throw new Error(`bench: sandbox config answered ${res.status}`);
          }

          /** One floor drain, timed once our drain's status callbacks and audit sealing are done. */
          async function drainFloor(messages = MESSAGES) {
            await quiet({ ourCallbacks: true });
            return floorDrain(
              infra,
              sandboxUrl,
              { accountSid, authToken },
              channel.webhooks.status,
              // Its status callbacks go to the api (which finds no message): the floor shares them.
              { api: fixed(api.pid), sandbox: fixed(sandbox.pid), postgresForApi: backendsOf(owner, 'api') },
              messages,
            );
          }

          /** One round of ours: `messages` replies accepted (the queue paused), then drained by the worker. */
          async function drainOurs(messages = MESSAGES): Promise<Round> {
            await smsQueue.pause();
            // What autovacuum does in production, which this machine's Postgres runs without
            // (CI's conf.d sets autovacuum = off): never analyzed, the growing tables keep the
            // plans chosen when they were empty (sequential scans), and each round costs more.
            await owner.query(`VACUUM ANALYZE`);
            const acceptStart = performance.now();
            let next = 0;
            await Promise.all(
              Array.from({ length: 16 }, async () => {
                while (next < messages) {
                  const i = next++;
                  const res = await api.client.post(
                    `/v1/conversations/${conversations[i % PATIENTS]}/replies`,
                    { body: BODY, channel: 'sms' },
                    auth,
                  );
                  if (res.status !== 202) throw new Error(`bench: reply answered ${res.status}: ${res.body}`);
                }
              }),
            );
            const acceptedPerSecond = messages / ((performance.now() - acceptStart) / 1000);
            const target = (await handedOver()) + messages;
            // Accepting leaves the api's audit sealing behind (and the floor its status callbacks).
            await quiet({ ourCallbacks: false });

            // The database's own clock times the drain: from the queue's resume to the last
            // provider acceptance. The polling is slow and cheap so that it takes no CPU from
            // the drain it measures.
            const { rows: startRows } = await owner.query(`SELECT clock_timestamp() AS at`);
            const atStart = await handedOver();
            const cpu = await cpuMeter({
              worker: fixed(worker!.pid),
              api: fixed(api.pid),
              sandbox: fixed(sandbox.pid),
              postgresForWorker: backendsOf(owner, 'worker'),
              postgresForApi: backendsOf(owner, 'api'),
            });
            await smsQueue.resume();
            await waitUntil(
              'the worker to drain the queue',
              async () => (await handedOver()) >= target,
              600_000,
              250,
            );
            const drained = target - atStart;
            const cpuMsPerMessage = await cpu(drained);
            const { rows: endRows } = await owner.query(
              `SELECT extract(epoch FROM max(finished_at) - $1::timestamptz)::float AS seconds
               FROM delivery_attempts WHERE outcome = 'accepted'`,
              [startRows[0].at],
            );
            return {
              perSecond: round(drained / (endRows[0].seconds as number)),
              apiAcceptedPerSecond: round(acceptedPerSecond),
              // CPU per message handed over, while draining (the api answers the status callbacks).
              cpuMsPerMessage,
            };
          }

          /**
           * Waits until what the previous phase left behind is done: every audit event sealed and,
           * with `ourCallbacks`, every message we sent past its status callbacks; then QUIET_MS more
           * (the floor's callbacks, which name no message of ours). Each drain is timed on a quiet
           * machine, not charged with the tail of the phase before it.
           */
          async function quiet({ ourCallbacks }: { ourCallbacks: boolean }): Promise<void> {
            await waitUntil(
              'the audit sealing and status callbacks to finish',
              async () => {
                const { rows } = await owner.query<{ waiting: number }>(
                  `SELECT (SELECT count(*) FROM audit_outbox)::int
                     + CASE WHEN $1 THEN (SELECT count(*) FROM messages
                                          WHERE direction = 'outbound' AND status IN ('queued', 'sending', 'sent'))::int
                            ELSE 0 END AS waiting`,
                  [ourCallbacks],
                );
                return rows[0]!.waiting === 0;
              },
              60_000,
              100,
            );
            await sleep(QUIET_MS);
          }

          async function handedOver(): Promise<number> {
            const { rows } = await owner.query(
              `SELECT count(*)::int AS n FROM delivery_attempts WHERE outcome = 'accepted'`,
            );
            return rows[0].n;
          }
        } finally {
          if (worker) await stopProcess(worker);
          await api.stop();
        }
      } finally {
        await owner.end();
        await stopProcess(sandbox);
      }
    }),
};
