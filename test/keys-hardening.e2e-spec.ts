import request from 'supertest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queuePrefix } from '@app/redis';
import { KeyRingService, MasterKeyCheck, MasterKeyMismatchError, masterKeyId } from '@app/crypto';
import {
  type StaffMember,
  type TestInfra,
  StaffClient,
  createTestInfra,
  destroyTestInfra,
  ownerPool,
  startApi,
  startWorker,
  subPrefix,
} from '@app/testing';
import { InboxSeeder } from './inbox-fixtures.js';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  inboundParams,
  freePort,
  postSigned,
  processInbound,
} from './ingestion-fixtures.js';

/** A TypeScript entry point run from source with this run's environment; its exit code and output. */
function runFromSource(entry: string, args: string[], env: Record<string, string> = {}) {
  const run = spawnSync('node_modules/.bin/tsx', [entry, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
/** `npm run keys -- ...` */
const keysCli = (args: string[], env: Record<string, string> = {}) =>
  runFromSource('libs/crypto/src/cli/keys.ts', args, env);
/** `npm run ops -- ...` */
const opsCli = (args: string[], env: Record<string, string> = {}) =>
  runFromSource('libs/channels/src/cli/ops.ts', args, env);
const newMasterKey = () => randomBytes(32).toString('base64');

describe('keys: a tenant key rotated by another process (issue 19, item 8)', () => {
  let warm: INestApplication;
  let fresh: INestApplication;
  let owner: pg.Pool;
  let admin: StaffMember;

  beforeAll(async () => {
    warm = await startApi({ ALLOW_SIGNUP: 'true' });
    fresh = await startApi();
    owner = ownerPool();
    admin = await new StaffClient(warm).signupPractice();
  });

  afterAll(async () => {
    await warm?.close();
    await fresh?.close();
    await owner?.end();
  });

  it('an api whose key cache predates `keys rotate-tenant` answers 200 on the inbox list and messages page', async () => {
    const staff = new StaffClient(warm);
    const before = await (
      await InboxSeeder.forPractice(warm, owner, admin.practiceId)
    ).inbound({
      name: 'Before Rotation',
    });
    // The warm api caches the practice's version-1 keys.
    await staff.get('/v1/conversations', admin.accessToken).expect(200);

    const rotated = keysCli(['rotate-tenant', admin.practiceId]);
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toMatch(/data key version 2/);
    expect(rotated.status).toBe(0);

    // Another api (no cache) seals a new patient's message with the version-2 key.
    const after = await (
      await InboxSeeder.forPractice(fresh, owner, admin.practiceId)
    ).inbound({
      name: 'After Rotation',
      body: 'sealed with the new key',
    });

    const list = await staff.get('/v1/conversations', admin.accessToken);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const names = (list.body.data as Array<{ id: string; contact: { displayName: string } }>).map((item) => [
      item.id,
      item.contact.displayName,
    ]);
    expect(names).toEqual(
      expect.arrayContaining([
        [after.conversationId, 'After Rotation'],
        [before.conversationId, 'Before Rotation'],
      ]),
    );
    const messages = await staff.get(`/v1/conversations/${after.conversationId}/messages`, admin.accessToken);
    expect(messages.status, JSON.stringify(messages.body)).toBe(200);
    expect(JSON.stringify(messages.body)).toContain('sealed with the new key');
  });
});

describe('MASTER_KEY is checked against the deployment before a process starts (issue 19, item 7)', () => {
  // A database of its own: these tests change which master key the deployment has.
  let infra: TestInfra;
  let owner: pg.Pool;
  const started: INestApplication[] = [];
  const [deploymentKey, wrongKey, nextKey] = [newMasterKey(), newMasterKey(), newMasterKey()];
  const env = (masterKey: string, previous: string[] = []) => ({
    DATABASE_URL: infra.appUrl,
    DATABASE_MIGRATION_URL: infra.ownerUrl,
    REDIS_PREFIX: infra.redisPrefix,
    MASTER_KEY: masterKey,
    MASTER_KEY_PREVIOUS: previous.join(','),
  });
  const api = async (masterKey: string, previous: string[] = []) => {
    const app = await startApi({ ...env(masterKey, previous), ALLOW_SIGNUP: 'true' });
    started.push(app);
    return app;
  };

  beforeAll(async () => {
    infra = await createTestInfra('keys');
    owner = new pg.Pool({ connectionString: infra.ownerUrl, max: 2 });
  });

  afterAll(async () => {
    for (const app of started) await app.close();
    await owner?.end();
    if (infra) await destroyTestInfra(infra);
  });

  it('the first process records its key; an api or worker with another one refuses to start, naming MASTER_KEY only', async () => {
    const first = await api(deploymentKey);
    await new StaffClient(first).signupPractice({ enrolMfa: false });

    const wrongApi = await api(wrongKey).then(
      () => null,
      (err: unknown) => err,
    );
    expect(wrongApi).toBeInstanceOf(MasterKeyMismatchError);
    expect((wrongApi as Error).message).toMatch(/MASTER_KEY/);
    expect((wrongApi as Error).message).not.toContain(wrongKey);
    const wrongWorker = await startWorker(env(wrongKey)).then(
      (app) => (started.push(app), null),
      (err: unknown) => err,
    );
    expect(wrongWorker).toBeInstanceOf(MasterKeyMismatchError);
    const { rows } = await owner.query(`SELECT master_key_id FROM deployment_master_key`);
    expect(rows).toEqual([{ master_key_id: masterKeyId(Buffer.from(deploymentKey, 'base64')) }]);
  });

  it('the api process exits 78 (EX_CONFIG) with a wrong MASTER_KEY', async () => {
    // Built as production runs it (Nest needs the decorator metadata the bundler emits).
    const build = spawnSync('npx', ['nest', 'build', 'api'], { encoding: 'utf8', timeout: 120_000 });
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
    const run = spawnSync(process.execPath, ['dist/apps/api/main.js'], {
      env: { ...process.env, ...env(wrongKey), PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr.slice(-2000)).toBe(78);
    expect(run.stderr).toMatch(/MASTER_KEY/);
    expect(run.stderr).not.toContain(wrongKey);
  });

  it('a master key rotation moves the check: the old key alone is refused, and a running old instance is not ready', async () => {
    const oldOnly = started[0]!;
    await expect(oldOnly.get(MasterKeyCheck).verify()).resolves.toBeUndefined();
    // During the rotation: new key current, old one previous.
    await api(nextKey, [deploymentKey]);
    const rotated = keysCli(['rotate-master'], env(nextKey, [deploymentKey]));
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toContain(
      `deployment master key is now ${masterKeyId(Buffer.from(nextKey, 'base64'))}`,
    );

    await expect(oldOnly.get(MasterKeyCheck).verify()).rejects.toBeInstanceOf(MasterKeyMismatchError);
    // The old instance stops taking traffic: readiness names the master key.
    const ready = await request(oldOnly.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error).toMatchObject({ code: 'not_ready', details: { master_key: 'down' } });
    await expect(api(deploymentKey)).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await api(nextKey);
  });
});

describe('parked inbound texts (issue 19, item 7)', () => {
  // Queues of their own: no other test file's worker drains these texts.
  const prefix = subPrefix(process.env.REDIS_PREFIX!, 'keys-parked');
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: SmsPractice;

  beforeAll(async () => {
    app = await startApi({ REDIS_PREFIX: prefix });
    owner = ownerPool();
  });
  beforeEach(async () => {
    practice = await createSmsPractice(app, owner);
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const receive = async (body: string) => {
    const params = inboundParams(practice, { from: freshPhone(), body });
    await postSigned(app, practice.channel.webhooks.inbound, params, practice.authToken).expect(200);
    return params.MessageSid!;
  };
  const pending = async (sid: string) =>
    (await owner.query(`SELECT attempts FROM sms_inbound WHERE message_sid = $1`, [sid])).rows[0] as
      { attempts: number } | undefined;
  const stored = async (sid: string) =>
    (await owner.query(`SELECT 1 FROM messages WHERE provider_message_id = $1`, [sid])).rowCount;

  it('a key problem does not use up the processing attempts of a text', async () => {
    const sid = await receive('my keys are fine, the server is not');
    // The practice's keys are wrapped by a master key this process does not have.
    const { rows } = await owner.query(`SELECT id, master_key_id FROM tenant_keys WHERE tenant_id = $1`, [
      practice.tenantId,
    ]);
    await owner.query(`UPDATE tenant_keys SET master_key_id = '00000000000000ff' WHERE tenant_id = $1`, [
      practice.tenantId,
    ]);
    const keys = app.get(KeyRingService);
    keys.clearCache();
    try {
      for (let run = 0; run < 3; run++) {
        await expect(processInbound(app, practice.tenantId)).rejects.toThrow(/master key/);
      }
      expect(await pending(sid)).toEqual({ attempts: 0 });
    } finally {
      for (const row of rows) {
        await owner.query(`UPDATE tenant_keys SET master_key_id = $2 WHERE id = $1`, [
          row.id,
          row.master_key_id,
        ]);
      }
      keys.clearCache();
    }
    await processInbound(app, practice.tenantId);
    expect(await stored(sid)).toBe(1);
    expect(await pending(sid)).toBeUndefined();
  });

  it('`ops requeue-texts` brings a parked text back to processing', async () => {
    const sid = await receive('parked, then requeued');
    // Parked: failed MAX_PROCESSING_ATTEMPTS runs (a bug since fixed, say).
    await owner.query(`UPDATE sms_inbound SET attempts = 8 WHERE message_sid = $1`, [sid]);
    expect(await processInbound(app, practice.tenantId)).toBe(0);

    const listed = opsCli(['parked-texts'], { REDIS_PREFIX: prefix });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`practice ${practice.tenantId}: 1 parked texts`);

    const requeued = opsCli(['requeue-texts', practice.tenantId], { REDIS_PREFIX: prefix });
    expect(requeued.stderr).toBe('');
    expect(requeued.status).toBe(0);
    expect(requeued.stdout).toContain(`practice ${practice.tenantId}: 1 texts requeued`);
    expect(await pending(sid)).toEqual({ attempts: 0 });
    const queue = new Queue('inbound', {
      connection: { url: process.env.REDIS_URL! },
      prefix: queuePrefix(prefix, 'inbound'),
    });
    try {
      const job = await queue.getJob(`relay-${practice.tenantId}`);
      expect(job?.data).toEqual({ tenantId: practice.tenantId });
    } finally {
      await queue.close();
    }

    // What that job runs.
    await processInbound(app, practice.tenantId);
    expect(await stored(sid)).toBe(1);
    expect(await pending(sid)).toBeUndefined();
  });

  it('`ops` refuses an unknown verb or practice id (64, EX_USAGE)', () => {
    expect(opsCli(['requeue-texts', 'not-a-uuid']).status).toBe(64);
    expect(opsCli(['drop-texts']).status).toBe(64);
  });
});
