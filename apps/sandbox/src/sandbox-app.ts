import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ProcessEnv } from '@app/config';
import type { SandboxAppOptions } from './common/sandbox-options.js';
import { SandboxModule } from './sandbox.module.js';

/** Bodies as large as SendGrid accepts (30 MB with attachments). */
const BODY_LIMIT = '30mb';

/**
 * The sandbox as a Nest app, initialised but not listening: `main.ts` listens on SANDBOX_PORT,
 * tests call `app.listen(0)` to run their own isolated instance in-process.
 */
export async function createSandboxApp(options: SandboxAppOptions = {}): Promise<NestExpressApplication> {
  const { logger, ...sandboxOptions } = options;
  const app = await NestFactory.create<NestExpressApplication>(SandboxModule.forRoot(sandboxOptions), {
    bodyParser: false,
    logger: logger ?? ['log', 'warn', 'error', 'fatal'],
  });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // Twilio forms repeat keys (MediaUrl=a&MediaUrl=b); the extended parser turns them into arrays.
  app.useBodyParser('urlencoded', { extended: true, limit: BODY_LIMIT });
  app.disable('x-powered-by');
  return app;
}

/** Listens as the sandbox process does (`main.ts`): on loopback unless SANDBOX_HOST says otherwise. */
export async function listenSandbox(
  app: NestExpressApplication,
  config: Pick<ProcessEnv<'sandbox'>, 'SANDBOX_PORT' | 'SANDBOX_HOST'>,
): Promise<void> {
  await app.listen(config.SANDBOX_PORT, config.SANDBOX_HOST);
}
