import { ConfigError, loadConfigOrExit } from '@app/config';
import { exitUnlessDependenciesAnswer } from '@app/platform';
import { createApiApp } from './bootstrap.js';

const config = loadConfigOrExit('api');
// Postgres and Redis answer, or one JSON line says which does not (and the process exits).
await exitUnlessDependenciesAnswer('api', config);
try {
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
} catch (err) {
  // A setting the deployment refuses at boot (e.g. a MASTER_KEY its keys are not wrapped by).
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`api: ${err.message}\n`);
  process.exit(78); // EX_CONFIG
}
