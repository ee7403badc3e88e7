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

/**
 * Session-level advisory locks held across a provider call, on connections of their own (so a
 * send never needs two connections of the main pool at once, which could starve it):
 * - the message, exclusively: never two runs of one message at the same time;
 * - the recipient's address, shared: consent changes to it (which take it exclusively, see
 *   `@app/consent` address-lock.ts) wait until the provider has answered.
 */
@Injectable()
export class DispatchLocks implements OnApplicationShutdown {
  private readonly pool: pg.Pool;

  constructor(
    @Inject(APP_CONFIG)
    config: Pick<CoreConfig, 'DATABASE_URL' | 'DELIVERY_CONCURRENCY'>,
  ) {
    this.pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      // One per concurrent delivery job (two queues), plus headroom.
      max: config.DELIVERY_CONCURRENCY * 2 + 2,
      application_name: 'inbox-dispatch-locks',
    });
  }

  async holding<T>(
    tenantId: string,
    message: { id: string; channel: DeliveryChannel; addressIndex: Buffer },
    work: () => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    let unlocked = true;
    try {
      // Bounded waits: a revocation holding the address (milliseconds) is worth waiting for;
      // anything longer is an error the job retries.
      await client.query(`SET lock_timeout = '10s'`);
      const { rows } = await client.query<{ got: boolean }>(
        `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got`,
        [`dispatch-message:${message.id}`],
      );
      if (!rows[0]?.got) throw new MessageBusyError();
      await client.query(`SELECT pg_advisory_lock_shared(hashtextextended($1, 0))`, [
        addressLockKey(tenantId, message.channel, message.addressIndex),
      ]);
      return await work();
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
