import { loadConfigOrExit } from '@app/config';
import { createWorkerApp } from './bootstrap.js';

const config = loadConfigOrExit('worker');
const app = await createWorkerApp(config);
await app.listen(config.WORKER_HEALTH_PORT); // HTTP for /health/* only
