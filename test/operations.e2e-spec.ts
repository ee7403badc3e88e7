import { spawn } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApi, startWorker } from '@app/testing';
import { freePort, startPrivateRedis } from './private-redis.js';

const TOKEN = process.env.METRICS_TOKEN!;
const ANY_ID = '00000000-0000-4000-8000-000000000000';

/** `GET /metrics` with the operators' credential. */
const scrape = (app: INestApplication, token = TOKEN) =>
  request(app.getHttpServer()).get('/metrics').set('authorization', `Bearer ${token}`);

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the api's /metrics", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApi();
  });
  afterAll(() => app.close());

  it('answers only the operators’ credential: 401 in the error shape without it or with another', async () => {
    const none = await request(app.getHttpServer()).get('/metrics').expect(401);
    expect(none.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const wrong = await scrape(app, `${TOKEN.slice(0, -1)}x`).expect(401);
    expect(wrong.body.error.code).toBe('unauthorized');
    await request(app.getHttpServer()).get('/metrics').set('authorization', TOKEN).expect(401);
    const ok = await scrape(app).expect(200);
    expect(ok.headers['content-type']).toContain('text/plain');
    expect(ok.headers['content-type']).toContain('version=0.0.4');
  });

  it('times requests by route template and status, never by the path the client sent', async () => {
    const server = app.getHttpServer();
    await request(server).get(`/v1/conversations/${ANY_ID}`).expect(401);
    await request(server).get('/no/such/route/jane.doe@example.com').expect(404);
    await request(server).get('/health/live').expect(200);
    const { text } = await scrape(app).expect(200);
    expect(
      sample(
        text,
        'inbox_http_request_duration_seconds_count{method="GET",route="/v1/conversations/:id",status="401"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'inbox_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(
        text,
        'inbox_http_request_duration_seconds_count{method="GET",route="/health/live",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(
      /^inbox_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/health\/live",status="200"\} \d+$/m,
    );
    expect(text).not.toContain(ANY_ID);
    expect(text).not.toMatch(/example\.com|jane/);
  });

  it('counts provider webhook answers by provider, kind and status', async () => {
    const server = app.getHttpServer();
    await request(server).post(`/webhooks/twilio/${ANY_ID}/inbound`).type('form').send({}).expect(404);
    await request(server).post(`/webhooks/twilio/${ANY_ID}/status`).type('form').send({}).expect(404);
    await request(server).post(`/webhooks/sendgrid/${ANY_ID}/events`).send([]).expect(404);
    const { text } = await scrape(app).expect(200);
    for (const [provider, kind] of [
      ['twilio', 'inbound'],
      ['twilio', 'status'],
      ['sendgrid', 'events'],
    ])
      expect(
        sample(text, `inbox_webhook_requests_total{provider="${provider}",kind="${kind}",status="404"}`),
        `${provider} ${kind}`,
      ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(ANY_ID);
  });

  it('counts refused credentials by step and reason, without naming the account', async () => {
    const server = app.getHttpServer();
    const before = sample(
      (await scrape(app)).text,
      'inbox_auth_failures_total{step="login",reason="unknown_account"}',
    );
    await request(server)
      .post('/v1/auth/login')
      .send({ email: 'nobody-metrics@example.com', password: 'not-the-password-1' })
      .expect(401);
    await request(server).get('/v1/me').set('authorization', 'Bearer not.a.jwt').expect(401);
    await request(server).post('/v1/auth/mfa').send({ mfaToken: 'not.a.jwt', code: '123456' }).expect(401);
    await request(server).post('/v1/auth/refresh').send({ refreshToken: 'rt_nonsense' }).expect(401);
    const { text } = await scrape(app).expect(200);
    expect(sample(text, 'inbox_auth_failures_total{step="login",reason="unknown_account"}')).toBe(
      (before ?? 0) + 1,
    );
    expect(
      sample(text, 'inbox_auth_failures_total{step="access",reason="unauthorized"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'inbox_auth_failures_total{step="mfa",reason="invalid_mfa_token"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'inbox_auth_failures_total{step="refresh",reason="invalid_refresh_token"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/nobody-metrics|example\.com/);
  });

  it('is not served at all when METRICS_TOKEN is unset (404, like an unknown route)', async () => {
    const off = await startApi({ METRICS_TOKEN: '' });
    try {
      const res = await scrape(off).expect(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'No such resource' } });
      await request(off.getHttpServer()).get('/metrics').expect(404);
    } finally {
      await off.close();
    }
  });

  it("is documented with the operators' credential, not a staff token", async () => {
    const docs = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(docs.body.paths['/metrics'].get.security).toEqual([{ metricsToken: [] }]);
    expect(docs.body.components.securitySchemes.metricsToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });
});

describe("the worker's /metrics", () => {
  it('sits behind the same credential (401 without it, 404 when unset) and shows queue depth', async () => {
    const worker = await startWorker();
    try {
      const none = await request(worker.getHttpServer()).get('/metrics').expect(401);
      expect(none.body.error.code).toBe('unauthorized');
      const ok = await scrape(worker).expect(200);
      expect(ok.text).toMatch(/^inbox_queue_jobs\{queue="[a-z-]+",state="waiting"\} \d+$/m);
    } finally {
      await worker.close();
    }
    const off = await startWorker({ METRICS_TOKEN: '' });
    try {
      await scrape(off).expect(404);
    } finally {
      await off.close();
    }
  });
});

describe('readiness when a dependency is down', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const step of cleanup.toReversed()) await step();
  });

  it('answers 503 naming Redis once its Redis stops, and 200 while it runs', async () => {
    const redis = await startPrivateRedis();
    cleanup.push(redis.stop);
    const app = await startApi({ REDIS_URL: redis.url });
    cleanup.push(() => app.close());
    await request(app.getHttpServer()).get('/health/ready').expect(200);

    await redis.stop();
    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: {
        code: 'not_ready',
        message: 'Not ready: redis not available',
        details: { postgres: 'up', redis: 'down', master_key: 'up' },
      },
    });
  });

  it("the worker's too, and what its Redis connections report goes to the JSON log, not the console", async () => {
    const redis = await startPrivateRedis();
    cleanup.push(redis.stop);
    const worker = await startWorker({ REDIS_URL: redis.url });
    // The job workers close through Redis: it is back (same port), and reconnected, for a graceful
    // close (without it the close waits out JOB_SHUTDOWN_GRACE_MS; the next test covers that).
    cleanup.push(async () => {
      const again = await startPrivateRedis(redis.port);
      await vi.waitFor(() => request(worker.getHttpServer()).get('/health/ready').expect(200), {
        timeout: 15_000,
        interval: 200,
      });
      await worker.close();
      await again.stop();
    });
    await request(worker.getHttpServer()).get('/health/ready').expect(200);
    const printed = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
    try {
      await redis.stop();
      const res = await request(worker.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body.error).toMatchObject({ code: 'not_ready', details: { redis: 'down' } });
      // The job workers' blocking connections notice too, and reconnect (and fail) meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (const spy of printed) expect(spy.mock.calls.map((c) => String(c[0]))).toEqual([]);
    } finally {
      for (const spy of printed) spy.mockRestore();
    }
  });
});

describe('a worker asked to stop while Redis is down', () => {
  it('stops within its shutdown grace instead of waiting on the reconnecting job connections', async () => {
    const redis = await startPrivateRedis();
    let stopped = false;
    const worker = await startWorker({ REDIS_URL: redis.url, JOB_SHUTDOWN_GRACE_MS: '1000' });
    try {
      await request(worker.getHttpServer()).get('/health/ready').expect(200);
      await redis.stop();
      stopped = true;
      await request(worker.getHttpServer()).get('/health/ready').expect(503);
      // Before the grace, BullMQ's close waited here until SIGKILL (the test's timeout).
      await worker.close();
    } finally {
      if (!stopped) await redis.stop();
    }
  }, 20_000);
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs an entry point to its exit (or kills it after `limitMs`). */
function run(entry: string, env: NodeJS.ProcessEnv, limitMs = 45_000): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    // One process (no npx wrapper), so the SIGKILL at the limit leaves nothing running.
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The JSON lines a run printed. */
const jsonLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('boot with a dependency unreachable', () => {
  let closed: number;
  beforeAll(async () => {
    closed = await freePort();
  });

  it('the api and the worker print one JSON line naming it and exit non-zero, within seconds', async () => {
    const noPostgres = { DATABASE_URL: `postgres://nobody@127.0.0.1:${closed}/none` };
    const noRedis = { REDIS_URL: `redis://127.0.0.1:${closed}` };
    const runs = await Promise.all([
      run('apps/api/src/main.ts', noPostgres),
      run('apps/api/src/main.ts', noRedis),
      run('apps/worker/src/main.ts', noRedis),
      run('apps/worker/src/main.ts', noPostgres),
    ]);
    const expected = ['postgres', 'redis', 'redis', 'postgres'];
    runs.forEach((result, i) => {
      const label = `run ${i}: ${result.stderr}`;
      expect(result.status, label).toBe(69);
      const lines = jsonLines(result.stdout);
      expect(lines, label).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 60,
        process: i < 2 ? 'api' : 'worker',
        dependencies: [expected[i]],
        errors: { [expected[i]!]: 'ECONNREFUSED' },
        msg: `Cannot reach ${expected[i]} at boot; exiting`,
      });
      expect(result.stderr, label).not.toMatch(/ioredis|Unhandled/);
    });
    // tsx compiles the app first (several seconds on a busy machine); the check itself is quick.
    for (const result of runs) expect(result.ms).toBeLessThan(40_000);
  });
});
