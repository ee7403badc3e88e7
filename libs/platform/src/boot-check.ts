import pg from 'pg';
import { pino } from 'pino';
import type { CoreConfig } from '@app/config';
import { createRedisClient } from '@app/redis';

/** How long boot waits for each dependency to answer before giving up. */
export const BOOT_CHECK_TIMEOUT_MS = 5000;

/** Exit status when a dependency cannot be reached at boot (sysexits EX_UNAVAILABLE). */
export const EX_UNAVAILABLE = 69;

export type Dependency = 'postgres' | 'redis';

/** Why a dependency did not answer: an error code only (messages name hosts and users). */
type Failure = { dependency: Dependency; code: string };

const codeOf = (err: unknown): string => (err as { code?: string }).code ?? (err as Error).name ?? 'unknown';

async function reachPostgres(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function reachRedis(url: string, timeoutMs: number): Promise<void> {
  const redis = createRedisClient(url, {
    name: 'inbox-boot-check',
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    reconnect: false,
    enableOfflineQueue: false,
  });
  // ioredis rejects connect() with "Connection is closed"; the socket's error says why.
  let cause: unknown;
  redis.on('error', (err) => (cause ??= err));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw cause ?? err;
  } finally {
    redis.disconnect();
  }
}

/** The dependencies that did not answer within `timeoutMs` (both are tried at once). */
export async function unreachableDependencies(
  config: Pick<CoreConfig, 'DATABASE_URL' | 'REDIS_URL'>,
  timeoutMs = BOOT_CHECK_TIMEOUT_MS,
): Promise<Failure[]> {
  const checks: Array<[Dependency, Promise<void>]> = [
    ['postgres', reachPostgres(config.DATABASE_URL, timeoutMs)],
    ['redis', reachRedis(config.REDIS_URL, timeoutMs)],
  ];
  const results = await Promise.allSettled(checks.map(([, check]) => check));
  return results.flatMap((result, i) =>
    result.status === 'rejected' ? [{ dependency: checks[i]![0], code: codeOf(result.reason) }] : [],
  );
}

/**
 * Before the application boots: Postgres and Redis must answer, or the process prints one JSON
 * log line naming what it could not reach (and the error code) and exits with EX_UNAVAILABLE,
 * within BOOT_CHECK_TIMEOUT_MS, instead of retrying silently behind a port that never opens.
 */
export async function exitUnlessDependenciesAnswer(
  processName: 'api' | 'worker',
  config: Pick<CoreConfig, 'DATABASE_URL' | 'REDIS_URL'>,
): Promise<void> {
  const failures = await unreachableDependencies(config);
  if (failures.length === 0) return;
  const names = failures.map((f) => f.dependency);
  pino({ base: { process: processName } }, pino.destination({ dest: 1, sync: true })).fatal(
    {
      dependencies: names,
      errors: Object.fromEntries(failures.map((f) => [f.dependency, f.code])),
    },
    `Cannot reach ${names.join(' and ')} at boot; exiting`,
  );
  process.exit(EX_UNAVAILABLE);
}
