import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@app/config';

/** The api exactly as production builds it, configured from this run's test environment. */
export async function startApi(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const { createApiApp } = await import('../../../apps/api/src/bootstrap.js');
  const app = await createApiApp(loadConfig('api', { ...process.env, ...overrides }));
  await app.init();
  return app;
}
