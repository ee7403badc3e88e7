import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { ownerPool } from '@app/testing';
import { DatabaseError, normalizeDatabaseError } from './database-error.js';

describe('normalizeDatabaseError', () => {
  let owner: pg.Pool;
  beforeAll(() => {
    owner = ownerPool();
  });
  afterAll(() => owner.end());

  const failure = (sql: string, params: unknown[] = []) =>
    owner.query(sql, params).then(
      () => {
        throw new Error('expected the statement to fail');
      },
      (err: unknown) => err,
    );

  it('reads a unique violation from pg or TypeORM, naming the constraint, never the values', async () => {
    const secret = 'patient@mail.test';
    const client = await owner.connect();
    try {
      await client.query(`CREATE TEMP TABLE probe (email text CONSTRAINT probe_email UNIQUE)`);
      await client.query(`INSERT INTO probe VALUES ($1)`, [secret]);
      const raw = await client.query(`INSERT INTO probe VALUES ($1)`, [secret]).catch((e: unknown) => e);
      for (const thrown of [raw, new QueryFailedError('INSERT', [secret], raw as Error)]) {
        const normalized = normalizeDatabaseError(thrown);
        expect(normalized).toBeInstanceOf(DatabaseError);
        expect(normalized).toMatchObject({
          code: 'unique_violation',
          sqlState: '23505',
          constraint: 'probe_email',
        });
        expect(normalized!.message).not.toContain(secret);
        expect(JSON.stringify(normalized)).not.toContain(secret);
      }
    } finally {
      client.release();
    }
  });

  it('reads a NUL in text as invalid_text, and a deadlock or serialization failure as a transaction conflict', async () => {
    expect(normalizeDatabaseError(await failure(`SELECT $1::text`, ['a\u0000b']))).toMatchObject({
      code: 'invalid_text',
    });
    const deadlock = normalizeDatabaseError(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    expect(deadlock).toMatchObject({ code: 'deadlock', isTransactionConflict: true });
    expect(normalizeDatabaseError({ code: '40001' })?.isTransactionConflict).toBe(true);
    expect(normalizeDatabaseError({ code: '23503', constraint: 'fk' })).toMatchObject({
      code: 'foreign_key_violation',
      constraint: 'fk',
      isTransactionConflict: false,
    });
  });

  it('is null for what Postgres did not raise or the application does not act on', () => {
    expect(normalizeDatabaseError(new Error('boom'))).toBeNull();
    expect(normalizeDatabaseError({ code: 'ECONNRESET' })).toBeNull();
    expect(normalizeDatabaseError({ code: '42P01' })).toBeNull();
    expect(normalizeDatabaseError(undefined)).toBeNull();
  });
});
