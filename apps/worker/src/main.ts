import { ConfigError, loadConfigOrExit } from '@app/config';
import { exitUnlessDependenciesAnswer } from '@app/platform';
import { createWorkerApp } from './bootstrap.js';

const config = loadConfigOrExit('worker');
// Postgres and Redis answer, or one JSON line says which does not (and the process exits).
await exitUnlessDependenciesAnswer('worker', config);
try {
  const app = await createWorkerApp(config);
  await app.listen(config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST); // HTTP for /health/*, /metrics and the queue dashboard
} catch (err) {
  // A setting the deployment refuses at boot (e.g. a MASTER_KEY its keys are not wrapped by).
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`worker: ${err.message}\n`);
  process.exit(78); // EX_CONFIG
}
