import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';

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

  it('rejects a Redis prefix without a hash tag', () => {
    expect(() => loadConfig('worker', { ...valid, REDIS_PREFIX: 'inbox' })).toThrow(/REDIS_PREFIX/);
  });
});
