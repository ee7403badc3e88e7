import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@app/config';
import { createSandboxApp, listenSandbox } from './sandbox-app.js';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('sandbox listening address', () => {
  let app: NestExpressApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const listening = async (env: Record<string, string>) => {
    const config = loadConfig('sandbox', { SANDBOX_PORT: String(await freePort()), ...env });
    app = await createSandboxApp({ logger: false });
    await listenSandbox(app, config);
    return app.getHttpServer().address() as AddressInfo;
  };

  it('listens on loopback only unless told otherwise (a fake provider is nobody else’s business)', async () => {
    expect((await listening({})).address).toBe('127.0.0.1');
  });

  it('listens where SANDBOX_HOST says (containers: 0.0.0.0)', async () => {
    expect((await listening({ SANDBOX_HOST: '0.0.0.0' })).address).toBe('0.0.0.0');
  });
});
