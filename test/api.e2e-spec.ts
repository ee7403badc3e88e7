import { spawnSync } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '@app/testing';

describe('api process', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApi();
  });
  afterAll(() => app.close());

  it('is live and ready when Postgres and Redis answer', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('names its Postgres connections inbox-api (pg_stat_activity shows which process holds one)', async () => {
    const [row] = await app.get(DataSource).query(`SELECT current_setting('application_name') AS name`);
    expect(row.name).toBe('inbox-api');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/health/ready');
    const ui = await request(app.getHttpServer()).get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await request(app.getHttpServer()).get('/nope').expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await request(app.getHttpServer())
      .post('/health/live')
      .set('content-type', 'application/json')
      .send('{"broken": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('answers an oversized body with 413', async () => {
    const res = await request(app.getHttpServer())
      .post('/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ x: 'a'.repeat(300_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('sets security headers and a request id', async () => {
    const res = await request(app.getHttpServer()).get('/health/live');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the Twilio webhooks as ordinary routes with the same headers, error shape and /docs entry', async () => {
    const path = '/webhooks/twilio/00000000-0000-4000-8000-000000000000/inbound';
    const res = await request(app.getHttpServer())
      .post(path)
      .type('form')
      .send({ MessageSid: 'SM1' })
      .expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Channel not found' } });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Other methods on the same path: no such route.
    await request(app.getHttpServer()).get(path).expect(404);

    const docs = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(docs.body.paths['/webhooks/twilio/{channelId}/inbound'].post.responses).toHaveProperty('403');
    expect(docs.body.paths['/webhooks/twilio/{channelId}/status'].post.summary).toMatch(/status callback/i);
  });
});

describe('api boot configuration', () => {
  it('exits non-zero naming MASTER_KEY when it is missing', () => {
    const env = { ...process.env, MASTER_KEY: '' };
    // One process (no npx wrapper), so the timeout's kill leaves nothing running.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/MASTER_KEY/);
    expect(run.stderr).not.toMatch(/JWT_SECRET/); // only what is wrong is named
    // tsx compiles the whole api first: on a busy 2-core machine that alone can pass 30 s.
  }, 90_000);
});
