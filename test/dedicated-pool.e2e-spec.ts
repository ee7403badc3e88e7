import { afterAll, describe, expect, it } from 'vitest';
import { dedicatedPool } from '@app/database';
import { ownerPool } from '@app/testing';

describe('a dedicated pool (dispatch sessions) whose idle connection the server ends', () => {
  const owner = ownerPool();
  const pool = dedicatedPool({ url: process.env.DATABASE_URL!, applicationName: 'inbox-pool-probe', max: 2 });

  afterAll(async () => {
    await pool.end();
    await owner.end();
  });

  it('drops it and serves the next query on a new connection, without an unhandled error', async () => {
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    client.release();

    // What a Postgres restart, failover or idle_session_timeout does to an idle connection.
    await owner.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    // The pool notices (an 'error' event, heard by the pool's own listener) and drops it.
    await expect.poll(() => pool.idleCount, { timeout: 10_000 }).toBe(0);

    const next = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(next.rows[0]!.pid).not.toBe(rows[0]!.pid);
  });
});
