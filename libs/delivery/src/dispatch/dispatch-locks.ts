import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { addressLockKeySql } from '@app/consent';
import { dedicatedPool, TenantDb, type TenantTx } from '@app/database';

/** The advisory lock key of one message's dispatch, for an SQL expression giving its id. */
const messageLockKeySql = (id: string): string => `hashtextextended('dispatch-message:' || ${id}, 0)`;

/**
 * A select-list expression for the message row `m` that takes the dispatch's two locks as the
 * row is read (one round trip): the message, exclusively (try-lock: never two runs of one
 * message at once), then, only if that succeeded (CASE evaluates its branch lazily), the
 * recipient's address, shared (waiting for a consent change in progress; consent changes take
 * it exclusively, see `@app/consent` address-lock.ts). False: the message is busy.
 */
export function takeDispatchLocksSql(m: string): string {
  const address = addressLockKeySql({
    tenantId: `${m}.tenant_id`,
    channel: `${m}.channel`,
    addressIndex: `${m}.to_address_bidx`,
  });
  return `CASE WHEN pg_try_advisory_lock(${messageLockKeySql(`${m}.id`)})
          THEN (SELECT true FROM (SELECT pg_advisory_lock_shared(hashtextextended(${address}, 0))) AS address)
          ELSE false END`;
}

/**
 * A session-level unlock of one message's dispatch locks (the pair `takeDispatchLocksSql` took),
 * for a message of a batch that will not be sent: the batch's other messages keep theirs.
 * Parameters: message id, tenant id, channel, address blind index.
 */
export const RELEASE_DISPATCH_LOCKS_SQL = `SELECT pg_advisory_unlock(${messageLockKeySql('$1::uuid')}),
  pg_advisory_unlock_shared(hashtextextended(${addressLockKeySql({ tenantId: '$2::uuid', channel: '$3::text', addressIndex: '$4::bytea' })}, 0))`;

/** One dispatch batch's connection: its transactions run here, and its session locks live here. */
export interface DispatchSession {
  transaction<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T>;
  /** The batch's last transaction: the session locks end in its COMMIT's round trip. */
  finalTransaction<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T>;
  /** Back to the pool, its session locks ended (without a final transaction, a round trip later). */
  release(): void;
}

/**
 * Connections of their own for dispatches (a send never needs a connection of the main pool,
 * which it could starve while it waits on a provider). Both transactions of a dispatch batch run
 * on its connection, so the session-level advisory locks its first read takes
 * (`takeDispatchLocksSql`) are held across the provider call until the outcome is recorded,
 * and end with the session if the process dies.
 */
@Injectable()
export class DispatchSessions implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly pool: pg.Pool;
  /** Sessions not yet released: batches still calling providers or recording outcomes. */
  private openSessions = 0;
  private readonly whenIdle: Array<() => void> = [];

  constructor(
    @Inject(APP_CONFIG) config: Pick<CoreConfig, 'DATABASE_URL' | 'DELIVERY_CONCURRENCY'>,
    private readonly db: TenantDb,
  ) {
    this.pool = dedicatedPool({
      url: config.DATABASE_URL,
      // One per concurrent delivery job (two queues), plus headroom; a batch still recording
      // after its jobs completed holds one too, and a new batch waits for a free one.
      max: config.DELIVERY_CONCURRENCY * 2 + 2,
      applicationName: 'inbox-dispatch',
      // Bounded waits: a revocation holding an address (milliseconds) is worth waiting for;
      // anything longer is an error the job retries. Generic plans: every statement here is a
      // lookup by key, and Postgres would otherwise plan the batch statements (ids = ANY($2))
      // again on every run, their generic estimate of ten ids always costing more than a custom
      // plan for the few of a batch.
      settings: { lock_timeout: '10s', plan_cache_mode: 'force_generic_plan' },
    });
  }

  async open(): Promise<DispatchSession> {
    const client = await this.pool.connect();
    this.openSessions++;
    let unlocked = false;
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      if (--this.openSessions === 0) for (const resolve of this.whenIdle.splice(0)) resolve();
    };
    return {
      transaction: (tenantId, fn) => this.db.forTenantOn(client, tenantId, fn),
      finalTransaction: async (tenantId, fn) => {
        const result = await this.db.forTenantOn(client, tenantId, (tx) => {
          tx.releaseAdvisoryLocksWithCommit();
          return fn(tx);
        });
        unlocked = true;
        return result;
      },
      release: () => {
        if (unlocked) {
          client.release();
          return done();
        }
        // Not awaited: the batch is decided; the locks end a round trip later. A connection
        // that cannot unlock is closed, which ends its session's locks.
        client.query(`SELECT pg_advisory_unlock_all()`).then(
          () => (client.release(), done()),
          () => (client.release(true), done()),
        );
      },
    };
  }

  /**
   * Resolves once no session is open: every batch has recorded its outcomes (a job whose
   * message the provider accepted completes before its batch's record).
   */
  idle(): Promise<void> {
    return this.openSessions === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.whenIdle.push(resolve));
  }

  /**
   * SIGTERM: the batches still recording finish while everything they use (Redis, the main
   * pool) is up; once more before the pool ends, for any a job started meanwhile.
   */
  beforeApplicationShutdown(): Promise<void> {
    return this.idle();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
    await this.pool.end();
  }
}
