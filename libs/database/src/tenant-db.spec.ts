import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import { TenantDb, type TenantTx } from './tenant-db.js';

/** An error as pg raises it (only the SQLSTATE matters). */
const pgError = (code: string) => Object.assign(new Error('from the server'), { code });

/** A TenantDb whose transactions fail with `failures`, one per attempt, then answer 'done'. */
function dbFailing(...failures: unknown[]) {
  const db = new TenantDb({} as DataSource);
  const forTenant = vi.spyOn(db, 'forTenant').mockImplementation(async () => {
    const failure = failures.shift();
    if (failure) throw failure;
    return 'done';
  });
  const run = () => db.forTenantRetryingConflicts(randomUUID(), async (_tx: TenantTx) => 'unused');
  return { forTenant, run };
}

describe('TenantDb.forTenantRetryingConflicts', () => {
  it('runs a transaction that lost a deadlock or a serialization failure again', async () => {
    const { forTenant, run } = dbFailing(pgError('40P01'), pgError('40001'));
    expect(await run()).toBe('done');
    expect(forTenant).toHaveBeenCalledTimes(3);
  });

  it('gives up after three attempts, with the last error', async () => {
    const last = pgError('40P01');
    const { forTenant, run } = dbFailing(pgError('40P01'), pgError('40P01'), last, pgError('40P01'));
    await expect(run()).rejects.toBe(last);
    expect(forTenant).toHaveBeenCalledTimes(3);
  });

  it('never runs again after any other error', async () => {
    for (const failure of [pgError('23505'), pgError('55P03'), new Error('not the database')]) {
      const { forTenant, run } = dbFailing(failure);
      await expect(run()).rejects.toBe(failure);
      expect(forTenant).toHaveBeenCalledTimes(1);
    }
  });
});
