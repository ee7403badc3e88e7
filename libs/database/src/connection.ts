import { Logger } from '@nestjs/common';
import pg from 'pg';

/**
 * What every pool the application's transactions run on shares: pipelined connections, so that
 * a transaction's batches (`TxPipeline`) issued together go out without waiting for each
 * other's answers (without it, each would wait for the one before it).
 */
export const PIPELINED: Pick<pg.PoolConfig, 'pipeline'> = { pipeline: true };

/**
 * A pool of its own beside the DataSource's, for connections held longer than a transaction
 * (e.g. dispatch sessions, whose session-level advisory locks span a provider call), so they
 * never starve the main pool. `settings` are session settings (e.g. lock_timeout) for its
 * connections only.
 */
export function dedicatedPool(options: {
  url: string;
  applicationName: string;
  max: number;
  settings?: Record<string, string>;
}): pg.Pool {
  const settings = Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`);
  const pool = new pg.Pool({
    ...PIPELINED,
    connectionString: options.url,
    max: options.max,
    application_name: options.applicationName,
    ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
  });
  // An idle connection the server ends (restart, failover, idle timeout) is an 'error' event on
  // the pool; unheard, it would crash the process. The pool drops that connection and opens
  // another when asked.
  pool.on('error', (err: Error & { code?: string }) =>
    poolLogger.warn(
      { pool: options.applicationName, err: { name: err.name, code: err.code } },
      'Idle connection lost',
    ),
  );
  return pool;
}

const poolLogger = new Logger('Database');
