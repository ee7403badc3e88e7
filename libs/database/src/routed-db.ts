import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { RLS_SETTINGS, type Route, routeSetting, type SweepName } from './rls-settings.js';
import { TxPipeline } from './tx-pipeline.js';
import { isUuid } from './uuid.js';

/** A sweep's transaction: what the sweep's policy shows across practices. */
export interface SweepTx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** From here on, this practice's own rows too (e.g. to claim the due rows the sweep found). */
  actAsTenant(tenantId: string): Promise<void>;
}

/**
 * The database before a tenant is known, through the named settings of `RLS_SETTINGS` only:
 * a route lookup (which practice a webhook's channel, a public key, a chat session, a patient
 * link or a login email belongs to) and the periodic sweeps across practices. Everything a
 * practice's data needs afterwards runs in `TenantDb`.
 */
@Injectable()
export class RoutedDb {
  constructor(
    private readonly dataSource: DataSource,
    @Optional()
    @Inject(APP_CONFIG)
    private readonly config?: Pick<CoreConfig, 'DATABASE_PREPARED_STATEMENTS'>,
  ) {}

  /**
   * The rows of one read that row-level security limits to what `route` names (the read still
   * says which rows it wants). BEGIN, the route, the read and COMMIT: one round trip.
   */
  lookup<T = Record<string, unknown>>(route: Route, sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transaction(
      routeSetting(route),
      async (tx) => (await tx.commit([[sql, params]]))[0]!.rows as T[],
    );
  }

  /** `work` in a transaction where the sweep's policy applies (`SweepTx`), then COMMIT. */
  sweep<T>(sweep: SweepName, work: (tx: SweepTx) => Promise<T>): Promise<T> {
    return this.transaction([RLS_SETTINGS.sweep[sweep], 'on'], async (tx) => {
      const result = await work({
        query: async <R>(sql: string, params: unknown[] = []) =>
          (await tx.send([[sql, params]]))[0]!.rows as R[],
        actAsTenant: async (tenantId) => {
          if (!isUuid(tenantId)) throw new Error('actAsTenant: tenantId must be a UUID');
          await tx.set(RLS_SETTINGS.tenant, tenantId);
        },
      });
      await tx.commit([]);
      return result;
    });
  }

  private async transaction<T>(
    setting: readonly [string, string],
    work: (tx: TxPipeline) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.ClientBase;
      const tx = new TxPipeline(client, [setting], this.config?.DATABASE_PREPARED_STATEMENTS ?? true);
      try {
        return await work(tx);
      } catch (err) {
        // The original error matters, not a failed rollback.
        await tx.rollback().catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }
}
