import autocannon from 'autocannon';
import { type Client, signedInOwner, startBuiltApi } from './api-process.js';
import { type Benchmark, percentiles, round } from './harness.js';
import { withBenchDatabase } from './bench-env.js';

const ROUNDS = 5;
/** Per route and round; one request at a time, so these are latencies, not queueing. */
const ROUND_SECONDS = 1;
const THROUGHPUT_SECONDS = 3;
const CONNECTIONS = 16;

/**
 * What authentication costs a request: p50/p99 of `GET /v1/me` (JWT verify, the Redis session
 * check, permission guard, then one tenant transaction for the profile) and of
 * `GET /v1/me/permissions` (the same authentication, no database read) against the floor,
 * `GET /health/live` (no authentication at all), one request at a time, same server, same run.
 *
 * The api is the production bundle (`nest build api`) started as a child process on a private
 * database: the bench runner (tsx/esbuild) cannot emit the decorator metadata Nest's DI needs,
 * and a separate process also keeps the load generator off the server's event loop.
 */
export const authBenchmark: Benchmark = {
  name: 'auth',
  description: `GET /v1/me and /v1/me/permissions vs /health/live through the built api, ${ROUNDS} interleaved rounds of ${ROUND_SECONDS}s`,
  run: () =>
    withBenchDatabase(async ({ infra, masterKey }) => {
      const api = await startBuiltApi({ infra, masterKey });
      const { client, port } = api;
      try {
        const token = await signedInOwner(client);
        const auth = { authorization: `Bearer ${token}` };
        for (const [path, headers] of [
          ['/health/live', {}],
          ['/v1/me', auth],
          ['/v1/me/permissions', auth],
        ] as const) {
          const res = await client.get(path, headers);
          if (res.status !== 200) throw new Error(`auth bench: ${path} answered ${res.status}: ${res.body}`);
        }

        // Interleaved rounds, so a load change on the machine hits all three routes alike.
        const samples = { floor: [] as number[], authOnly: [] as number[], me: [] as number[] };
        for (let r = 0; r < ROUNDS; r++) {
          samples.floor.push(...(await latencies(client, '/health/live', {})));
          samples.authOnly.push(...(await latencies(client, '/v1/me/permissions', auth)));
          samples.me.push(...(await latencies(client, '/v1/me', auth)));
        }
        const floor = { ...percentiles(samples.floor), count: samples.floor.length };
        const authOnly = { ...percentiles(samples.authOnly), count: samples.authOnly.length };
        const me = { ...percentiles(samples.me), count: samples.me.length };

        const throughput = async (path: string, headers: Record<string, string>) => {
          const r = await autocannon({
            url: `http://127.0.0.1:${port}${path}`,
            headers,
            connections: CONNECTIONS,
            duration: THROUGHPUT_SECONDS,
          });
          if (r.non2xx > 0) throw new Error(`auth bench: ${r.non2xx} non-2xx answers from ${path}`);
          return round(r.requests.average);
        };
        const rps = {
          healthLive: await throughput('/health/live', {}),
          mePermissions: await throughput('/v1/me/permissions', auth),
          me: await throughput('/v1/me', auth),
        };

        return {
          benchmark: 'auth',
          unit: 'ms p50 GET /v1/me',
          value: me.p50,
          floor: { what: 'GET /health/live p50 (no authentication), same server', value: floor.p50 },
          ratio: round(me.p50 / floor.p50, 2),
          goal: 'authentication overhead (p50 /v1/me/permissions - p50 /health/live) well under 1 ms',
          details: {
            authOverheadP50Ms: round(authOnly.p50 - floor.p50, 3),
            me: { p50Ms: me.p50, p99Ms: me.p99, samples: me.count },
            mePermissions: { p50Ms: authOnly.p50, p99Ms: authOnly.p99, samples: authOnly.count },
            healthLive: { p50Ms: floor.p50, p99Ms: floor.p99, samples: floor.count },
            requestsPerSecond: { connections: CONNECTIONS, ...rps },
          },
        };
      } finally {
        await api.stop();
      }
    }),
};

/** Sequential GETs for `ROUND_SECONDS` after a short warm-up; each latency in ms. */
async function latencies(client: Client, path: string, headers: Record<string, string>): Promise<number[]> {
  for (let i = 0; i < 50; i++) await client.get(path, headers);
  const out: number[] = [];
  const until = performance.now() + ROUND_SECONDS * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    const res = await client.get(path, headers);
    out.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`auth bench: ${path} answered ${res.status} during the run`);
  }
  return out;
}
