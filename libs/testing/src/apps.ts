import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { checkResponsesAgainstOpenApi } from './openapi-conformance.js';

/**
 * The api exactly as production builds it, configured from this run's test environment; every
 * response it gives is checked against its OpenAPI document (./openapi-conformance.ts).
 */
export async function startApi(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const { createApiApp } = await import('../../../apps/api/src/bootstrap.js');
  const app = await createApiApp(loadConfig('api', { ...process.env, ...overrides }));
  const conformance = checkResponsesAgainstOpenApi(app);
  await readyOrClosed(app);
  await conformance.loadDocument();
  return app;
}

/** The worker exactly as production builds it (job handlers, health), configured for this test run. */
export async function startWorker(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const { createWorkerApp } = await import('../../../apps/worker/src/bootstrap.js');
  const app = await createWorkerApp(loadConfig('worker', { ...process.env, ...overrides }));
  return readyOrClosed(app);
}

/** Initialised, with Fastify's plugins loaded: supertest may call app.getHttpServer() right away. */
export async function ready(app: INestApplication): Promise<INestApplication> {
  await app.init();
  await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  return app;
}

/**
 * An app whose start fails (e.g. a refused MASTER_KEY) is closed before the error goes on: its
 * pools and Redis connections would otherwise outlive the test, and fail unawaited once the test
 * drops its database.
 */
async function readyOrClosed(app: INestApplication): Promise<INestApplication> {
  try {
    return await ready(app);
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
}
