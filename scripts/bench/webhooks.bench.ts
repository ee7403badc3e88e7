import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import twilio from 'twilio';
import {
  freePort,
  processCpuSeconds,
  signedInOwner,
  startBuiltApi,
  stopProcess,
  waitHttpOk,
} from './api-process.js';
import type { Benchmark } from './harness.js';
import { round } from './harness.js';
import { withBenchDatabase } from './bench-env.js';

const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 30);
/** Unmeasured load first, for the api and the floor alike: JIT, pools and caches warm, as in service. */
const WARMUP_SECONDS = 5;
const CONNECTIONS = 200;
const PATIENTS = 2000;
const CLINIC_NUMBER = '+15550001111';

/**
 * Signed Twilio inbound SMS webhooks per second through the built api (signature check, channel
 * routing, contact match, conversation upsert, encrypted message, audit, event publish), next to
 * the floor: a bare node:http server doing one parameterized INSERT per request on the same
 * database, same connections, same duration. Every request carries a new MessageSid (no dedupe
 * shortcut) from one of PATIENTS numbers, signed as Twilio signs.
 */
export const webhooksBenchmark: Benchmark = {
  name: 'webhooks',
  description: `signed Twilio inbound webhooks vs a bare INSERT server, ${CONNECTIONS} connections, ${SECONDS}s each`,
  run: () =>
    withBenchDatabase(async ({ infra, masterKey }) => {
      const api = await startBuiltApi({ infra, masterKey });
      let floorStats: autocannon.Result;
      let apiStats: autocannon.Result;
      let apiCpuMsPerRequest: number | null = null;
      let floorCpuMsPerRequest: number | null = null;
      try {
        const token = await signedInOwner(api.client);
        const authToken = randomBytes(16).toString('hex');
        const accountSid = `AC${randomBytes(16).toString('hex')}`;
        const channel = await api.client.post(
          '/v1/channels',
          {
            type: 'sms',
            name: 'Bench line',
            phoneNumber: CLINIC_NUMBER,
            twilioAccountSid: accountSid,
            twilioAuthToken: authToken,
          },
          { authorization: `Bearer ${token}` },
        );
        if (channel.status !== 201)
          throw new Error(`webhooks bench: channel answered ${channel.status}: ${channel.body}`);
        const path = `/webhooks/twilio/${(JSON.parse(channel.body) as { id: string }).id}/inbound`;
        const url = `${api.baseUrl}${path}`;

        const signedRequest = () => {
          const params = {
            MessageSid: `SM${randomBytes(16).toString('hex')}`,
            AccountSid: accountSid,
            From: `+1555${String(2_000_000 + Math.floor(Math.random() * PATIENTS)).padStart(7, '0')}`,
            To: CLINIC_NUMBER,
            Body: 'Hello, I would like to book an appointment for next week please.',
            NumMedia: '0',
          };
          return {
            method: 'POST' as const,
            path,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params),
            },
            body: new URLSearchParams(params).toString(),
          };
        };
        const load = (duration: number) =>
          autocannon({
            url: api.baseUrl,
            connections: CONNECTIONS,
            duration,
            requests: [{ setupRequest: () => signedRequest() }],
          });
        await load(WARMUP_SECONDS);
        const cpuBefore = api.cpuSeconds();
        apiStats = await load(SECONDS);
        apiCpuMsPerRequest = cpuMsPerRequest(cpuBefore, api.cpuSeconds(), apiStats);
        if (apiStats.non2xx > 0 || apiStats.errors > 0)
          throw new Error(
            `webhooks bench: ${apiStats.non2xx} non-2xx and ${apiStats.errors} errors from the api: ${JSON.stringify(apiStats.statusCodeStats)}`,
          );
      } finally {
        await api.stop();
      }

      // The floor, alone on the machine like the api was.
      const port = await freePort();
      const floor = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/floor-insert-server.ts'], {
        env: { ...process.env, FLOOR_PORT: String(port), FLOOR_DATABASE_URL: infra.ownerUrl },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      try {
        await waitHttpOk(`http://127.0.0.1:${port}/ready`, floor);
        const load = (duration: number) =>
          autocannon({
            url: `http://127.0.0.1:${port}/insert`,
            connections: CONNECTIONS,
            duration,
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'Body=Hello%2C+I+would+like+to+book+an+appointment+for+next+week+please.',
          });
        await load(WARMUP_SECONDS);
        const cpuBefore = processCpuSeconds(floor.pid);
        floorStats = await load(SECONDS);
        floorCpuMsPerRequest = cpuMsPerRequest(cpuBefore, processCpuSeconds(floor.pid), floorStats);
      } finally {
        await stopProcess(floor);
      }

      const value = round(apiStats.requests.average);
      const floorValue = round(floorStats.requests.average);
      return {
        benchmark: 'webhooks',
        unit: 'signed inbound SMS webhooks/s',
        value,
        floor: {
          what: 'bare node:http server, one parameterized INSERT per request, same database',
          value: floorValue,
        },
        ratio: round(value / floorValue, 3),
        goal: '>= 0.5 of the floor throughput, p99 <= 50 ms at 200 connections',
        details: {
          seconds: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          connections: CONNECTIONS,
          api: {
            p50Ms: apiStats.latency.p50,
            p99Ms: apiStats.latency.p99,
            requests: apiStats.requests.total,
            cpuMsPerRequest: apiCpuMsPerRequest,
          },
          floor: {
            p50Ms: floorStats.latency.p50,
            p99Ms: floorStats.latency.p99,
            requests: floorStats.requests.total,
            cpuMsPerRequest: floorCpuMsPerRequest,
          },
        },
      };
    }),
};

/**
 * CPU (user + system) the server process spent per answered request: what bounds a process on a
 * machine shared with others, much less sensitive to the load around it than requests/s.
 */
function cpuMsPerRequest(
  before: number | null,
  after: number | null,
  stats: autocannon.Result,
): number | null {
  return before === null || after === null
    ? null
    : round(((after - before) * 1000) / stats.requests.total, 3);
}
