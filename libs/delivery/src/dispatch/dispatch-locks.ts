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

/** The recipient's address lock, taken (shared) once the address is known. */
export interface AddressLock {
  address(tenantId: string, channel: DeliveryChannel, addressIndex: Buffer): Promise<void>;
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

  async holding<T>(messageId: string, work: (lock: AddressLock) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let unlocked = true;
    try {
      const { rows } = await client.query<{ got: boolean }>(
        `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got`,
        [`dispatch-message:${messageId}`],
      );
      if (!rows[0]?.got) throw new MessageBusyError();
      return await work({
        address: async (tenantId, channel, addressIndex) => {
          await client.query(`SELECT pg_advisory_lock_shared(hashtextextended($1, 0))`, [
            addressLockKey(tenantId, channel, addressIndex),
          ]);
        },
      });
    } finally {
      await client.query(`SELECT pg_advisory_unlock_all()`).catch(() => (unlocked = false));
      // A connection that could not unlock is closed: its session's locks end with it.
      client.release(!unlocked);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
