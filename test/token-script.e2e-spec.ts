import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from '@app/testing';
import { startListeningApi } from './ingestion-fixtures.js';

/** Runs `scripts/token.ts` (what `npm run token` runs) with this environment; never throws. */
function token(env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/token.ts', ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run token (scripts/token.ts)', () => {
  let api: INestApplication;
  let apiUrl: string;
  let demoDir: string;
  let owner: { email: string; password: string; totpSecret: string };

  beforeAll(async () => {
    api = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    apiUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    demoDir = mkdtempSync(join(tmpdir(), 'demo-token-'));
    // An owner as the demo leaves one: enrolled with a code of the previous 30 s step (the api
    // allows one step of drift), so the script's code of the current step is not a replay.
    const client = new StaffClient(api);
    const member = await client.signupPractice({ enrolMfa: false });
    const setup = await client.post('/v1/auth/mfa/setup', {}, member.accessToken).expect(200);
    const code = await generate({ secret: setup.body.secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    await client.post('/v1/auth/mfa/enable', { code }, member.accessToken).expect(200);
    owner = { email: member.email, password: member.password, totpSecret: setup.body.secret };
  });
  afterAll(async () => {
    rmSync(demoDir, { recursive: true, force: true });
    await api?.close();
  });

  it('prints only a fresh access token of the owner (password + TOTP), and records the spent step', async () => {
    writeFileSync(join(demoDir, 'owner.json'), JSON.stringify(owner));
    const run = await token({ DEMO_DIR: demoDir, API_URL: apiUrl });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);

    const me = await fetch(`${apiUrl}/v1/me`, { headers: { authorization: `Bearer ${run.stdout.trim()}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: owner.email, role: 'owner', mfaEnabled: true });
    const saved = JSON.parse(readFileSync(join(demoDir, 'owner.json'), 'utf8'));
    expect(saved.lastStep).toBeGreaterThanOrEqual(Math.floor(Date.now() / 30_000) - 1);
  });

  it('reads the api port from the demo environment file', async () => {
    writeFileSync(join(demoDir, 'env'), `NODE_ENV=development\nPORT=${new URL(apiUrl).port}\n`);
    // A wrong password: the refusal shows the script reached this api, without spending a TOTP step.
    writeFileSync(join(demoDir, 'owner.json'), JSON.stringify({ ...owner, password: 'not-the-password' }));
    const run = await token({ DEMO_DIR: demoDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`login as ${owner.email} answered 401`);
  });

  it('says what to do, exit 1, without .demo/owner.json or a running api', async () => {
    const missing = await token({ DEMO_DIR: join(demoDir, 'nothing-here') });
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('owner.json is missing: run `npm run demo` first');

    writeFileSync(join(demoDir, 'owner.json'), JSON.stringify(owner));
    const down = await token({ DEMO_DIR: demoDir, API_URL: 'http://127.0.0.1:9' });
    expect(down).toMatchObject({ code: 1, stdout: '' });
    expect(down.stderr).toContain('the demo api does not answer at http://127.0.0.1:9');
  });

  it('--totp <secret> prints the current code of that secret', async () => {
    const run = await token({}, ['--totp', owner.totpSecret]);
    expect(run.code).toBe(0);
    const now = Math.floor(Date.now() / 1000);
    const codes = await Promise.all(
      [now - 30, now].map((epoch) => generate({ secret: owner.totpSecret, epoch })),
    );
    expect(codes).toContain(run.stdout.trim());
  });
});
