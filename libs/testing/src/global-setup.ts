import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestInfra, destroyTestInfra } from './test-infra.js';

/**
 * Once per `vitest run`: a private database (migrated, with its own app and audit roles), a
 * private Redis prefix and a directory for audit checkpoints, exported to the test processes
 * as the same environment the apps read.
 * Everything is dropped at the end, so runs never see each other's data.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  const infra = await createTestInfra('run');
  const checkpoints = await mkdtemp(join(tmpdir(), 'inbox-audit-checkpoints-'));
  Object.assign(process.env, {
    NODE_ENV: 'test',
    // Kept in memory and printed only with a failing test (quiet-logs.ts), so worth having.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    DATABASE_URL: infra.appUrl,
    DATABASE_MIGRATION_URL: infra.ownerUrl,
    REDIS_URL: infra.redisUrl,
    REDIS_PREFIX: infra.redisPrefix,
    PUBLIC_BASE_URL: 'http://127.0.0.1:3999',
    MASTER_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    // /metrics on, behind this credential (a test that needs it off passes METRICS_TOKEN: '').
    METRICS_TOKEN: randomBytes(32).toString('hex'),
    TEST_APP_ROLE: infra.appRole,
    AUDIT_CHECKPOINT_DIR: checkpoints,
  });
  return async () => {
    await destroyTestInfra(infra);
    await rm(checkpoints, { recursive: true, force: true });
  };
}
