import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { generate } from 'otplib';
import type { TestInfra } from '@app/testing';
import type { SeededDataset } from '../seed/large-dataset.js';
import { API_NODE_FLAGS } from '../../apps/api/src/node-flags.js';

/**
 * The production api bundle (`nest build api`) as a child process on a benchmark's private
 * database: the bench runner (tsx/esbuild) cannot emit the decorator metadata Nest's DI needs,
 * and a separate process keeps the load generator off the server's event loop.
 */
export async function startBuiltApi({ infra, masterKey }: { infra: TestInfra; masterKey: string }) {
  const build = spawnSync('npx', ['nest', 'build', 'api'], { encoding: 'utf8', stdio: 'pipe' });
  if (build.status !== 0) throw new Error(`bench: nest build api failed:\n${build.stdout}${build.stderr}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The api's production flags (API_NODE_FLAGS), then BENCH_API_NODE_ARGS: extra node flags for the api only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = spawn(
    process.execPath,
    [...API_NODE_FLAGS, ...nodeArgs, '--enable-source-maps', 'dist/apps/api/main.js'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // Request logs would be written for some routes and not others: measure the work, not logging.
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        PORT: String(port),
        DATABASE_URL: infra.appUrl,
        REDIS_URL: infra.redisUrl,
        REDIS_PREFIX: infra.redisPrefix,
        PUBLIC_BASE_URL: baseUrl,
        MASTER_KEY: masterKey,
        JWT_SECRET: randomBytes(32).toString('hex'),
        ALLOW_SIGNUP: 'true',
      },
      stdio: ['ignore', process.env.BENCH_API_LOG ? 'inherit' : 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  api.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const client = new Client(port);
  try {
    await waitHttpOk(`${baseUrl}/health/ready`, api, () => stderr);
  } catch (err) {
    client.close();
    await stopProcess(api);
    throw err;
  }
  return {
    port,
    baseUrl,
    client,
    pid: api.pid,
    /** CPU seconds (user + system) the api process has used so far; null where /proc is missing. */
    cpuSeconds: () => processCpuSeconds(api.pid),
    stop: async () => {
      client.close();
      await stopProcess(api);
    },
  };
}

/** utime + stime of a Linux process (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s). */
/** The built api on a seeded dataset (`npm run seed:large`), with a Redis prefix of its own. */
export function startBuiltApiOn(data: SeededDataset, bench: string) {
  return startBuiltApi({
    infra: {
      database: data.database,
      appRole: `${data.database}_app`,
      ownerUrl: data.ownerUrl,
      appUrl: data.appUrl,
      redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisPrefix: `{bench_${bench}_${randomBytes(3).toString('hex')}}`,
    },
    masterKey: data.masterKey,
  });
}

export function processCpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Keep-alive HTTP/1.1 client with as little overhead of its own as node:http allows. */
export class Client {
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

function json(r: { status: number; body: string }, want: number): Record<string, string> {
  if (r.status !== want) throw new Error(`bench: expected ${want}, got ${r.status}: ${r.body}`);
  return JSON.parse(r.body) as Record<string, string>;
}

/** Signup, login, MFA enrolment: the token of a session that passed MFA, as staff really use it. */
export async function signedInOwner(client: Client): Promise<string> {
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

/** Waits until `url` answers 200 (30 s at most), failing early if the process exits. */
export async function waitHttpOk(
  url: string,
  proc: ChildProcess,
  stderr: () => string = () => '',
): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`bench: process exited ${proc.exitCode}:\n${stderr()}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bench: ${url} not ready after 30 s:\n${stderr()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
