import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import autocannon from 'autocannon';
import { generate } from 'otplib';
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
      const build = spawnSync('npx', ['nest', 'build', 'api'], { encoding: 'utf8', stdio: 'pipe' });
      if (build.status !== 0)
        throw new Error(`auth bench: nest build api failed:\n${build.stdout}${build.stderr}`);
      const port = await freePort();
      const api = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js'], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          // Request logs would be written for /v1/me but not for /health: measure auth, not logging.
          LOG_LEVEL: 'warn',
          PORT: String(port),
          DATABASE_URL: infra.appUrl,
          REDIS_URL: infra.redisUrl,
          REDIS_PREFIX: infra.redisPrefix,
          PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
          MASTER_KEY: masterKey,
          JWT_SECRET: randomBytes(32).toString('hex'),
          ALLOW_SIGNUP: 'true',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      api.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      const client = new Client(port);
      try {
        await waitReady(client, api, () => stderr);
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
        for (let round = 0; round < ROUNDS; round++) {
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
            authOverheadP99Ms: round(authOnly.p99 - floor.p99, 3),
            me: { p50Ms: me.p50, p99Ms: me.p99, samples: me.count },
            mePermissions: { p50Ms: authOnly.p50, p99Ms: authOnly.p99, samples: authOnly.count },
            healthLive: { p50Ms: floor.p50, p99Ms: floor.p99, samples: floor.count },
            requestsPerSecond: { connections: CONNECTIONS, ...rps },
          },
        };
      } finally {
        client.close();
        await stop(api);
      }
    }),
};

/** Keep-alive HTTP/1.1 client with as little overhead of its own as node:http allows. */
class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly port: number) {}

  get(path: string, headers: Record<string, string> = {}) {
    return this.request('GET', path, headers);
  }

  post(path: string, body: object, headers: Record<string, string> = {}) {
    return this.request(
      'POST',
      path,
      { ...headers, 'content-type': 'application/json' },
      JSON.stringify(body),
    );
  }

  close(): void {
    this.agent.destroy();
  }

  private request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: this.port, path, method, headers, agent: this.agent },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

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

function json(r: { status: number; body: string }, want: number): Record<string, string> {
  if (r.status !== want) throw new Error(`auth bench: expected ${want}, got ${r.status}: ${r.body}`);
  return JSON.parse(r.body) as Record<string, string>;
}

/** Signup, login, MFA enrolment: the token of a session that passed MFA, as staff really use it. */
async function signedInOwner(client: Client): Promise<string> {
  const email = `bench.${randomBytes(4).toString('hex')}@clinic.test`;
  const password = `Bench-Password-${randomBytes(6).toString('hex')}`;
  json(
    await client.post('/v1/auth/signup', { practiceName: 'Bench Clinic', name: 'Bench', email, password }),
    201,
  );
  const login = json(await client.post('/v1/auth/login', { email, password }), 200);
  const bearer = { authorization: `Bearer ${login.accessToken}` };
  const setup = json(await client.post('/v1/auth/mfa/setup', {}, bearer), 200);
  const code = await generate({ secret: setup.secret! });
  return json(await client.post('/v1/auth/mfa/enable', { code }, bearer), 200).accessToken!;
}

async function waitReady(client: Client, api: ChildProcess, stderr: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (api.exitCode !== null) throw new Error(`auth bench: api exited ${api.exitCode}:\n${stderr()}`);
    const ok = await client.get('/health/ready').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`auth bench: api not ready after 30 s:\n${stderr()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null) return;
  const exited = new Promise((r) => api.once('exit', r));
  api.kill('SIGTERM');
  const timer = setTimeout(() => api.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
