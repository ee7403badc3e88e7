import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@app/config';
import { nestLogLevels } from './log-levels.js';
import { createSandboxApp, listenSandbox } from './sandbox-app.js';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit('sandbox');
  const app = await createSandboxApp({ logger: nestLogLevels(config.LOG_LEVEL) });
  app.enableShutdownHooks();
  await listenSandbox(app, config);
  new Logger('Sandbox').log(
    `Twilio/SendGrid sandbox listening on ${config.SANDBOX_HOST} port ${config.SANDBOX_PORT}`,
  );
}

bootstrap().catch((err: unknown) => {
  new Logger('Sandbox').fatal('Sandbox failed to start', err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
