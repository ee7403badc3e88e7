import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import twilio from 'twilio';
import { DataSource } from 'typeorm';
import { KeyRingService } from '@app/crypto';
import { PIPELINED, TenantDb } from '@app/database';
import { signedInOwner, startBuiltApi } from './api-process.js';
import type { Benchmark } from './harness.js';
import { round } from './harness.js';
import { withBenchDatabase } from './bench-env.js';

const PRACTICES = Number(process.env.BENCH_PRACTICES ?? 10_000);
/** Seconds of each measured phase; the phases alternate (one practice, many, one, many, ...). */
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_PRACTICES_ROUNDS ?? 2);
/**
 * Unmeasured load first for each setup, WARMUP_SECONDS after one pass over every channel (each
 * practice's first webhook loads its channel route and keys: without the pass, how many of them
 * a time-bounded warm-up reached, and so how cold the first measured round ran, depended on the
 * host's speed). The pass's own throughput is reported as the cold figure.
 */
const WARMUP_SECONDS = 5;
const CONNECTIONS = 200;
const PATIENTS = 2000;
/** Practices set up at once (each is one transaction on the owner's connection). */
const SETUP_CONCURRENCY = 16;
const BODY = 'Hello, I would like to book an appointment for next week please.';

interface BenchChannel {
  path: string;
  url: string;
  accountSid: string;
  authToken: string;
  phoneNumber: string;
}

/**
 * `npm run bench webhooks-practices`: the webhooks bench (signed Twilio inbound SMS webhooks
 * through the built api, 200 connections, a new MessageSid per request) on one practice, and
 * round-robin over PRACTICES practices with an SMS channel each, in the same run and against the
 * same api process, phases alternated so both see the same machine. The many practices are
 * created directly as the schema owner (practices in one INSERT; tenant keys wrapped by the
 * api's master key and the channel with its encrypted token, one transaction per practice).
 */
export const webhooksPracticesBenchmark: Benchmark = {
  name: 'webhooks-practices',
  description: `signed Twilio inbound webhooks round-robin over ${PRACTICES} practices vs one practice, ${CONNECTIONS} connections, ${ROUNDS}x${SECONDS}s each`,
  run: () =>
    withBenchDatabase(async ({ infra, masterKey }) => {
      const api = await startBuiltApi({ infra, masterKey });
      try {
        // One practice, as the webhooks bench sets it up: through the api.
        const token = await signedInOwner(api.client);
        const one = {
          phoneNumber: '+15550001111',
          authToken: randomBytes(16).toString('hex'),
          accountSid: `AC${randomBytes(16).toString('hex')}`,
        };
        const created = await api.client.post(
          '/v1/channels',
          { type: 'sms', name: 'Bench line', ...twilioFields(one) },
          { authorization: `Bearer ${token}` },
        );
        if (created.status !== 201)
          throw new Error(`webhooks-practices bench: channel answered ${created.status}: ${created.body}`);
        const onePath = `/webhooks/twilio/${(JSON.parse(created.body) as { id: string }).id}/inbound`;
        const onePractice = [{ ...one, path: onePath, url: `${api.baseUrl}${onePath}` }];

        const setupStarted = performance.now();
        const many = await createPractices(infra.ownerUrl, masterKey, PRACTICES, api.baseUrl);
        const setupSeconds = round((performance.now() - setupStarted) / 1000);
        process.stderr.write(`bench: ${PRACTICES} practices with an SMS channel in ${setupSeconds} s\n`);

        /** `duration` seconds of load, or (`{ pass: true }`) exactly one webhook to each channel. */
        const load = (channels: BenchChannel[], duration: number | { pass: true }) => {
          let next = 0;
          return autocannon({
            url: api.baseUrl,
            connections: CONNECTIONS,
            ...(typeof duration === 'number' ? { duration } : { amount: channels.length }),
            requests: [{ setupRequest: () => signedRequest(channels[next++ % channels.length]!) }],
          });
        };
        const phases = { one: [] as Phase[], many: [] as Phase[] };
        const run = async (which: 'one' | 'many') => {
          const channels = which === 'one' ? onePractice : many;
          const cpuBefore = api.cpuSeconds();
          const stats = await load(channels, SECONDS);
          const cpuAfter = api.cpuSeconds();
          if (stats.non2xx > 0 || stats.errors > 0)
            throw new Error(
              `webhooks-practices bench (${which}): ${stats.non2xx} non-2xx and ${stats.errors} errors: ${JSON.stringify(stats.statusCodeStats)}`,
            );
          phases[which].push({
            perSecond: stats.requests.average,
            requests: stats.requests.total,
            p50Ms: stats.latency.p50,
            p99Ms: stats.latency.p99,
            cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
          });
        };
        await load(onePractice, WARMUP_SECONDS);
        const coldStarted = performance.now();
        const cold = await load(many, { pass: true });
        const coldPerSecond = cold.requests.total / ((performance.now() - coldStarted) / 1000);
        if (cold.non2xx > 0 || cold.errors > 0)
          throw new Error(
            `webhooks-practices bench (cold pass): ${cold.non2xx} non-2xx and ${cold.errors} errors`,
          );
        await load(many, WARMUP_SECONDS);
        for (let r = 0; r < ROUNDS; r++) {
          // Alternate who goes first, so neither always follows the other's backlog.
          for (const which of r % 2 === 0 ? (['one', 'many'] as const) : (['many', 'one'] as const))
            await run(which);
        }
        const onePerSecond = mean(phases.one.map((p) => p.perSecond));
        const manyPerSecond = mean(phases.many.map((p) => p.perSecond));
        return {
          benchmark: 'webhooks-practices',
          unit: `signed inbound SMS webhooks/s, round-robin over ${PRACTICES} practices`,
          value: round(manyPerSecond),
          floor: {
            what: 'the same webhooks on one practice, same api process, same run',
            value: round(onePerSecond),
          },
          ratio: round(manyPerSecond / onePerSecond, 3),
          goal: `>= 0.8 of the one-practice throughput`,
          details: {
            practices: PRACTICES,
            setupSeconds,
            seconds: SECONDS,
            rounds: ROUNDS,
            warmupSeconds: WARMUP_SECONDS,
            // Each practice's first webhook (its route and keys loaded), unmeasured in the ratio.
            coldPass: { perSecond: round(coldPerSecond), p99Ms: cold.latency.p99 },
            connections: CONNECTIONS,
            onePractice: summary(phases.one),
            manyPractices: summary(phases.many),
          },
        };
      } finally {
        await api.stop();
      }
    }),
};

interface Phase {
  perSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  cpuSeconds: number | null;
}

function summary(phases: Phase[]) {
  const cpu = phases.every((p) => p.cpuSeconds !== null)
    ? round(
        (phases.reduce((s, p) => s + p.cpuSeconds!, 0) * 1000) / phases.reduce((s, p) => s + p.requests, 0),
        3,
      )
    : null;
  return {
    perSecond: phases.map((p) => round(p.perSecond)),
    p50Ms: phases.map((p) => p.p50Ms),
    p99Ms: phases.map((p) => p.p99Ms),
    requests: phases.reduce((s, p) => s + p.requests, 0),
    cpuMsPerRequest: cpu,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function twilioFields(c: { phoneNumber: string; accountSid: string; authToken: string }) {
  return { phoneNumber: c.phoneNumber, twilioAccountSid: c.accountSid, twilioAuthToken: c.authToken };
}

function signedRequest(channel: BenchChannel) {
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: channel.accountSid,
    From: `+1555${String(2_000_000 + Math.floor(Math.random() * PATIENTS)).padStart(7, '0')}`,
    To: channel.phoneNumber,
    Body: BODY,
    NumMedia: '0',
  };
  return {
    method: 'POST' as const,
    path: channel.path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(channel.authToken, channel.url, params),
    },
    body: new URLSearchParams(params).toString(),
  };
}

/**
 * `count` practices, each with its tenant keys (wrapped by `masterKey`, as the api's own) and an
 * SMS channel with its route and encrypted auth token, written as the schema owner: the
 * practices in one INSERT, then one transaction per practice (SETUP_CONCURRENCY at once).
 */
async function createPractices(
  ownerUrl: string,
  masterKey: string,
  count: number,
  baseUrl: string,
): Promise<BenchChannel[]> {
  const ds = await new DataSource({
    type: 'postgres',
    url: ownerUrl,
    extra: { ...PIPELINED, max: SETUP_CONCURRENCY },
  }).initialize();
  try {
    const db = new TenantDb(ds);
    const ring = new KeyRingService({
      MASTER_KEY: masterKey,
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: 60,
    });
    const ids = Array.from({ length: count }, () => randomUUID());
    await ds.query(
      `INSERT INTO practices (id, name) SELECT id, 'Bench Practice ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)`,
      [ids],
    );
    const channels: BenchChannel[] = Array.from({ length: count });
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const tenantId = ids[i]!;
        const channelId = randomUUID();
        const path = `/webhooks/twilio/${channelId}/inbound`;
        const channel: BenchChannel = {
          path,
          url: `${baseUrl}${path}`,
          accountSid: `AC${randomBytes(16).toString('hex')}`,
          authToken: randomBytes(16).toString('hex'),
          phoneNumber: `+1555${String(3_000_000 + i).padStart(7, '0')}`,
        };
        await db.forTenant(tenantId, async (tx) => {
          await ring.createTenantKeys(tx);
          const cipher = await ring.forTenant(tx);
          tx.sendWithCommit(
            `INSERT INTO channels (id, tenant_id, type, name, config, credentials_enc) VALUES ($1, $2, 'sms', 'Bench line', $3, $4)`,
            [
              channelId,
              tenantId,
              JSON.stringify({
                phoneNumber: channel.phoneNumber,
                twilioAccountSid: channel.accountSid,
                messagingServiceSid: null,
                sendRatePerSecond: 1,
              }),
              cipher.encrypt('channels.credentials', JSON.stringify({ twilioAuthToken: channel.authToken })),
            ],
          );
          tx.sendWithCommit(
            `INSERT INTO channel_routes (channel_id, tenant_id, type, active) VALUES ($1, $2, 'sms', true)`,
            [channelId, tenantId],
          );
        });
        channels[i] = channel;
      }
    };
    await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker));
    return channels;
  } finally {
    await ds.destroy();
  }
}
