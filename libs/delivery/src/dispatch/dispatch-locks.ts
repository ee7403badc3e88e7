import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { addressLockKey, type DeliveryChannel } from '@app/consent';

/** Another run of the same message holds it (a stalled job picked up while the first still runs). */
export class MessageBusyError extends Error {
  constructor() {
    super('Another dispatch of this message is in progress');
    this.name = 'MessageBusyError';
  }
}

/** Taken once the message has been read: the message itself and its recipient's address. */
export interface DispatchLock {
  /** MessageBusyError when another run holds the message (then nothing is taken). */
  take(tenantId: string, messageId: string, channel: DeliveryChannel, addressIndex: Buffer): Promise<void>;
}

/**
 * Session-level advisory locks held across a provider call, on connections of their own (a send
 * never needs two connections of the main pool at once, which could starve it):
 * - the message, exclusively (try-lock): never two runs of one message at the same time;
 * - the recipient's address, shared: consent changes to it (which take it exclusively, see
 *   `@app/consent` address-lock.ts) wait until the provider has answered.
 * Both end with the session if the process dies.
 */
@Injectable()
export class DispatchLocks implements OnApplicationShutdown {
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: Pick<CoreConfig, 'DATABASE_URL' | 'DELIVERY_CONCURRENCY'>) {
    this.pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      // One per concurrent delivery job (two queues), plus headroom.
      max: config.DELIVERY_CONCURRENCY * 2 + 2,
      application_name: 'inbox-dispatch-locks',
      // Bounded waits: a revocation holding an address (milliseconds) is worth waiting for;
      // anything longer is an error the job retries.
      options: '-c lock_timeout=10s',
    });
  }

  async holding<T>(work: (lock: DispatchLock) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let unlocked = true;
    let taken = false;
    try {
      return await work({
        take: async (tenantId, messageId, channel, addressIndex) => {
          // One round trip: the message (try), then, only if that succeeded (CASE evaluates its
          // branch lazily), the address (shared, waiting for a consent change in progress).
          const { rows } = await client.query<{ got: boolean }>(
            `SELECT CASE WHEN pg_try_advisory_lock(hashtextextended($1, 0))
                    THEN (SELECT true FROM (SELECT pg_advisory_lock_shared(hashtextextended($2, 0))) AS address)
                    ELSE false END AS got`,
            [`dispatch-message:${messageId}`, addressLockKey(tenantId, channel, addressIndex)],
          );
          taken = true;
          if (!rows[0]?.got) throw new MessageBusyError();
        },
      });
    } finally {
      if (taken) await client.query(`SELECT pg_advisory_unlock_all()`).catch(() => (unlocked = false));
      // A connection that could not unlock is closed: its session's locks end with it.
      client.release(!unlocked);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
