import { ConfigError, loadConfigOrExit } from '@app/config';
import { createWorkerApp } from './bootstrap.js';

const config = loadConfigOrExit('worker');
try {
  const app = await createWorkerApp(config);
  await app.listen(config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST); // HTTP for /health/* only
} catch (err) {
  // A setting the deployment refuses at boot (e.g. a MASTER_KEY its keys are not wrapped by).
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`worker: ${err.message}\n`);
  process.exit(78); // EX_CONFIG
}
