import pg from 'pg';

/**
 * What every pool the application's transactions run on shares: pipelined connections, so that
 * `TxPipeline` sends a transaction's statements without waiting between them (pg queues and
 * answers them in order either way; without it they would cost a round trip each).
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
  return new pg.Pool({
    ...PIPELINED,
    connectionString: options.url,
    max: options.max,
    application_name: options.applicationName,
    ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
  });
}
