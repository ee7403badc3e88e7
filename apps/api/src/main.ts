import { loadConfigOrExit } from '@app/config';
import { createApiApp } from './bootstrap.js';

const config = loadConfigOrExit('api');
const app = await createApiApp(config);
await app.listen(config.PORT);
