import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';
import { parseRedisUrl } from './schema.js';

const valid = {
  DATABASE_URL: 'postgres://app:pw@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PUBLIC_BASE_URL: 'http://localhost:3000/',
  MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('parses a valid api environment with defaults', () => {
    const cfg = loadConfig('api', valid);
    expect(cfg.PORT).toBe(3000);
    expect(cfg.PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(cfg.REDIS_PREFIX).toBe('{inbox}');
    expect(cfg.ALLOW_SIGNUP).toBe(false);
    expect(cfg.MASTER_KEY_PREVIOUS).toEqual([]);
  });

  it('names a missing MASTER_KEY', () => {
    const { MASTER_KEY: _omit, ...env } = valid;
    expect(() => loadConfig('api', env)).toThrow(/MASTER_KEY/);
  });

  it('names every wrong variable without echoing secret values', () => {
    const secret = 'c2hvcnQ=';
    try {
      loadConfig('api', { ...valid, MASTER_KEY: secret, PORT: 'eighty', REDIS_URL: '' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/MASTER_KEY/);
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/REDIS_URL/);
      expect(problems).not.toContain(secret);
    }
  });

  it('only requires what the process uses', () => {
    expect(loadConfig('sandbox', {}).SANDBOX_PORT).toBe(4010);
  });

  it('listens on loopback unless an IP address to listen on is given', () => {
    expect(loadConfig('api', valid).HOST).toBe('127.0.0.1');
    expect(loadConfig('worker', valid).WORKER_HEALTH_HOST).toBe('127.0.0.1');
    expect(loadConfig('sandbox', {}).SANDBOX_HOST).toBe('127.0.0.1');
    expect(loadConfig('api', { ...valid, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => loadConfig('api', { ...valid, HOST: 'my-laptop' })).toThrow(/HOST: must be an IP address/);
  });

  it('takes a plain Redis namespace or the single-slot {inbox} form, and nothing else', () => {
    expect(loadConfig('worker', { ...valid, REDIS_PREFIX: 'inbox' }).REDIS_PREFIX).toBe('inbox');
    expect(loadConfig('worker', { ...valid, REDIS_PREFIX: 'inbox:eu-1' }).REDIS_PREFIX).toBe('inbox:eu-1');
    expect(loadConfig('worker', { ...valid, REDIS_PREFIX: '{inbox}' }).REDIS_PREFIX).toBe('{inbox}');
    for (const prefix of ['in box', 'inbox:', '{inbox', 'inbox{x}', ':inbox', 'inbox*']) {
      expect(() => loadConfig('worker', { ...valid, REDIS_PREFIX: prefix }), prefix).toThrow(
        /REDIS_PREFIX: must be a plain namespace such as inbox/,
      );
    }
  });

  it('names a Redis Cluster by its seed nodes, with credentials and TLS', () => {
    const cluster = 'redis+cluster://127.0.0.1:7000, 10.0.0.2:7001,[::1]:7002';
    expect(loadConfig('api', { ...valid, REDIS_URL: cluster }).REDIS_URL).toBe(cluster);
    expect(parseRedisUrl(cluster)).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '127.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      tls: false,
      username: undefined,
      password: undefined,
    });
    expect(parseRedisUrl('rediss+cluster://app:p%40ss@redis-1.internal:6380,redis-2.internal:6380')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-1.internal', port: 6380 },
        { host: 'redis-2.internal', port: 6380 },
      ],
      tls: true,
      username: 'app',
      password: 'p@ss',
    });
    expect(parseRedisUrl('redis://127.0.0.1:6379/2')).toEqual({
      kind: 'single',
      url: 'redis://127.0.0.1:6379/2',
    });
  });

  it('refuses a Redis Cluster URL it cannot read, without echoing its password', () => {
    const wrong = [
      'redis+cluster://',
      'redis+cluster://127.0.0.1',
      'redis+cluster://127.0.0.1:7000,127.0.0.1',
      'redis+cluster://127.0.0.1:70000',
      'redis+cluster://:secret@host:7000/3',
      'cluster://127.0.0.1:7000',
    ];
    for (const REDIS_URL of wrong) {
      try {
        loadConfig('api', { ...valid, REDIS_URL });
        expect.unreachable(REDIS_URL);
      } catch (err) {
        const problems = (err as ConfigError).problems.join('\n');
        expect(problems, REDIS_URL).toMatch(/^REDIS_URL: /);
        expect(problems).not.toContain('secret');
      }
    }
    expect(() => loadConfig('api', { ...valid, REDIS_URL: 'redis+cluster://h:1,h:x' })).toThrow(
      /REDIS_URL: each Redis Cluster seed node must be host:port/,
    );
  });

  it('spreads keys over a Cluster: its default namespace is plain, and the single-slot form is refused', () => {
    const REDIS_URL = 'redis+cluster://127.0.0.1:7000';
    expect(loadConfig('worker', valid).REDIS_PREFIX).toBe('{inbox}');
    expect(loadConfig('worker', { ...valid, REDIS_URL }).REDIS_PREFIX).toBe('inbox');
    expect(loadConfig('api', { ...valid, REDIS_URL, REDIS_PREFIX: 'clinic' }).REDIS_PREFIX).toBe('clinic');
    expect(() => loadConfig('api', { ...valid, REDIS_URL, REDIS_PREFIX: '{inbox}' })).toThrow(
      /REDIS_PREFIX: a Redis Cluster needs a plain namespace such as inbox/,
    );
  });
});
